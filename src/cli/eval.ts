import { readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NewsbotError } from '../errors.js';
import { evaluate, type EvalReport, type Prediction } from '../eval/run.js';
import { loadSquad } from '../eval/squad.js';
import { reportTable } from '../eval/table.js';

const USAGE = 'usage: npm run eval -- [FILE.json ...] [--predictions OUT.json] [--json]  (no file: every set in eval/)';

/** The question sets shipped with the project. */
const BUNDLED_SETS = resolve(dirname(fileURLToPath(import.meta.url)), '../../eval');

export interface EvalIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `npm run eval`: asks every question of SQuAD v2.0 files, each of its own
 * article, and prints quote and passage hits, answer and decline rates and
 * SQuAD EM/F1. Returns the exit code.
 */
export async function runEval(argv: readonly string[], io: EvalIO = process): Promise<number> {
  let values: { predictions?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  let files: string[];
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { predictions: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    values = parsed.values;
    files = parsed.positionals;
  } catch (error) {
    io.stderr.write(`newsbot: ${(error as Error).message.split('\n')[0]}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (files.length === 0) files = (await readdir(BUNDLED_SETS)).filter((name) => name.endsWith('.json')).sort().map((name) => join(BUNDLED_SETS, name));
    const reports: EvalReport[] = [];
    const predictions: Record<string, Prediction> = {};
    for (const file of files) {
      const run = evaluate(await loadSquad(file));
      reports.push(run.report);
      Object.assign(predictions, run.predictions);
    }
    if (values.predictions) await writeFile(values.predictions, `${JSON.stringify(predictions, null, 2)}\n`);
    io.stdout.write(values.json ? `${JSON.stringify(reports.length === 1 ? reports[0] : reports)}\n` : `${reportTable(reports)}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`${error instanceof NewsbotError ? error.message : `newsbot: ${String(error)}`}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runEval(process.argv.slice(2));
}
