import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.js';
import { CLIENT_ID, GUILD_ID, runScript, stringOption as text, TOKEN } from '../harness.js';
import { ArticleServer } from '../ingest/article-server.js';
import { smokeCitation, smokeShortAnswer } from '../smoke.js';

let fake: FakeDiscord | undefined;
let web: ArticleServer | undefined;

afterEach(async () => {
  await fake?.stop();
  await web?.stop();
});

/** Runs `index.ts` as `npm start` does, in its own process, with the given environment. */
function start(env: Record<string, string>) {
  return runScript('index.ts', { env: { ASK_COOLDOWN_SECONDS: '0', ...env } });
}

/**
 * A bot process compiles TypeScript, loads the language and answer models and asks its help questions before it
 * goes online: seconds alone, several times that when other test files load the two cores. Hang guards, not timings.
 */
const READY_TIMEOUT_MS = 40_000;
const START_TIMEOUT_MS = 60_000;

describe('index.ts (npm start)', () => {
  it('connects, answers a question, and closes the gateway cleanly on SIGTERM', async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'News' }], botToken: TOKEN, applicationId: CLIENT_ID });
    const bot = start({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl });
    await fake.waitForReady({ timeoutMs: READY_TIMEOUT_MS });
    const interaction = await fake.sendCommand({ name: 'ask', options: [text('question', 'who bought Norsat?')] });
    const answer = await interaction.waitForAnswer({ timeoutMs: 10_000 });
    expect(String(answer.messages[0]?.body.content)).toContain(await smokeCitation());

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    // The close frame may reach the fake gateway a moment after the process is gone, on a loaded machine.
    await fake.waitFor(() => fake?.gatewayConnections[0]?.closedAt !== undefined, 'the gateway to be closed', { timeoutMs: 10_000 });
    // 1000: closed by the bot, not dropped with its process.
    expect(fake.gatewayConnections[0]?.closeCode).toBe(1000);
    const { stdout, stderr } = bot.output();
    expect(stdout).toContain('"msg":"bot ready"');
    expect(stdout + stderr).not.toContain(TOKEN);
  }, START_TIMEOUT_MS);

  it('indexes a large library in a worker thread, which loads TypeScript as the bot does', async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'News' }], botToken: TOKEN, applicationId: CLIENT_ID });
    web = await ArticleServer.start();
    // Past the size from which a library is indexed in a worker (64 KB); the bundled article brings the answer.
    const lines = Array.from({ length: 1500 }, (_, i) => `The harbour log records ship number ${i + 1} arriving at dawn with its cargo of timber.`);
    web.page('/log.md', { body: `# Harbour log\n\n${lines.join('\n\n')}`, type: 'text/markdown' });
    const dataDir = await mkdtemp(join(tmpdir(), 'newsbot-entry-'));
    const bot = start({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, DATA_DIR: dataDir, ALLOW_PRIVATE_URLS: 'true' });
    await fake.waitForReady({ timeoutMs: READY_TIMEOUT_MS });
    const add = await fake.sendCommand({ name: 'library', options: [{ name: 'add', type: 1, options: [text('url', web.url('/log.md'))] }] });
    expect(String((await add.waitForAnswer({ timeoutMs: 15_000 })).messages.at(-1)?.body.content)).toMatch(/^\*\*Added\*\* \*Harbour log\* \(`harbour-log`\) — 1500 paragraphs/);
    const ask = await fake.sendCommand({ name: 'ask', options: [text('question', 'who bought Norsat?')] });
    expect(String((await ask.waitForAnswer({ timeoutMs: 10_000 })).messages[0]?.body.content)).toContain(await smokeShortAnswer());
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, START_TIMEOUT_MS);

  it('exits 1 with one line naming DISCORD_TOKEN when it is missing', async () => {
    const bot = start({ DISCORD_TOKEN: '' });
    expect(await bot.exited).toBe(1);
    expect(bot.output().stderr).toMatch(/^newsbot: DISCORD_TOKEN is not set[^\n]*\n$/);
  });
});
