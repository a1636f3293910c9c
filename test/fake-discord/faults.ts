/**
 * Fault injection: canned Discord error responses and route matchers for `FakeDiscord.failNext`.
 * The error bodies and headers mirror what Discord really sends, because discord.js's REST client
 * decides whether to wait, retry or throw from exactly these fields.
 */

/** Matches a REST request by method (upper-case) and path below `/api/v10` (no query string). */
export type RouteMatcher = (method: string, path: string) => boolean;

export interface FaultResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export const routes = {
  /** POST /interactions/:id/:token/callback (optionally for one interaction id). */
  callback:
    (interactionId?: string): RouteMatcher =>
    (method, path) =>
      method === 'POST' && matches(path, ['interactions', interactionId, undefined, 'callback']),
  /** PATCH /webhooks/:appId/:token/messages/@original (editReply). */
  editOriginal: (): RouteMatcher => (method, path) =>
    method === 'PATCH' && matches(path, ['webhooks', undefined, undefined, 'messages', '@original']),
  /** POST /webhooks/:appId/:token (followUp). */
  followUp: (): RouteMatcher => (method, path) => method === 'POST' && matches(path, ['webhooks', undefined, undefined]),
  /** Any request to any interaction webhook. */
  webhook: (): RouteMatcher => (_method, path) => path.startsWith('/webhooks/'),
  any: (): RouteMatcher => () => true,
};

/** Segment-wise match where `undefined` is a wildcard. */
function matches(path: string, pattern: ReadonlyArray<string | undefined>): boolean {
  const segments = path.split('/').slice(1);
  return segments.length === pattern.length && pattern.every((p, i) => p === undefined || p === segments[i]);
}

export const faults = {
  /**
   * A 429 as Discord sends it. discord.js waits `retry-after` seconds (plus its 50 ms offset) and
   * retries; `x-ratelimit-remaining: 0` + `reset-after` make its per-bucket handler wait too.
   */
  rateLimited(retryAfterSeconds: number, options: { global?: boolean } = {}): FaultResponse {
    const global = options.global ?? false;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + retryAfterSeconds * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': retryAfterSeconds.toFixed(3),
        'x-ratelimit-bucket': 'fake-rate-limited-bucket',
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  },
  /** discord.js retries 5xx up to `rest.retries` (3) times before throwing an HTTPError. */
  serverError(status = 500): FaultResponse {
    return { status, body: { message: '500: Internal Server Error', code: 0 } };
  },
  /** What Discord answers when the 3 s acknowledgement window was missed or the token expired. */
  unknownInteraction(): FaultResponse {
    return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
  },
  unknownWebhook(): FaultResponse {
    return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
  },
  unknownMessage(): FaultResponse {
    return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
  },
  alreadyAcknowledged(): FaultResponse {
    return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
  },
};

export class FaultQueue {
  readonly #pending: Array<{ matcher: RouteMatcher; response: FaultResponse; remaining: number }> = [];

  add(matcher: RouteMatcher, response: FaultResponse, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be a positive integer, got ${times}`);
    this.#pending.push({ matcher, response, remaining: times });
  }

  /** Consumes (one use of) the first fault matching this request, in registration order. */
  take(method: string, path: string): FaultResponse | undefined {
    const index = this.#pending.findIndex((fault) => fault.matcher(method, path));
    const fault = this.#pending[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#pending.splice(index, 1);
    return fault.response;
  }

  get size(): number {
    return this.#pending.length;
  }
}
