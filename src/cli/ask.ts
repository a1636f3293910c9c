/** `npm run ask -- [--corpus PATH] [--json] [question…]`: answers one question, or one per stdin line. */
import { createInterface } from 'node:readline';
import { Engine, type Answer } from '../index.js';
import { renderAnswer, renderJson, renderQuestion } from '../render/terminal.js';
import { EXIT_OK, parseCliArgs, reportFailure, runIfMain, wantsColor, type CliIo } from './args.js';

export const ASK_USAGE = `usage: npm run ask -- [--corpus PATH] [--json] [question…]

Answers a question about the news articles, quoting them with ¶ citations.
Without a question, answers each non-blank line of stdin.

  --corpus PATH  a .txt/.md article or a folder of them (default: the bundled article)
  --json         print each answer as one JSON line
  -h, --help     show this help
  --             end of flags (for a question that starts with "-")`;

/** Runs `ask` and returns its exit code; every failure is one line on stderr. */
export async function runAsk(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv, { json: true, positionals: true });
    if (args.help) {
      io.stdout.write(`${ASK_USAGE}\n`);
      return EXIT_OK;
    }
    const engine = await Engine.load({ corpus: args.corpus });
    const options = { color: wantsColor(io) };
    const render = args.json ? renderJson : (answer: Answer) => renderAnswer(answer, options);
    if (args.positionals.length > 0) {
      io.stdout.write(`${render(engine.ask(args.positionals.join(' ')))}\n`);
      return EXIT_OK;
    }
    let first = true;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const answer = engine.ask(line);
      // Several text answers in a row need their question above them and a gap between them.
      if (!args.json) io.stdout.write(`${first ? '' : '\n'}${renderQuestion(line, options)}\n`);
      io.stdout.write(`${render(answer)}\n`);
      first = false;
    }
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, io);
  }
}

runIfMain(import.meta.url, runAsk);
