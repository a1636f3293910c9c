/**
 * One engine on one dataset, in a process of its own so that its peak memory is
 * its own (the passages are graded from the engine's own text, not a copy):
 * index build time, saved index size, per-question latency and passage Hit@1. Prints one JSON line (a `Measurement`) on stdout; progress on stderr.
 *
 * Usage: tsx bench/measure.ts DATASET ENGINE [SECONDS]
 *
 * SECONDS bounds the time spent asking questions (default 20): a library that
 * takes half a second a question on the large corpus is timed on as many
 * questions as fit, and the table says how many.
 */
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { limitHeapGrowth, settleHeap } from '../src/heap.js';
import { progressReporter } from '../src/progress/reporter.js';
import { indexDir, readDataset, TIMED_QUESTIONS, type DatasetName } from './datasets.js';
import { createEngine, type EngineName } from './engines.js';

export interface Measurement {
  dataset: DatasetName;
  engine: EngineName;
  documents: number;
  passages: number;
  words: number;
  buildMs: number;
  wordsPerSecond: number;
  peakRssMb: number;
  indexBytes: number;
  /** Timed questions (the dataset's, cycled up to TIMED_QUESTIONS). */
  timed: number;
  p50: number;
  p95: number;
  p99: number;
  /** Questions with gold answers, and how many of them the top passage holds. */
  graded: number;
  hits: number;
}

/**
 * Before timing, the questions are asked over and over for this long: the JIT
 * compiles the hot paths and the heap reaches its working size, so the tail
 * latencies are the steady state's, not start-up's (newsbot's wink-nlp code
 * takes a couple of thousand questions to settle).
 */
export const WARM_UP_MS = 3_000;

/** The `p`th percentile of times sorted in ascending order (NaN for none). */
export function percentileOf(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function measure(datasetName: DatasetName, engineName: EngineName, budgetMs: number): Promise<Measurement> {
  // The heap settings the bot indexes and then answers with (src/heap.ts), for every engine alike.
  limitHeapGrowth();
  const dataset = await readDataset(datasetName);
  const dir = indexDir(datasetName);
  await mkdir(dir, { recursive: true });
  const engine = await createEngine(engineName, dataset.corpus, dir, progressReporter({ stream: process.stderr, label: `indexing (${datasetName})` }));
  const buildMs = await engine.build();
  const file = await engine.save();
  settleHeap();

  const questions = dataset.questions;
  const warmUpEnds = performance.now() + WARM_UP_MS;
  for (let i = 0; performance.now() < warmUpEnds; i++) await engine.top((questions[i % questions.length] as (typeof questions)[number]).question);
  const times: number[] = [];
  let graded = 0;
  let hits = 0;
  const total = Math.max(TIMED_QUESTIONS, questions.length);
  const ends = performance.now() + budgetMs;
  for (let i = 0; i < total && performance.now() < ends; i++) {
    const q = questions[i % questions.length] as (typeof questions)[number];
    const started = performance.now();
    const found = engine.top(q.question);
    const top = typeof found === 'number' ? found : await found;
    times.push(performance.now() - started);
    if (i < questions.length && q.gold.length > 0) {
      graded++;
      const text = engine.passageText(top);
      if (q.gold.some((gold) => text.includes(gold))) hits++;
    }
  }
  times.sort((a, b) => a - b);
  const percentile = (p: number): number => percentileOf(times, p);
  return {
    dataset: datasetName, engine: engineName, documents: dataset.documents, passages: dataset.passages, words: dataset.words,
    buildMs, wordsPerSecond: (dataset.words * 1000) / buildMs, peakRssMb: process.resourceUsage().maxRSS / 1024,
    indexBytes: (await stat(file)).size, timed: times.length, p50: percentile(50), p95: percentile(95), p99: percentile(99), graded, hits,
  };
}

const [datasetArg, engineArg, secondsArg = '20'] = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url) && datasetArg && engineArg) {
  measure(datasetArg as DatasetName, engineArg as EngineName, Number(secondsArg) * 1000).then(
    (m) => process.stdout.write(`${JSON.stringify(m)}\n`),
    (error: unknown) => {
      process.stderr.write(`newsbot: bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
