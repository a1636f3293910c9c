import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { Logger } from 'pino';
import { commands as allCommands, type Command } from '../../commands/index.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine.js';
import { Libraries } from '../library/library.js';
import { withBackoff } from './backoff.js';
import { Conversations } from './conversations.js';
import { Cooldowns } from './cooldown.js';
import { createInteractionHandler } from './handler.js';
import { createMentionHandler } from './mentions.js';
import { NO_MENTIONS } from './reply.js';

/** How the bot runs. */
export interface BotOptions {
  config: Config;
  engine: Engine;
  logger: Logger;
  /** Milliseconds an answer may take before the reply is deferred. Default `2000`, inside Discord's 3 s. */
  deferAfterMs?: number;
  /** The slash commands to serve. Default: all of `commands/` (tests pass their own, e.g. a deliberately slow one). */
  commands?: readonly Command[];
  /** The per-server libraries. Default: kept under `config.dataDir`, each starting from `engine`'s documents (`config.corpusPath`). */
  libraries?: Libraries;
}

/** A running bot: its discord.js client, and how to stop it. */
export interface Bot {
  client: Client;
  stop(): Promise<void>;
}

/**
 * Logs the bot in and answers interactions, and mentions in threads. No
 * privileged intent: `Guilds` for slash commands, and `GuildMessages` for the
 * messages that mention the bot in a thread, whose content Discord sends
 * without the message content intent. Mentions are disabled client-wide as
 * well as on every message.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, engine, logger } = options;
  const makeRequest = withBackoff(undefined, {
    onRetry: ({ method, url, cause, attempt, delayMs }) => logger.warn({ method, url, cause, attempt, delayMs }, 'Discord request failed; retrying'),
  });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    // discord.js keeps every user and member it meets, forever: memory would grow with each new user.
    // Interactions carry their own user and member, so only the bot's own are worth keeping.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      // GuildMessages brings every message of every channel: none is needed after it is handled.
      MessageManager: 0,
    }),
    rest: { makeRequest, ...(config.apiUrl ? { api: config.apiUrl } : {}) },
  });
  const libraries =
    options.libraries ??
    new Libraries({
      dataDir: config.dataDir,
      defaultEngine: engine,
      loadDefaults: async () => [...engine.sourceDocuments()],
      limits: { maxDocuments: config.libraryMaxDocuments, maxBytes: Math.round(config.libraryMaxMegabytes * 1024 * 1024) },
      fetch: { allowPrivate: config.allowPrivateUrls },
      onWarning: (message) => logger.warn(message),
    });
  const context = {
    engine,
    engineFor: (guildId: string | null) => libraries.engineFor(guildId),
    libraries,
    logger,
    cooldowns: new Cooldowns(config.askCooldownSeconds),
    conversations: new Conversations({ idleMs: config.conversationIdleMinutes * 60_000, max: config.conversationsMax }),
    deferAfterMs: options.deferAfterMs ?? 2000,
  };
  const handle = createInteractionHandler(options.commands ?? allCommands, context);
  const mentioned = createMentionHandler(context);
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.MessageCreate, (message) => void mentioned(message));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.token);
  await ready;
  logger.info({ user: client.user?.tag, shards: client.shard?.ids, guilds: client.guilds.cache.size, documents: engine.documents().length }, 'bot ready');
  return {
    client,
    async stop() {
      await client.destroy();
      logger.info('bot stopped');
    },
  };
}
