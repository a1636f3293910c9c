// The bot's entry point (`npm start`), as in the discord.js guide: read the
// config, load the article, log in, answer slash commands until stopped.
import { main } from './src/discord/main.js';

const bot = await main();
if (!bot) {
  process.exitCode = 1;
  // As a shard of `npm run start:sharded`, the channel to the manager would keep this process alive.
  process.disconnect?.();
} else {
  // Close the gateway cleanly so Discord shows the bot offline at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void bot.stop().then(() => process.exit(0));
    });
  }
  // As a shard, stop when the manager is gone (even killed), rather than answer on as an orphan.
  process.once('disconnect', () => {
    void bot.stop().then(() => process.exit(0));
  });
}
