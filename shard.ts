// `npm run start:sharded`: the bot as one process per shard, under discord.js's ShardingManager, for
// large bot installations (see README, "Sharding"). Same configuration as `npm start`, plus DISCORD_SHARDS.
import { startSharded } from './src/discord/shards.js';

const sharded = await startSharded();
if (!sharded) {
  process.exitCode = 1;
} else {
  // Stop every shard (each closes its gateway cleanly) before exiting.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void sharded.stop().then(() => process.exit(0));
    });
  }
}
