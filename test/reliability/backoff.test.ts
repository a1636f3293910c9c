import type { ResponseLike } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { withBackoff, type BackoffOptions } from '../../src/discord/backoff.js';

/** A makeRequest that answers with the given statuses (or throws the given errors) in turn, and the waits it caused. */
function scripted(outcomes: Array<number | Error>, options: BackoffOptions = {}) {
  const waits: number[] = [];
  let calls = 0;
  const makeRequest = withBackoff(
    async () => {
      const next = outcomes[calls++];
      if (next instanceof Error) throw next;
      return { status: next, ok: next !== undefined && next < 300 } as unknown as ResponseLike;
    },
    { random: () => 1, sleep: async (ms) => void waits.push(ms), ...options },
  );
  const send = (url = 'https://discord.test/api/v10/interactions/1/t/callback') => makeRequest(url, { method: 'POST' });
  return { send, waits, calls: () => calls };
}

function reset(): Error {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
}

describe('withBackoff', () => {
  it('waits 100, 200 then 400 ms before handing back each 5xx, and not after the last one discord.js makes', async () => {
    const { send, waits } = scripted([500, 502, 503, 500]);
    for (let i = 0; i < 4; i++) expect((await send()).status).toBeGreaterThanOrEqual(500);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('passes successes, client errors and 429s straight through (discord.js waits out 429s itself)', async () => {
    const { send, waits } = scripted([200, 204, 400, 404, 429]);
    for (let i = 0; i < 5; i++) await send();
    expect(waits).toEqual([]);
  });

  it('starts again from 100 ms once the request succeeded', async () => {
    const { send, waits } = scripted([500, 200, 500]);
    for (let i = 0; i < 3; i++) await send();
    expect(waits).toEqual([100, 100]);
  });

  it('counts failures per request, so one failing route does not slow another', async () => {
    const { send, waits } = scripted([500, 500, 500]);
    await send('https://discord.test/a');
    await send('https://discord.test/b');
    await send('https://discord.test/a');
    expect(waits).toEqual([100, 100, 200]);
  });

  it('waits before rethrowing a reset connection, which discord.js retries, but not other errors', async () => {
    const { send, waits } = scripted([reset(), new Error('getaddrinfo ENOTFOUND discord.test')]);
    await expect(send()).rejects.toThrow('ECONNRESET');
    await expect(send()).rejects.toThrow('ENOTFOUND');
    expect(waits).toEqual([100]);
  });

  it('keeps each wait between half and all of the step, with jitter', async () => {
    const { send, waits } = scripted([500, 500], { random: () => 0 });
    await send();
    await send();
    expect(waits).toEqual([50, 100]);
  });

  it('reports each retry with its cause, attempt and wait, for the log', async () => {
    const notices: unknown[] = [];
    const { send } = scripted([502], { onRetry: (notice) => notices.push(notice) });
    await send('https://discord.test/x');
    expect(notices).toEqual([{ method: 'POST', url: 'https://discord.test/x', cause: 502, attempt: 1, delayMs: 100 }]);
  });
});
