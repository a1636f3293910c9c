import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'dotenv';
import { DEFAULT_CORPUS } from './ingest/load.js';

/** The project folder: `.env` is read from here only, never from the working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The bot's settings, read and checked once at start-up. Every key is documented in `.env.example`. */
export interface Config {
  /** `DISCORD_TOKEN`: the bot's token. Never logged. */
  token: string;
  /** `DISCORD_CLIENT_ID`: the application id, needed to register commands. */
  clientId: string | undefined;
  /** `DISCORD_GUILD_ID`: register commands in this one server (instant) instead of globally. */
  guildId: string | undefined;
  /** `CORPUS_PATH`: the documents to answer from. Default: the bundled article. */
  corpusPath: string;
  /** `DISCORD_API_URL`: REST base URL (a proxy, or the fake Discord in tests). Default: discord.js's own. */
  apiUrl: string | undefined;
  /** `ASK_COOLDOWN_SECONDS`: seconds between two `/ask` of one user; 0 turns it off. Default 3. */
  askCooldownSeconds: number;
  /** `LOG_LEVEL`: pino level. Default `info`. */
  logLevel: LogLevel;
  /** `DATA_DIR`: where each server's library is kept. Default `data/` in the project folder (git-ignored). */
  dataDir: string;
  /** `ALLOW_PRIVATE_URLS`: let `/library add url:` fetch private, loopback and link-local addresses. Default `false`. */
  allowPrivateUrls: boolean;
  /** `LIBRARY_MAX_DOCUMENTS`: documents one server's library may hold. Default 50. */
  libraryMaxDocuments: number;
  /** `LIBRARY_MAX_MB`: megabytes of text one server's library may hold. Default 20. */
  libraryMaxMegabytes: number;
  /** `CONVERSATION_IDLE_MINUTES`: a conversation (a user's in a channel, or a thread's) is forgotten after this many idle minutes. Default 10. */
  conversationIdleMinutes: number;
  /** `CONVERSATIONS_MAX`: conversations kept at most; past it the least recently used is forgotten. Default 10,000. */
  conversationsMax: number;
}

/** A configuration problem: one line for the person starting the bot. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(message: string) {
    super(`newsbot: ${message}`);
  }
}

/** Reads `.env` from the project folder; variables already in the environment win. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, envFile = resolve(PROJECT_ROOT, '.env')): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parse(readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}

/** Checks the settings the bot and the deploy script need; `needClientId` for deploying commands. Throws `ConfigError`. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment(), options: { needClientId?: boolean } = {}): Config {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const token = value('DISCORD_TOKEN');
  if (!token) {
    throw new ConfigError('DISCORD_TOKEN is not set: copy .env.example to .env and fill it in (or try the engine without Discord: npm run repl)');
  }
  const clientId = value('DISCORD_CLIENT_ID');
  if (options.needClientId && !clientId) throw new ConfigError('DISCORD_CLIENT_ID is not set: it is the application id (see .env.example)');
  for (const name of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID'] as const) {
    const id = value(name);
    if (id !== undefined && !/^\d{17,20}$/.test(id)) throw new ConfigError(`${name} must be a Discord id (17 to 20 digits), not ${JSON.stringify(id)}`);
  }
  const apiUrl = value('DISCORD_API_URL');
  if (apiUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(apiUrl)) throw new ConfigError(`DISCORD_API_URL must be an http(s) URL, not ${JSON.stringify(apiUrl)}`);
  const cooldown = value('ASK_COOLDOWN_SECONDS') ?? '3';
  const askCooldownSeconds = Number(cooldown);
  if (!/^\d+(\.\d+)?$/.test(cooldown) || askCooldownSeconds > 3600) {
    throw new ConfigError(`ASK_COOLDOWN_SECONDS must be a number of seconds from 0 to 3600, not ${JSON.stringify(cooldown)}`);
  }
  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(logLevel)}`);
  const corpus = value('CORPUS_PATH');
  const dataDir = value('DATA_DIR');
  const allowPrivate = (value('ALLOW_PRIVATE_URLS') ?? 'false').toLowerCase();
  if (allowPrivate !== 'true' && allowPrivate !== 'false') throw new ConfigError(`ALLOW_PRIVATE_URLS must be true or false, not ${JSON.stringify(allowPrivate)}`);
  const maxDocuments = value('LIBRARY_MAX_DOCUMENTS') ?? '50';
  if (!/^\d+$/.test(maxDocuments) || Number(maxDocuments) < 1 || Number(maxDocuments) > 10_000) {
    throw new ConfigError(`LIBRARY_MAX_DOCUMENTS must be a whole number from 1 to 10000, not ${JSON.stringify(maxDocuments)}`);
  }
  const maxMegabytes = value('LIBRARY_MAX_MB') ?? '20';
  if (!/^\d+(\.\d+)?$/.test(maxMegabytes) || Number(maxMegabytes) <= 0 || Number(maxMegabytes) > 1024) {
    throw new ConfigError(`LIBRARY_MAX_MB must be a number of megabytes above 0 and up to 1024, not ${JSON.stringify(maxMegabytes)}`);
  }
  const idle = value('CONVERSATION_IDLE_MINUTES') ?? '10';
  if (!/^\d+(\.\d+)?$/.test(idle) || Number(idle) <= 0 || Number(idle) > 1440) {
    throw new ConfigError(`CONVERSATION_IDLE_MINUTES must be a number of minutes above 0 and up to 1440, not ${JSON.stringify(idle)}`);
  }
  const conversations = value('CONVERSATIONS_MAX') ?? '10000';
  if (!/^\d+$/.test(conversations) || Number(conversations) < 1 || Number(conversations) > 1_000_000) {
    throw new ConfigError(`CONVERSATIONS_MAX must be a whole number from 1 to 1000000, not ${JSON.stringify(conversations)}`);
  }
  return {
    token,
    clientId,
    guildId: value('DISCORD_GUILD_ID'),
    corpusPath: corpus === undefined ? DEFAULT_CORPUS : resolve(PROJECT_ROOT, corpus),
    apiUrl,
    askCooldownSeconds,
    logLevel: logLevel as LogLevel,
    dataDir: resolve(PROJECT_ROOT, dataDir ?? 'data'),
    allowPrivateUrls: allowPrivate === 'true',
    libraryMaxDocuments: Number(maxDocuments),
    libraryMaxMegabytes: Number(maxMegabytes),
    conversationIdleMinutes: Number(idle),
    conversationsMax: Number(conversations),
  };
}
