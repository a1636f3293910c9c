/**
 * The bot (started through `main()`, as `npm start` does) meets what real Discord does to bots:
 * rate limits, server errors, dropped gateways, expired interactions, slow answers. Each time the
 * question is still answered or the failure is reported once, and the next question is answered.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../commands/types.js';
import { loadConfig } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { respond } from '../../src/discord/reply.js';
import { Engine } from '../../src/engine.js';
import { Libraries } from '../../src/library/library.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord, faults, routes } from '../fake-discord/server.js';
import { LEVEL, TOKEN, startRunning, type Running } from '../harness.js';
import { smokeShortAnswer } from '../smoke.js';

let running: Running | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(): Promise<Running> {
  running = await startRunning();
  return running;
}

/** Asks the question the bundled article answers and returns the reply's text. */
async function askNorsat(bot: Running): Promise<string> {
  const interaction = await bot.ask('who bought Norsat?');
  const answer = await interaction.waitForAnswer({ timeoutMs: 10_000 });
  return String(answer.messages.at(-1)?.body.content);
}

describe('bot under REST faults', () => {
  it.each([
    ['a per-route 429', faults.rateLimited(0.3)],
    ['a global 429', faults.rateLimited(0.3, { global: true })],
  ])('waits out %s (retry_after) and the answer still arrives', async (_name, fault) => {
    const bot = await start();
    bot.fake.failNext(routes.callback(), fault);
    const interaction = await bot.ask('who bought Norsat?');
    const answer = await interaction.waitForAnswer();

    const attempts = interaction.allRequests();
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    // discord.js honours retry_after (0.3 s) before trying again.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(300);
    expect(String(answer.messages[0]?.body.content)).toContain(await smokeShortAnswer());
  });

  it('retries a 500 and a 502 after growing waits, and the answer arrives', async () => {
    const bot = await start();
    bot.fake.failNext(routes.callback(), faults.serverError(500));
    bot.fake.failNext(routes.callback(), faults.serverError(502));
    const interaction = await bot.ask('who bought Norsat?');
    const answer = await interaction.waitForAnswer();

    expect(interaction.allRequests().map((r) => r.status)).toEqual([500, 502, 204]);
    expect(String(answer.messages[0]?.body.content)).toContain(await smokeShortAnswer());
    const retries = bot.lines().filter((line) => line.msg === 'Discord request failed; retrying');
    expect(retries.map((line) => [line.level, line.cause, line.attempt])).toEqual([[LEVEL.warn, 500, 1], [LEVEL.warn, 502, 2]]);
    const [first, second] = retries.map((line) => Number(line.delayMs));
    expect(second).toBeGreaterThanOrEqual(first ?? Infinity);
    // The retry really waited (a lower bound, so it cannot flake on a slow machine).
    const at = interaction.allRequests().map((r) => r.at);
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual((first ?? 0) - 1);
  });

  it('tells the user, with a reference that is in the log, when Discord fails four times in a row', async () => {
    const bot = await start();
    // discord.js makes 1 + 3 attempts; the fifth request is the bot's "something went wrong".
    bot.fake.failNext(routes.callback(), faults.serverError(500), 4);
    const interaction = await bot.ask('who bought Norsat?');
    const answer = await interaction.waitForAnswer();

    expect(interaction.allRequests().map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect(answer.ephemeral).toBe(true);
    const ref = /ref ([0-9A-F]{6})/.exec(String(answer.messages[0]?.body.content))?.[1];
    expect(ref).toBeDefined();
    const line = await bot.logLineOf(interaction.id);
    expect(line.outcome).toBe('error');
    expect(bot.lines().filter((l) => l.level === LEVEL.error).map((l) => l.ref)).toEqual([ref]);
    expect(await askNorsat(bot)).toContain(await smokeShortAnswer());
  });

  it('logs an expired interaction (10062) as one warning and attempts no error reply', async () => {
    const bot = await start();
    bot.fake.failNext(routes.callback(), faults.unknownInteraction());
    const interaction = await bot.ask('who bought Norsat?');
    const line = await bot.logLineOf(interaction.id);

    expect(line.outcome).toBe('error');
    const about = bot.lines().filter((l) => l.interaction === interaction.id && l.level >= LEVEL.warn);
    expect(about.map((l) => [l.level, l.msg, l.code])).toEqual([[LEVEL.warn, 'interaction expired before the bot answered', 10062]]);
    // Answering an expired interaction again cannot work: the one rejected callback is all there is.
    expect(interaction.allRequests().map((r) => r.status)).toEqual([404]);
    expect(await askNorsat(bot)).toContain(await smokeShortAnswer());
  });
});

describe('bot under gateway faults', () => {
  it.each([
    ['the connection drops (1006)', (fake: FakeDiscord) => fake.dropGateway()],
    ['Discord closes with 4000', (fake: FakeDiscord) => fake.closeGateway(4000)],
    ['Discord sends op 7 RECONNECT', (fake: FakeDiscord) => fake.sendReconnect()],
    ['Discord sends a resumable op 9 INVALID_SESSION', (fake: FakeDiscord) => fake.sendInvalidSession(true)],
  ])('resumes when %s, and answers a question sent meanwhile', async (_name, fault) => {
    const bot = await start();
    await fault(bot.fake);
    // Sent while the bot may be reconnecting: Discord replays it on RESUME.
    const interaction = await bot.ask('who bought Norsat?');
    await bot.fake.waitFor(() => bot.fake.resumeCount === 1, 'a RESUME');
    const answer = await interaction.waitForAnswer();

    expect(String(answer.messages[0]?.body.content)).toContain(await smokeShortAnswer());
    expect(bot.fake.identifyCount).toBe(1);
    expect(await askNorsat(bot)).toContain(await smokeShortAnswer());
  });

  it('identifies anew after a non-resumable op 9 INVALID_SESSION and answers the next question', async () => {
    const bot = await start();
    bot.fake.sendInvalidSession(false);
    // discord.js waits until 5 s after its previous IDENTIFY (plus jitter) before identifying again.
    await bot.fake.waitFor(() => bot.fake.identifyCount === 2, 'a second IDENTIFY', { timeoutMs: 15_000 });
    await bot.fake.waitForReady();

    expect(bot.fake.resumeCount).toBe(0);
    expect(await askNorsat(bot)).toContain(await smokeShortAnswer());
  });
});

describe('bot with a slow answer', () => {
  let fake: FakeDiscord | undefined;
  let bot: Bot | undefined;

  afterEach(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  /** A command whose answer is ready only when the test says so: slower than any deadline. */
  function slowCommand(ready: Promise<void>): Command {
    return {
      data: new SlashCommandBuilder().setName('slow').setDescription('Answers when the test releases it'),
      async execute(interaction, context) {
        await respond(interaction, async () => {
          await ready;
          return { content: 'Worth the wait, @everyone.', buttons: [] };
        }, { deferAfterMs: context.deferAfterMs });
        return 'answered';
      },
    };
  }

  it('defers the reply once the answer takes longer than deferAfterMs, and edits the answer in', async () => {
    fake = await FakeDiscord.start({ botToken: TOKEN });
    let release = () => {};
    const ready = new Promise<void>((resolve) => (release = resolve));
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl });
    // 300 ms rather than the default 2 s, to keep the test short: the path is the same.
    bot = await startBot({ config, engine: await Engine.load(), logger: createLogger({ level: 'silent' }), commands: [slowCommand(ready)], deferAfterMs: 300 });

    const interaction = await fake.sendCommand({ name: 'slow' });
    // The deferral arrives while the answer is still being made: the test has not released it yet.
    const callback = await interaction.waitForCallback();
    expect(callback.body).toMatchObject({ type: 5 });
    expect(callback.at - interaction.dispatchedAt).toBeGreaterThanOrEqual(300);
    release();

    const answer = await interaction.waitForAnswer();
    expect(answer.deferred).toBe(true);
    expect(answer.messages.map((m) => [m.via, m.body.content])).toEqual([['editReply', 'Worth the wait, @everyone.']]);
    expect(answer.messages[0]?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('defers while a server\'s library is still loading, then edits the answer in', async () => {
    fake = await FakeDiscord.start({ botToken: TOKEN });
    let release = () => {};
    let loaded = Promise.resolve();
    const engine = await Engine.load();
    /** A server's first command loads its library: here, only when the test says so. */
    class SlowLibraries extends Libraries {
      override async engineFor(guildId: string | null): Promise<Engine> {
        await loaded;
        return super.engineFor(guildId);
      }
    }
    const libraries = new SlowLibraries({ dataDir: await mkdtemp(join(tmpdir(), 'newsbot-slow-')), defaultEngine: engine, loadDefaults: async () => [] });
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl });
    bot = await startBot({ config, engine, logger: createLogger({ level: 'silent' }), libraries, deferAfterMs: 300 });

    for (const [name, options, ephemeral] of [
      ['ask', [{ name: 'question', type: 3, value: 'who bought Norsat?' }, { name: 'private', type: 5, value: true }], true],
      ['sources', [], false],
    ] as const) {
      loaded = new Promise<void>((resolve) => (release = resolve));
      const interaction = await fake.sendCommand({ name, options: [...options] });
      const callback = await interaction.waitForCallback();
      expect(callback.body).toMatchObject({ type: 5, data: ephemeral ? { flags: 64 } : {} });
      release();
      const answer = await interaction.waitForAnswer();
      expect(answer.deferred).toBe(true);
      expect(answer.ephemeral).toBe(ephemeral);
      expect(answer.messages.map((m) => m.via)).toEqual(['editReply']);
      expect(String(answer.messages[0]?.body.content)).toContain(name === 'ask' ? await smokeShortAnswer() : 'China, Canada');
    }
  });
});
