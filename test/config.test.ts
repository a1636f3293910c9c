import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, PROJECT_ROOT, readEnvironment } from '../src/config.js';
import { main } from '../src/discord/main.js';
import { DEFAULT_CORPUS } from '../src/ingest/load.js';

const base = { DISCORD_TOKEN: 'a-token-of-some-length' };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(base)).toEqual({
      token: 'a-token-of-some-length', clientId: undefined, guildId: undefined, corpusPath: DEFAULT_CORPUS,
      apiUrl: undefined, askCooldownSeconds: 3, logLevel: 'info',
      dataDir: join(PROJECT_ROOT, 'data'), allowPrivateUrls: false, libraryMaxDocuments: 50, libraryMaxMegabytes: 20,
      conversationIdleMinutes: 10, conversationsMax: 10_000,
    });
  });

  it('names DISCORD_TOKEN, .env.example and npm run repl when the token is missing', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({ DISCORD_TOKEN: '  ' })).toThrow(/^newsbot: DISCORD_TOKEN is not set: copy \.env\.example .* npm run repl\)$/);
  });

  it.each([
    ['DISCORD_GUILD_ID', 'abc', /DISCORD_GUILD_ID must be a Discord id .* not "abc"/],
    ['ASK_COOLDOWN_SECONDS', '-1', /ASK_COOLDOWN_SECONDS must be a number of seconds from 0 to 3600, not "-1"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of .* not "loud"/],
    ['DISCORD_API_URL', 'ftp://x', /DISCORD_API_URL must be an http\(s\) URL, not "ftp:\/\/x"/],
    ['CONVERSATION_IDLE_MINUTES', '0', /CONVERSATION_IDLE_MINUTES must be a number of minutes above 0 and up to 1440, not "0"/],
    ['CONVERSATION_IDLE_MINUTES', 'ten', /CONVERSATION_IDLE_MINUTES must be .* not "ten"/],
    ['CONVERSATIONS_MAX', '1.5', /CONVERSATIONS_MAX must be a whole number from 1 to 1000000, not "1.5"/],
  ])('rejects a bad %s, quoting the value', (name, value, message) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(message);
  });

  it('reads the conversations\' idle minutes and bound', () => {
    expect(loadConfig({ ...base, CONVERSATION_IDLE_MINUTES: '2.5', CONVERSATIONS_MAX: '50' })).toMatchObject({ conversationIdleMinutes: 2.5, conversationsMax: 50 });
  });

  it('accepts 0 to turn the cooldown off', () => {
    expect(loadConfig({ ...base, ASK_COOLDOWN_SECONDS: '0' }).askCooldownSeconds).toBe(0);
  });
});

describe('readEnvironment', () => {
  it('reads the given .env file, and lets the environment win', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsbot-env-'));
    await writeFile(join(dir, '.env'), 'DISCORD_TOKEN=from-file\nLOG_LEVEL=debug\n');
    expect(readEnvironment({ LOG_LEVEL: 'warn' }, join(dir, '.env'))).toMatchObject({ DISCORD_TOKEN: 'from-file', LOG_LEVEL: 'warn' });
  });
});

describe('main', () => {
  it('prints one line and starts nothing when the token is missing', async () => {
    const err: string[] = [];
    const bot = await main({}, { write: (t: string) => err.push(t) });
    expect(bot).toBeUndefined();
    expect(err.join('')).toMatch(/^newsbot: DISCORD_TOKEN is not set[^\n]*\n$/);
  });
});
