/** `npm run index -- [--corpus PATH]`: builds the index snapshot of a corpus ahead of time, or says it is up to date. */
import { loadWithinBudget } from '../heap.js';
import { Engine } from '../index.js';
import type { IndexProgress } from '../index/corpus-index.js';
import { progressReporter } from '../progress/reporter.js';
import { EXIT_OK, parseCliArgs, reportFailure, runIfMain, userPath, type CliIo } from './args.js';

export const INDEX_USAGE = `usage: npm run index -- [--corpus PATH]

Indexes the news articles and saves the index as a snapshot in .cache/newsbot/,
so that ask, repl and the bot start without indexing. A snapshot that matches
the articles, the options and this version of newsbot is kept as it is.
Progress goes to stderr: a bar on a terminal, a line every two seconds otherwise.

  --corpus PATH  a .txt/.md article or a folder of them (default: the bundled article)
  -h, --help     show this help`;

/** Runs `index` and returns its exit code; every failure is one line on stderr. */
export async function runIndex(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv, {}, io.env);
    if (args.help) {
      io.stdout.write(`${INDEX_USAGE}\n`);
      return EXIT_OK;
    }
    const report = progressReporter({ stream: io.stderr });
    let last: IndexProgress | undefined;
    const { documents, origin } = await loadWithinBudget(() => Engine.saveIndex({
      ...(args.corpus === undefined ? {} : { corpus: userPath(args.corpus, io.env) }),
      onProgress: (progress) => {
        last = progress;
        report(progress);
      },
      onWarning: (line) => io.stderr.write(`${line}\n`),
    }));
    const counted = `${documents.toLocaleString('en-US')} document${documents === 1 ? '' : 's'}`;
    if (origin.source === 'snapshot') {
      io.stdout.write(`snapshot up to date: ${origin.file} (${counted})\n`);
    } else {
      const took = last ? ` (${last.totalWords.toLocaleString('en-US')} words in ${(last.elapsedMs / 1000).toFixed(1)} s)` : '';
      io.stdout.write(`indexed ${counted}${took} because ${origin.reason}; ${origin.file ? `snapshot: ${origin.file}` : 'no snapshot saved'}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, io);
  }
}

runIfMain(import.meta.url, runIndex);
