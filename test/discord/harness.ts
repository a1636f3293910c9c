import type { Bot } from '../../src/discord/bot.js';
import { main } from '../../src/discord/main.js';
import { FakeDiscord } from '../fake-discord/server.js';

export const TOKEN = 'MTIzNDU2Nzg5.fake-token-for-e2e-tests.xyz';
export const GUILD_ID = '1300000000000000777';
export const CLIENT_ID = '1300000000000000111';

/** A bot started through `npm start`'s code path (`main`), connected to a fake Discord on 127.0.0.1, with its log lines. */
export interface Running {
  fake: FakeDiscord;
  bot: Bot;
  logs: string[];
  stderr: string[];
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRunning(env: Record<string, string> = {}): Promise<Running> {
  const fake = await FakeDiscord.start({ guilds: [{ id: GUILD_ID, name: 'News' }], botToken: TOKEN, applicationId: CLIENT_ID });
  const logs: string[] = [];
  const stderr: string[] = [];
  const launch = async (): Promise<Bot> => {
    const bot = await main(
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'info', ...env },
      { write: (text: string) => stderr.push(text) },
      { write: (line: string) => logs.push(line) },
    );
    if (!bot) throw new Error(`the bot did not start: ${stderr.join('')}`);
    return bot;
  };
  const running: Running = {
    fake,
    bot: await launch(),
    logs,
    stderr,
    async restart() {
      await running.bot.stop();
      running.bot = await launch();
    },
    async stop() {
      await running.bot.stop();
      await fake.stop();
    },
  };
  return running;
}

/** A string option of a slash command, as Discord sends it. */
export function text(name: string, value: string): { name: string; type: number; value: string } {
  return { name, type: 3, value };
}
