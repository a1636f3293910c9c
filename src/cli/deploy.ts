import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig, readEnvironment } from '../config.js';
import { deployCommands } from '../discord/deploy.js';
import { EXIT_FAILURE, EXIT_OK, parseCliArgs, reportFailure, runIfMain, type CliIo } from './args.js';

export const DEPLOY_USAGE = `usage: npm run deploy
Registers the slash commands with Discord: in the server DISCORD_GUILD_ID names (at once), or globally when it is
empty (they can take up to an hour to appear). Needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example).`;

/** `npm run deploy`: registers the slash commands and says how many, and where. */
export async function runDeploy(argv: readonly string[], io: Pick<CliIo, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  try {
    if (parseCliArgs(argv).help) {
      io.stdout.write(`${DEPLOY_USAGE}\n`);
      return EXIT_OK;
    }
  } catch (error) {
    return reportFailure(error, io);
  }
  let config;
  try {
    config = loadConfig(readEnvironment(io.env as NodeJS.ProcessEnv), { needClientId: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_FAILURE;
  }
  try {
    const { count, scope } = await deployCommands(config, commands);
    io.stdout.write(`Registered ${count} command${count === 1 ? '' : 's'} ${scope === 'globally' ? 'globally (they can take up to an hour to appear)' : `in ${scope}`}.\n`);
    return EXIT_OK;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split(config.token).join('[redacted]');
    // Only an answer from Discord is a refusal; anything else (no network, a wrong DISCORD_API_URL) never reached it.
    const refused = error instanceof DiscordAPIError || error instanceof HTTPError || error instanceof RateLimitError;
    const what = refused ? 'Discord refused the commands' : `could not reach Discord at ${config.apiUrl ?? 'discord.com'}`;
    io.stderr.write(`newsbot: ${what}: ${message.replace(/\s+/g, ' ').slice(0, 300)}\n`);
    return EXIT_FAILURE;
  }
}

runIfMain(import.meta.url, runDeploy);
