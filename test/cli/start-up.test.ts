import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAsk } from '../../src/cli/ask.js';
import { runIndex } from '../../src/cli/index.js';
import { runRepl } from '../../src/cli/repl.js';
import { main } from '../../src/discord/main.js';
import { loadWithinBudget } from '../../src/heap.js';
import { FakeDiscord } from '../fake-discord/server.js';
import { sink } from './sink.js';

// The real start-up path, watched: each entry point must load what it answers from through it.
vi.mock('../../src/heap.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/heap.js')>();
  return { ...actual, loadWithinBudget: vi.fn(actual.loadWithinBudget) };
});

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.Lo4dTe.start-up-test-token-not-a-secret';

function io(stdin: string[] = []) {
  return { stdin: Readable.from(stdin), stdout: sink(), stderr: sink(), env: {} };
}

afterEach(() => vi.mocked(loadWithinBudget).mockClear());

describe('start-up', () => {
  it('ask loads its engine through the shared start-up path (heap limits) before answering', async () => {
    const run = io();
    expect(await runAsk(['who bought Norsat?'], run)).toBe(0);
    expect(loadWithinBudget).toHaveBeenCalledTimes(1);
    expect(run.stdout.text).toContain('Norsat');
  });

  it('repl loads its engine through the shared start-up path', async () => {
    expect(await runRepl([], io([':quit\n']))).toBe(0);
    expect(loadWithinBudget).toHaveBeenCalledTimes(1);
  });

  it('index builds or checks its snapshot through the shared start-up path', async () => {
    const run = io();
    expect(await runIndex([], run)).toBe(0);
    expect(loadWithinBudget).toHaveBeenCalledTimes(1);
    expect(run.stdout.text).toMatch(/snapshot/);
  });

  it('the bot loads its engine through the shared start-up path before it logs in', async () => {
    const fake = await FakeDiscord.start({ botToken: TOKEN });
    try {
      // A rejected token: the engine is loaded first, then logging in fails.
      const bot = await main({ DISCORD_TOKEN: `${TOKEN.slice(0, -4)}XXXX`, DISCORD_API_URL: fake.restUrl }, { write: () => true }, { write: () => true });
      expect(bot).toBeUndefined();
    } finally {
      await fake.stop();
    }
    expect(loadWithinBudget).toHaveBeenCalledTimes(1);
  });

  it('says in one newsbot: line when what the start-up path loads is missing', async () => {
    const run = io();
    expect(await runAsk(['--corpus', '/nonexistent/newsbot-corpus', 'q'], run)).toBe(1);
    expect(run.stderr.text).toMatch(/^newsbot: corpus ".*newsbot-corpus" does not exist\n$/);
  });
});
