/** `npm run ask -- [--corpus PATH]… [--document ID] [--json] [question…]`: answers one question, or one per stdin line. */
import { createInterface } from 'node:readline';
import { NewsbotError, type Answer } from '../index.js';
import { quoteValue } from '../errors.js';
import { renderAnswer, renderJson, renderQuestion } from '../render/terminal.js';
import { EXIT_OK, parseCliArgs, reportFailure, runIfMain, UsageError, wantsColor, type CliIo } from './args.js';
import { engineForCorpora } from './corpus.js';

export const ASK_USAGE = `usage: npm run ask -- [--corpus PATH]… [--document ID] [--json] [question…]

Answers a question about the news articles, quoting them with ¶ citations.
Without a question, answers each non-blank line of stdin.

  --corpus PATH  a .txt/.md/.html article, a folder of them, or an http(s) address
                 of one (default: the bundled article); repeat it for several
  --document ID  ask that one document only (ids: npm run repl, then :sources)
  --json         print each answer as one JSON line
  -h, --help     show this help
  --             end of flags (for a question that starts with "-")`;

/** Runs `ask` and returns its exit code; every failure is one line on stderr. */
export async function runAsk(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv, { json: true, positionals: true, corpora: true, document: true }, io.env);
    if (args.help) {
      io.stdout.write(`${ASK_USAGE}\n`);
      return EXIT_OK;
    }
    const engine = await engineForCorpora(args.corpora, io.env);
    if (args.document !== undefined && !engine.documents().some((d) => d.id === args.document)) {
      const ids = engine.documents().map((d) => d.id).join(', ');
      throw new NewsbotError(`there is no document ${quoteValue(args.document)}; the loaded ones are ${ids}`);
    }
    const scope = args.document === undefined ? {} : { documentId: args.document };
    const options = { color: wantsColor(io) };
    const render = args.json ? renderJson : (answer: Answer) => renderAnswer(answer, options);
    if (args.positionals.length > 0) {
      const question = args.positionals.join(' ');
      if (question.trim() === '') throw new UsageError('the question is empty: npm run ask -- "who bought Norsat?" (or one question per line on stdin)');
      io.stdout.write(`${render(engine.ask(question, scope))}\n`);
      return EXIT_OK;
    }
    // Nothing to read from a pipe or a file: a person at a terminal is told what is awaited rather than left waiting.
    if (io.stdin.isTTY) io.stderr.write('newsbot: type a question and press Enter, one per line; Ctrl-D to end (or: npm run ask -- "question")\n');
    let first = true;
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue;
      const answer = engine.ask(line, scope);
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
