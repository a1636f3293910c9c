import { DefaultRestOptions, type RESTOptions } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

/** One retry about to happen, for the log. */
export interface RetryNotice {
  method: string;
  url: string;
  /** The 5xx status, or the network error's code/name. */
  cause: number | string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
}

export interface BackoffOptions {
  /** The first wait in ms; it doubles with each further failure of the same request. Default `100`. */
  baseMs?: number;
  /** How often discord.js retries (its `rest.retries`, default `3`); after the last failure nothing waits. */
  retries?: number;
  /** Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1); each wait is scaled by 0.5 to 1. Default `Math.random`. */
  random?: () => number;
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * discord.js retries a 5xx or a reset connection at once, up to 3 times: against a Discord that is
 * struggling, four requests within milliseconds make it worse and all fail together. This wraps its
 * `makeRequest` so that a failure is handed back only after a growing wait (100, 200, 400 ms, with
 * jitter), and discord.js's own retry then comes later. The worst case adds 0.7 s, inside the 3 s an
 * interaction has for its first response. Other statuses (429 included: discord.js waits those out
 * itself) pass straight through.
 */
export function withBackoff(makeRequest: MakeRequest = DefaultRestOptions.makeRequest, options: BackoffOptions = {}): MakeRequest {
  const baseMs = options.baseMs ?? 100;
  const retries = options.retries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  // Consecutive failures per request; discord.js repeats the same method and URL when it retries.
  const failures = new Map<string, number>();

  const wait = async (key: string, method: string, url: string, cause: number | string): Promise<void> => {
    const attempt = (failures.get(key) ?? 0) + 1;
    if (attempt > retries) {
      failures.delete(key);
      return;
    }
    failures.set(key, attempt);
    const delayMs = Math.round(baseMs * 2 ** (attempt - 1) * (0.5 + random() / 2));
    options.onRetry?.({ method, url, cause, attempt, delayMs });
    await sleep(delayMs);
  };

  return async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const key = `${method} ${url}`;
    let response;
    try {
      response = await makeRequest(url, init);
    } catch (error) {
      // Only the errors discord.js itself retries: a timeout (AbortError) or a reset connection.
      if (error instanceof Error && isRetriedByDiscordJs(error)) await wait(key, method, url, errorCause(error));
      else failures.delete(key);
      throw error;
    }
    if (response.status >= 500 && response.status < 600) await wait(key, method, url, response.status);
    else failures.delete(key);
    return response;
  };
}

function isRetriedByDiscordJs(error: Error): boolean {
  return error.name === 'AbortError' || errorCause(error) === 'ECONNRESET' || error.message.includes('ECONNRESET');
}

function errorCause(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
