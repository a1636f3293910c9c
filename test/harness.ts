/**
 * The bot as `npm start` runs it (`main()`), connected to a fake Discord on 127.0.0.1, with its log
 * lines kept for assertions; and entry points run as real processes. Shared by the end-to-end tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bot } from '../src/discord/bot.js';
import { main } from '../src/discord/main.js';
import { FakeDiscord, type FakeDiscordOptions, type InteractionOrigin } from './fake-discord/server.js';

/** Shaped like a real token (base64 id, dot, ...), so any code that recognises tokens would treat it as one. */
export const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.Gx7rQk.reliability-secret-token-9f3a';
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GUILD_ID = '1300000000000000777';
export const CLIENT_ID = '1300000000000000111';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export const LEVEL = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

export interface Running {
  fake: FakeDiscord;
  bot: Bot;
  /** Raw log lines as written (JSON lines). */
  logs: string[];
  stderr: string[];
  /** The log lines, parsed. */
  lines(): LogLine[];
  /** Sends `/ask question:<question>`. */
  ask(question: string, origin?: InteractionOrigin): ReturnType<FakeDiscord['sendCommand']>;
  /** Resolves with the `interaction` log line of an interaction, written once its handling is over. */
  logLineOf(interactionId: string): Promise<LogLine>;
  /** Stops the bot and starts it again (same settings, same fake Discord), as a redeploy would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRunning(options: { env?: Record<string, string>; fake?: FakeDiscordOptions } = {}): Promise<Running> {
  const fake = await FakeDiscord.start({ botToken: TOKEN, ...options.fake });
  const logs: string[] = [];
  const stderr: string[] = [];
  const launch = async (): Promise<Bot> => {
    const bot = await main(
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'info', ...options.env },
      { write: (text: string) => stderr.push(text) },
      { write: (line: string) => logs.push(line) },
    );
    if (!bot) {
      await fake.stop();
      throw new Error(`the bot did not start: ${stderr.join('')}`);
    }
    return bot;
  };
  const lines = () => logs.map((line) => JSON.parse(line) as LogLine);
  const running: Running = {
    fake,
    bot: await launch(),
    logs,
    stderr,
    lines,
    ask: (question, origin = {}) => fake.sendCommand({ name: 'ask', options: [stringOption('question', question)], ...origin }),
    logLineOf: (interactionId) => waitUntil(() => lines().find((line) => line.msg === 'interaction' && line.interaction === interactionId)),
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

export function stringOption(name: string, value: string): { name: string; type: number; value: string } {
  return { name, type: 3, value };
}

/**
 * Polls `probe` until it returns a value. For what the bot does after its last request to Discord
 * (such as writing its log line), where the fake's own waits have nothing to watch.
 */
export async function waitUntil<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('waitUntil: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** tsx's loader by absolute URL, so `--import` works from any working directory. */
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** A TypeScript entry point run as a real process (`node --import tsx FILE`), with its output kept. */
export function runScript(file: string, options: { env: Record<string, string>; cwd?: string; args?: string[] }) {
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX, resolve(ROOT, file), ...(options.args ?? [])], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}
