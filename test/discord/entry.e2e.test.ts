import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.js';
import { CLIENT_ID, GUILD_ID, runScript, stringOption as text, TOKEN } from '../harness.js';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.stop();
});

/** Runs `index.ts` as `npm start` does, in its own process, with the given environment. */
function start(env: Record<string, string>) {
  return runScript('index.ts', { env: { ASK_COOLDOWN_SECONDS: '0', ...env } });
}

describe('index.ts (npm start)', () => {
  it('connects, answers a question, and closes the gateway cleanly on SIGTERM', async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'News' }], botToken: TOKEN, applicationId: CLIENT_ID });
    const bot = start({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl });
    await fake.waitForReady({ timeoutMs: 15_000 });
    const interaction = await fake.sendCommand({ name: 'ask', options: [text('question', 'who bought Norsat?')] });
    const answer = await interaction.waitForAnswer({ timeoutMs: 10_000 });
    expect(String(answer.messages[0]?.body.content)).toContain('¶8');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(fake.gatewayConnections[0]?.closedAt).toBeDefined();
    const { stdout, stderr } = bot.output();
    expect(stdout).toContain('"msg":"bot ready"');
    expect(stdout + stderr).not.toContain(TOKEN);
  });

  it('exits 1 with one line naming DISCORD_TOKEN when it is missing', async () => {
    const bot = start({ DISCORD_TOKEN: '' });
    expect(await bot.exited).toBe(1);
    expect(bot.output().stderr).toMatch(/^newsbot: DISCORD_TOKEN is not set[^\n]*\n$/);
  });
});
