import { ConfigError, loadConfig, readEnvironment } from '../config.js';
import { Engine } from '../engine.js';
import { NewsbotError } from '../errors.js';
import { loadWithinBudget } from '../heap.js';
import { createLogger } from '../log.js';
import { startBot, type Bot } from './bot.js';

/** What `npm start` runs: config, logger, engine, bot. Returns the bot, or `undefined` after printing why it cannot start. */
export async function main(
  env: Record<string, string | undefined> = readEnvironment(),
  stderr: { write(text: string): unknown } = process.stderr,
  logDestination: { write(line: string): unknown } = process.stdout,
): Promise<Bot | undefined> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.token], destination: logDestination });
  try {
    const engine = await loadWithinBudget(async () => {
      const loaded = await Engine.load({ corpus: config.corpusPath });
      // Before going online, not at the first /ask or /help (which shows these): the first questions load wink-nlp's
      // model, the answer model and WordNet and compile the answering code, about half a second at a million words
      // during which a busy server's questions would queue past Discord's 3 s.
      loaded.suggestQuestions();
      return loaded;
    });
    return await startBot({ config, engine, logger });
  } catch (error) {
    // discord.js reports a rejected token as an error whose text we must not echo raw: the logger scrubs it.
    logger.fatal({ err: error }, error instanceof NewsbotError ? error.message : 'the bot could not start');
    stderr.write(`${error instanceof NewsbotError ? error.message : `newsbot: the bot could not start: ${oneLine(error, config.token)}`}\n`);
    return undefined;
  }
}

function oneLine(error: unknown, secret: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(secret).join('[redacted]').replace(/\s+/g, ' ').slice(0, 300);
}
