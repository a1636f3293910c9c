/**
 * Secrets stay secret: the bot token, and the interaction tokens Discord puts in callback URLs
 * (each lets anyone post as the bot for 15 minutes), appear in no output, whatever fails.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/discord/main.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord, faults, routes } from '../fake-discord/server.js';
import { ROOT, TOKEN, runScript, startRunning, stringOption, waitUntil, type Running } from '../harness.js';

const QUESTION = 'who bought Norsat, asked by a user who would rather not see this in a log?';

function captured() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('createLogger', () => {
  it('replaces the token wherever it hides, an error message included', () => {
    const { lines, destination } = captured();
    const logger = createLogger({ secrets: [TOKEN], destination });
    logger.error({ err: new Error(`login failed for ${TOKEN}`), headers: { note: `Bot ${TOKEN}` } }, `token ${TOKEN}`);
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('masks interaction and webhook tokens in Discord URLs', () => {
    const { lines, destination } = captured();
    const logger = createLogger({ destination });
    logger.warn({ url: 'https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb246abc_-x/callback?with_response=false' }, 'retrying');
    logger.warn({ url: 'https://discord.com/api/v10/webhooks/456/aW50ZXJhY3Rpb246def/messages/@original' }, 'retrying');
    expect(lines.join('')).not.toContain('aW50ZXJhY3Rpb246');
    expect(lines.map((line) => JSON.parse(line).url)).toEqual([
      'https://discord.com/api/v10/interactions/123/[token]/callback?with_response=false',
      'https://discord.com/api/v10/webhooks/456/[token]/messages/@original',
    ]);
  });

  it('drops the request body discord.js attaches to its errors: the message, which quotes the question', () => {
    const { lines, destination } = captured();
    const logger = createLogger({ destination });
    const error = Object.assign(new Error('Internal Server Error'), { status: 500, requestBody: { json: { data: { content: QUESTION } } } });
    logger.error({ err: error }, 'command failed');
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.err).toMatchObject({ message: 'Internal Server Error', status: 500 });
    expect(lines.join('')).not.toContain('Norsat');
  });
});

describe('main, when Discord fails', () => {
  let running: Running | undefined;

  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('writes no token, interaction token or question to any log line, even at level trace', async () => {
    running = await startRunning({ env: { LOG_LEVEL: 'trace' } });
    const { fake } = running;
    fake.failNext(routes.callback(), faults.serverError(500), 4);
    const failed = await running.ask(QUESTION);
    await failed.waitForAnswer();
    fake.failNext(routes.callback(), faults.unknownInteraction());
    const expired = await running.ask(QUESTION);
    await running.logLineOf(expired.id);

    const output = running.logs.join('') + running.stderr.join('');
    expect(running.lines().filter((line) => line.level >= 40).length).toBeGreaterThanOrEqual(5);
    expect(output).not.toContain(TOKEN);
    for (const interaction of [failed, expired]) expect(output).not.toContain(interaction.token);
    expect(output).not.toContain('Norsat');
  });

  it('says in one line that the token was rejected, without echoing it', async () => {
    const fake = await FakeDiscord.start({ botToken: TOKEN });
    const wrong = `${TOKEN.slice(0, -4)}XXXX`;
    const err: string[] = [];
    const logs: string[] = [];
    try {
      const bot = await main({ DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'trace' }, { write: (t: string) => err.push(t) }, { write: (l: string) => logs.push(l) });
      expect(bot).toBeUndefined();
    } finally {
      await fake.stop();
    }
    expect(err.join('')).toMatch(/^newsbot: the bot could not start: An invalid token was provided\.\n$/);
    expect(err.join('') + logs.join('')).not.toContain(wrong);
  });
});

describe('index.ts as a process (npm start)', () => {
  let fake: FakeDiscord | undefined;

  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  it('prints no token on stdout or stderr while Discord fails, at log level trace', async () => {
    fake = await FakeDiscord.start({ botToken: TOKEN });
    const bot = runScript('index.ts', { env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'trace', ASK_COOLDOWN_SECONDS: '0' } });
    try {
      await fake.waitForReady({ timeoutMs: 15_000 });
      fake.failNext(routes.callback(), faults.serverError(502), 4);
      const failed = await fake.sendCommand({ name: 'ask', options: [stringOption('question', QUESTION)] });
      await failed.waitForAnswer({ timeoutMs: 10_000 });
      fake.failNext(routes.callback(), faults.unknownInteraction());
      const expired = await fake.sendCommand({ name: 'ask', options: [stringOption('question', QUESTION)] });
      await waitUntil(() => (bot.output().stdout.includes(`"interaction":"${expired.id}","command":"ask"`) && bot.output().stdout.includes('"outcome"') ? true : undefined));
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
    const { stdout, stderr } = bot.output();
    expect(stdout).toContain('"msg":"command failed"');
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(stdout + stderr).not.toContain('Norsat');
  });

  it('exits 1 with one line, without echoing a token Discord rejects', async () => {
    fake = await FakeDiscord.start({ botToken: TOKEN });
    const wrong = `${TOKEN.slice(0, -4)}XXXX`;
    const bot = runScript('index.ts', { env: { DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.restUrl, LOG_LEVEL: 'trace' } });
    expect(await bot.exited).toBe(1);
    const { stdout, stderr } = bot.output();
    expect(stderr).toMatch(/^newsbot: the bot could not start: [^\n]+\n$/);
    expect(stdout + stderr).not.toContain(wrong);
  });
});

describe('readEnvironment', () => {
  it('ignores a .env in the working directory: only the project folder\'s is read', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'newsbot-cwd-'));
    await writeFile(join(elsewhere, '.env'), 'NEWSBOT_FROM_CWD=yes\n');
    // A real process started elsewhere, since the working directory is what is being tested.
    const probe = join(elsewhere, 'probe.mts');
    const config = JSON.stringify(join(ROOT, 'src/config.ts'));
    await writeFile(probe, `const { readEnvironment, PROJECT_ROOT } = await import(${config});\nconsole.log(JSON.stringify({ root: PROJECT_ROOT, fromCwd: readEnvironment({}).NEWSBOT_FROM_CWD ?? null }));\n`);
    const run = runScript(probe, { env: {}, cwd: elsewhere });
    expect(await run.exited).toBe(0);
    expect(JSON.parse(run.output().stdout)).toEqual({ root: ROOT.replace(/\/$/, ''), fromCwd: null });
  });
});
