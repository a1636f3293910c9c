/**
 * What the fake remembers about REST traffic, plus the one waiting primitive everything else uses:
 * "tell me when this predicate over the fake's state becomes true". Every state change calls
 * `notify()`, so waits never poll and never sleep.
 */
import type { UploadedFile } from './payloads.js';

export interface RecordedRequest {
  readonly method: string;
  /** Decoded path below `/api/v10`, without the query string, e.g. `/webhooks/1/abc/messages/@original`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The route template that handled it, e.g. `POST /interactions/:id/:token/callback`; null for unknown routes. */
  readonly route: string | null;
  /** Lower-cased request headers. `authorization` is redacted here; read {@link authorization} instead. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The raw Authorization header. Non-enumerable on purpose, so that vitest diffs, console.log and
   * JSON.stringify of a recorded request never print the bot token.
   */
  readonly authorization: string | undefined;
  /** Parsed JSON body; for multipart requests the parsed `payload_json` part; null when there is no body. */
  readonly body: unknown;
  /** Files of a multipart request (contents are not kept, only their shape). */
  readonly files: readonly UploadedFile[];
  /** Status the fake answered with. */
  readonly status: number;
  /** JSON the fake answered with (e.g. the created message, or an error body); null for 204. */
  readonly response: unknown;
  /** True when the answer came from {@link FakeDiscord.failNext} rather than the route's own logic. */
  readonly injected: boolean;
  /** The interaction this request answers (callback or interaction webhook), if any. */
  readonly interactionId: string | undefined;
  /** `Date.now()` when the request arrived. */
  readonly at: number;
}

export function createRecordedRequest(fields: Omit<RecordedRequest, 'authorization'>, authorization: string | undefined): RecordedRequest {
  const record = { ...fields };
  Object.defineProperty(record, 'authorization', { value: authorization, enumerable: false });
  return record as RecordedRequest;
}

/** One line per request, for timeout messages. Never includes headers. */
export function describeRequests(requests: readonly RecordedRequest[]): string {
  if (requests.length === 0) return '  (no REST requests recorded)';
  return requests
    .map((r) => `  ${r.method} ${r.path} -> ${r.status}${r.injected ? ' (injected)' : ''}${r.route ? '' : ' (unknown route)'}`)
    .join('\n');
}

export interface WaitOptions {
  /** Default 5000 ms: long enough for a loaded CI machine, short enough to fail fast. */
  readonly timeoutMs?: number;
}

export const DEFAULT_WAIT_MS = 5_000;

/** A probe result: `undefined`, `null` or `false` mean "not yet". */
export type Pending<T> = T | undefined | null | false;

export class Notifier {
  readonly #listeners = new Set<{ check: () => void; fail: (error: Error) => void }>();
  #closed: Error | null = null;

  /** Re-evaluates every pending wait. Call after any state change. */
  notify(): void {
    for (const listener of [...this.#listeners]) listener.check();
  }

  /**
   * Resolves with the first value `probe` returns that is not `undefined`, `null` or `false`,
   * checking immediately and after every `notify()`. Rejects after the timeout with `what` and the
   * fake's `context()` in the message.
   */
  waitFor<T>(probe: () => Pending<T>, what: string, context: () => string, options: WaitOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      if (this.#closed) {
        reject(this.#closed);
        return;
      }
      const listener = {
        check: () => {
          let value: Pending<T>;
          try {
            value = probe();
          } catch (error) {
            settle();
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (value !== undefined && value !== null && value !== false) {
            settle();
            resolve(value);
          }
        },
        fail: (error: Error) => {
          settle();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}\n${context()}`));
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
      };
      this.#listeners.add(listener);
      listener.check();
    });
  }

  /** Fails all pending and future waits (used by stop(), so a test never hangs on a dead fake). */
  close(reason: string): void {
    this.#closed = new Error(`fake-discord: ${reason}`);
    for (const listener of [...this.#listeners]) listener.fail(this.#closed);
  }
}
