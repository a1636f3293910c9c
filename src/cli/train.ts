import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES } from '../answer/default-model.js';
import { answerModelOf, DEFAULT_MODEL_PATH, MODEL_FORMAT, type ModelFile } from '../answer/model.js';
import { loadSquad } from '../eval/squad.js';
import { crossValidate, DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '../train/cross-validate.js';
import { examplesOf, excerptsOf, standaloneExamplesOf } from '../train/examples.js';
import { fitLocality } from '../train/locality.js';
import { cvTable, reliabilityTable, spansTable } from '../train/report.js';
import { EXIT_OK, parseCliArgs, reportFailure, runIfMain, UsageError, userPath, type CliIo } from './args.js';

export const TRAIN_USAGE = 'usage: npm run train -- [pool=FILE.json] [slice=FILE.json] [out=MODEL.json] [--json]';

const TRAINING = resolve(dirname(fileURLToPath(import.meta.url)), '../../training');
/**
 * The conversations the locality prior is fitted on: every `followups-*.json` of `training/` (see training/README.md),
 * in name order, as the prior's held-out figure deals them into folds.
 */
async function conversationFiles(): Promise<string[]> {
  return (await readdir(TRAINING))
    .filter((file) => /^followups-.*\.json$/.test(file))
    .sort()
    .map((file) => resolve(TRAINING, file));
}

/** Where `train` reads and writes, and how it fits. */
export interface TrainRun {
  /** Questions for ranking and declining, cross-validated by article. */
  pool: string;
  /** Questions for ranking only, in every fold's training. */
  slice: string;
  /**
   * Conversations (SQuAD v2.0 with a `conversations` field) written for other articles than the test sets': the
   * locality prior is fitted on them, and the span model is checked on their questions that stand alone.
   */
  conversations: string[];
  /** The model file to write. */
  out: string;
  /** Whether to write it (`npm run eval -- --cv` only prints the figures). */
  write: boolean;
  options: TrainOptions;
}

/**
 * `npm run train`: fits the ranking and decision models on the training
 * questions, prints the cross-validated figures per fold and overall and the
 * reliability table, fits the locality prior on the training conversations
 * with the final models, and writes the model file. Deterministic: the same data
 * and code fit the same model. Returns the exit code.
 */
export async function runTrain(argv: readonly string[], io: CliIo, defaults: Partial<TrainRun> = {}): Promise<number> {
  try {
    const args = parseCliArgs(argv, { json: true, positionals: true }, io.env);
    if (args.help) {
      io.stdout.write(`${TRAIN_USAGE}\n`);
      return EXIT_OK;
    }
    const run: TrainRun = {
      pool: resolve(TRAINING, 'squad-v2-dev-pool.json'),
      slice: resolve(TRAINING, 'squad-v2-train-slice.json'),
      conversations: await conversationFiles(),
      out: DEFAULT_MODEL_PATH,
      write: true,
      options: DEFAULT_TRAIN_OPTIONS,
      ...defaults,
      ...namedPaths(args.positionals, io.env),
    };
    const log = (line: string): void => void io.stderr.write(`newsbot: ${line}\n`);
    const started = Date.now();
    const [poolSet, sliceSet] = await Promise.all([loadSquad(run.pool), loadSquad(run.slice)]);
    const pool = examplesOf(poolSet, { perArticle: run.options.offTopicPerArticle, folds: run.options.folds });
    const slice = examplesOf(sliceSet);
    const pages = excerptsOf(poolSet, pool, { ...run.options.pages, folds: run.options.folds });
    log(`features of ${pool.length + slice.length} questions, and of ${pages.length} asked of short pages, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const conversations = await Promise.all(run.conversations.map((file) => loadSquad(file)));
    const heldOut = standaloneExamplesOf(conversations);
    log(`and of ${heldOut.length} questions of the conversation files that stand alone, to check the span model on`);
    const trained = await crossValidate({ pool, pages, alwaysTrain: slice, heldOut }, run.options, log);
    const fitted = { ranker: trained.ranker, decider: trained.decider, calibration: trained.calibration, threshold: trained.threshold, spans: trained.spans, spanThreshold: trained.spanThreshold };
    const unplaced = answerModelOf({ ...fitted, format: MODEL_FORMAT, version: '', reliability: [], locality: { sentence: 0, paragraph: 0, referent: 1 } }, FEATURES);
    const near = fitLocality(conversations, unplaced);
    log(
      `locality prior: +${near.locality.paragraph} to the previous answer's paragraph, +${near.locality.sentence} more to its sentence, the words a reading put in at ${near.locality.referent} of their weight; ` +
        `follow-ups right ${near.right} of ${near.followUps} (${near.rightWithout} without it; ${near.heldOut} with the prior fitted without their file)`,
    );
    const body = {
      format: MODEL_FORMAT,
      ranker: trained.ranker,
      decider: trained.decider,
      calibration: trained.calibration,
      threshold: round(trained.threshold),
      spans: trained.spans,
      spanThreshold: round(trained.spanThreshold),
      reliability: trained.reliability.map((b) => ({ ...b, meanConfidence: round(b.meanConfidence) })),
      locality: near.locality,
    };
    const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
    const file: ModelFile = { ...body, version };
    if (run.write) {
      await mkdir(dirname(run.out), { recursive: true });
      await writeFile(run.out, `${JSON.stringify(roundWeights(file))}\n`);
    }
    if (args.json) {
      const { perFold, overall, pages: onPages, pageReliability, spansInSentence } = trained;
      io.stdout.write(`${JSON.stringify({ perFold, overall, pages: onPages, spansInSentence, threshold: file.threshold, spanThreshold: file.spanThreshold, reliability: file.reliability, pageReliability, version })}\n`);
    } else {
      io.stdout.write(
        `${cvTable(trained.perFold, trained.overall, trained.pages)}\n\n${spansTable(trained.spansInSentence)}\n\nthreshold ${file.threshold}, short answer shown from span probability ${file.spanThreshold}\n\n` +
          `whole articles:\n${reliabilityTable(file.reliability)}\n\nshort pages:\n${reliabilityTable(trained.pageReliability)}\n`,
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    log(run.write ? `model ${version} written to ${run.out} in ${seconds} s` : `cross-validated in ${seconds} s; no model written`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** `pool=FILE`, `slice=FILE`, `out=FILE` positionals (npm passes `--flags` of its own poorly). */
function namedPaths(positionals: readonly string[], env: Record<string, string | undefined>): Partial<TrainRun> {
  const out: Partial<TrainRun> = {};
  for (const positional of positionals) {
    const match = /^(pool|slice|out)=(.+)$/.exec(positional);
    if (!match) throw new UsageError(`unknown argument "${positional}" (see --help)`);
    out[match[1] as 'pool' | 'slice' | 'out'] = userPath(match[2] as string, env);
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Weights to 6 significant digits: the file stays small, and the scores move by far less than any threshold. */
function roundWeights(file: ModelFile): ModelFile {
  return JSON.parse(JSON.stringify(file, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(6)) : value))) as ModelFile;
}

runIfMain(import.meta.url, runTrain);
