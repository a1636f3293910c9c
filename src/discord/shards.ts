import type { ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { ConfigError, loadConfig, readEnvironment } from '../config.js';
import { createLogger } from '../log.js';

/** What every shard process runs: `npm start`'s entry point. discord.js hands it its shard through SHARDS and SHARD_COUNT. */
const SHARD_ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../../index.ts');

/** Discord lets `max_concurrency` shards identify together, then the next ones after 5 s. */
const IDENTIFY_WINDOW_MS = 5500;

/** A bot running as one process per shard. */
export interface ShardedBot {
  manager: ShardingManager;
  /** Stops every shard process (each closes its gateway cleanly) and resolves once all have exited. */
  stop(): Promise<void>;
}

type Output = { write(text: string): unknown };

/**
 * `npm run start:sharded`: discord.js's ShardingManager for large bot installations. Each shard is
 * its own process running `index.ts`, and Discord sends it only the events of its own servers
 * (`(guild_id >> 22) % shard_count`). The shard count is `DISCORD_SHARDS`, or, when that is `auto` (the
 * default), what Discord recommends in `GET /gateway/bot`, asked through `DISCORD_API_URL` when set.
 * Shards are started `max_concurrency` at a time, as Discord allows. Returns `undefined` after
 * printing why it cannot start.
 */
export async function startSharded(
  env: Record<string, string | undefined> = readEnvironment(),
  stderr: Output = process.stderr,
  logDestination: Output = process.stdout,
): Promise<ShardedBot | undefined> {
  let config;
  let requested: number | 'auto';
  try {
    config = loadConfig(env);
    requested = shardSetting(env.DISCORD_SHARDS);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`${error.message}\n`);
    return undefined;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.token], destination: logDestination });

  let gateway: RESTGetAPIGatewayBotResult;
  try {
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
    gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  } catch (error) {
    logger.fatal({ err: error }, 'could not ask Discord for the shard count');
    const message = (error instanceof Error ? error.message : String(error)).split(config.token).join('[redacted]');
    stderr.write(`newsbot: the bot could not start: ${message.replace(/\s+/g, ' ').slice(0, 300)}\n`);
    return undefined;
  }
  const totalShards = requested === 'auto' ? gateway.shards : requested;
  const batch = Math.max(1, gateway.session_start_limit.max_concurrency);
  const ids = Array.from({ length: totalShards }, (_, id) => id);

  const manager = new ShardingManager(SHARD_ENTRY, {
    totalShards,
    shardList: ids,
    mode: 'process',
    respawn: true,
    token: config.token,
    // tsx by absolute URL, so the shards start from any working directory.
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  // The shards get the settings this process was given (`.env` included), not only its environment.
  const shardEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const processes = new Map<number, ChildProcess>();
  const track = (shard: Shard): void => {
    // Always child processes here (mode 'process'); the typings also allow worker threads.
    shard.on('spawn', (child) => {
      if ('pid' in child) processes.set(shard.id, child);
      logger.info({ shard: shard.id, pid: processes.get(shard.id)?.pid }, 'shard process started');
    });
    shard.on('ready', () => logger.info({ shard: shard.id, pid: processes.get(shard.id)?.pid }, 'shard ready'));
    // A failed respawn is emitted as 'error': unheard, it would crash the manager and every shard with it.
    shard.on('error', (error) => logger.error({ shard: shard.id, err: error }, 'shard error'));
    shard.on('death', (child) => logger.warn({ shard: shard.id, pid: processes.get(shard.id)?.pid, code: 'exitCode' in child ? child.exitCode : undefined }, 'shard process exited'));
  };

  logger.info({ shards: totalShards, recommended: gateway.shards, maxConcurrency: batch }, 'starting shards');
  try {
    for (let start = 0; start < ids.length; start += batch) {
      if (start > 0) await new Promise((resolve) => setTimeout(resolve, IDENTIFY_WINDOW_MS));
      await Promise.all(
        ids.slice(start, start + batch).map((id) => {
          const shard = manager.createShard(id);
          Object.assign(shard.env as Record<string, unknown>, { ...shardEnv, SHARDS: id, SHARD_COUNT: totalShards, DISCORD_TOKEN: config.token });
          track(shard);
          return shard.spawn();
        }),
      );
    }
  } catch (error) {
    logger.fatal({ err: error }, 'a shard did not become ready');
    stderr.write(`newsbot: a shard did not become ready: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(manager, processes);
    return undefined;
  }
  logger.info({ shards: totalShards }, 'all shards ready');
  return {
    manager,
    async stop() {
      await stopAll(manager, processes);
      logger.info('shards stopped');
    },
  };
}

/** `auto`, or a whole number of shards from 1. */
function shardSetting(value: string | undefined): number | 'auto' {
  const raw = value?.trim() || 'auto';
  if (raw === 'auto') return 'auto';
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ConfigError(`DISCORD_SHARDS must be auto or a number of shards from 1, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** SIGTERM to every shard (each then closes its gateway, see index.ts), SIGKILL to any still running after 10 s. */
async function stopAll(manager: ShardingManager, processes: ReadonlyMap<number, ChildProcess>): Promise<void> {
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.removeAllListeners('death');
  await Promise.all(
    [...processes.values()].map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}
