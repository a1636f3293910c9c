import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, type EvalReport, type Prediction } from '../eval/run.js';
import { loadSquad } from '../eval/squad.js';
import { reportTable } from '../eval/table.js';
import { EXIT_OK, parseCliArgs, reportFailure, runIfMain, UsageError, userPath, type CliIo } from './args.js';
import { runTrain } from './train.js';

export const EVAL_USAGE =
  'usage: npm run eval -- [FILE.json ...] [--predictions OUT.json] [--json]  (no file: every set in eval/)\n       npm run eval -- --cv [--json]  (the models\' cross-validated figures on training/, as npm run train prints them, without writing a model)';

/** The question sets shipped with the project. */
const BUNDLED_SETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../eval');

/**
 * `npm run eval`: asks every question of SQuAD v2.0 files, each of its own
 * article, and prints quote and passage hits, answer and decline rates and
 * SQuAD EM/F1. Returns the exit code.
 */
export async function runEval(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv, { json: true, positionals: true, predictions: true, cv: true }, io.env);
    if (args.help) {
      io.stdout.write(`${EVAL_USAGE}\n`);
      return EXIT_OK;
    }
    if (args.cv) {
      if (args.positionals.length > 0 || args.predictions) throw new UsageError('--cv cross-validates on the training sets in training/: it takes no question file');
      return await runTrain(args.json ? ['--json'] : [], io, { write: false });
    }
    if (args.corpus !== undefined) throw new UsageError('eval takes its articles from the question files, not --corpus');
    const files = args.positionals.length > 0 ? args.positionals.map((file) => userPath(file, io.env)) : await bundledSets();
    const reports: EvalReport[] = [];
    const predictions: Record<string, Prediction> = {};
    for (const file of files) {
      const run = evaluate(await loadSquad(file));
      reports.push(run.report);
      Object.assign(predictions, run.predictions);
    }
    if (args.predictions) await writeFile(userPath(args.predictions, io.env), `${JSON.stringify(predictions, null, 2)}\n`);
    io.stdout.write(args.json ? `${JSON.stringify(reports.length === 1 ? reports[0] : reports)}\n` : `${reportTable(reports)}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function bundledSets(): Promise<string[]> {
  const names = await readdir(BUNDLED_SETS);
  return names.filter((name) => name.endsWith('.json')).sort().map((name) => join(BUNDLED_SETS, name));
}

runIfMain(import.meta.url, runEval);
