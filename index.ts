// The bot's entry point (`npm start`), as in the discord.js guide: read the
// config, load the article, log in, answer slash commands until stopped.
import { main } from './src/discord/main.js';

const bot = await main();
if (!bot) {
  process.exitCode = 1;
} else {
  // Close the gateway cleanly so Discord shows the bot offline at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void bot.stop().then(() => process.exit(0));
    });
  }
}
