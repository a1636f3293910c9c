/**
 * `npm run bench [-- --json] [--datasets article,squad,large] [--engines newsbot,lunr,…] [--seconds 60]`
 *
 * Measures newsbot and the search libraries a developer would otherwise pick on
 * the bundled article, the SQuAD sample and a generated corpus of a million
 * words: index build speed, peak memory, index size on disk, cold start with and
 * without a saved index, per-question latency and passage Hit@1. Each
 * measurement runs in a child process of its own. Prints a Markdown report (or
 * JSON with --json) on stdout; progress goes to stderr.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_NAMES, prepareDatasets, ROOT, type DatasetName } from './datasets.js';
import { ENGINE_NAMES, type EngineName } from './engines.js';
import type { FollowUpTiming } from './follow-ups.js';
import { benchEntryPoints, CORPUS_NAMES } from './entry-points.js';
import type { Measurement } from './measure.js';
import { renderReport, type ColdStart, type Report } from './table.js';

/** Cold starts from a saved index are short and noisy: the median of this many. */
const PERSISTED_RUNS = 3;

const USAGE = `usage: npm run bench -- [--json] [--datasets ${DATASET_NAMES.join(',')}] [--engines ${ENGINE_NAMES.join(',')}] [--seconds 20]
       npm run bench -- --entry-points [--json] [--corpora ${CORPUS_NAMES.join(',')}] [--runs 3]`;
const values = (() => {
  try {
    return parseArgs({
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        json: { type: 'boolean', default: false },
        datasets: { type: 'string', default: DATASET_NAMES.join(',') },
        engines: { type: 'string', default: ENGINE_NAMES.join(',') },
        seconds: { type: 'string', default: '20' },
        'entry-points': { type: 'boolean', default: false },
        corpora: { type: 'string', default: CORPUS_NAMES.join(',') },
        runs: { type: 'string', default: '3' },
      },
    }).values;
  } catch (error) {
    // One line: the two forms of the usage side by side.
    return fail(`${(error as Error).message.split('\n')[0]} (${USAGE.replace(/\n\s+npm run bench -- /, ' or ')})`);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values['entry-points']) {
  const runs = Number(values.runs);
  if (!(Number.isInteger(runs) && runs > 0)) fail(`--runs must be a whole number above 0, not ${JSON.stringify(values.runs)}`);
  process.stdout.write(await benchEntryPoints({ corpora: pick(values.corpora, CORPUS_NAMES, '--corpora'), runs, json: values.json, note }));
  process.exit(0);
}
const datasets = pick(values.datasets, DATASET_NAMES, '--datasets');
const engines = pick(values.engines, ENGINE_NAMES, '--engines');
const seconds = Number(values.seconds);
if (!(seconds > 0)) fail(`--seconds must be a positive number, not ${JSON.stringify(values.seconds)}`);

const startLoad = loadavg()[0] as number;
note('preparing the corpora (the large one is generated once and kept in .cache/newsbot-bench/)');
const prepared = await prepareDatasets(datasets);
const measurements: Measurement[] = [];
const coldStarts: ColdStart[] = [];
const total = prepared.length * engines.length;
let done = 0;
for (const dataset of prepared) {
  for (const engine of engines) {
    done++;
    note(`[${done}/${total}] ${dataset.name} · ${engine}: build, save, ${seconds} s of questions at most`);
    const measured = JSON.parse(await run(['bench/measure.ts', dataset.name, engine, String(seconds)])) as Measurement;
    measurements.push(measured);
    note(`  Hit@1 ${measured.hits}/${measured.graded}, p99 ${measured.p99.toFixed(2)} ms over ${measured.timed} questions, build ${(measured.buildMs / 1000).toFixed(2)} s, peak ${Math.round(measured.peakRssMb)} MB`);
    const persisted: number[] = [];
    for (let i = 0; i < PERSISTED_RUNS; i++) persisted.push(await coldStart(dataset.name, engine, 'persisted'));
    const freshMs = await coldStart(dataset.name, engine, 'fresh');
    const persistedMs = persisted.sort((a, b) => a - b)[Math.floor(PERSISTED_RUNS / 2)] as number;
    coldStarts.push({ dataset: dataset.name as DatasetName, engine, persistedMs, freshMs });
    note(`  cold start ${(persistedMs / 1000).toFixed(2)} s from the saved index, ${(freshMs / 1000).toFixed(2)} s indexing`);
  }
}

// Follow-ups are newsbot's alone (no library keeps a conversation): timed on the bundled article when both are measured.
let followUps: FollowUpTiming | undefined;
if (datasets.includes('article') && engines.includes('newsbot')) {
  note(`follow-up questions on the bundled article: ${seconds} s at most`);
  followUps = JSON.parse(await run(['bench/follow-ups.ts', String(seconds)])) as FollowUpTiming;
  note(`  p99 ${followUps.p99.toFixed(2)} ms over ${followUps.timed} follow-ups`);
}

const cpu = cpus();
const report: Report = {
  machine: {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load: [startLoad, loadavg()[0] as number],
  },
  datasets: prepared.map((d) => ({ name: d.name, corpus: d.corpus, questions: d.questions.length, ...(d.vocabularyGrowth ? { vocabularyGrowth: d.vocabularyGrowth } : {}) })),
  measurements,
  coldStarts,
  ...(followUps ? { followUps } : {}),
};
process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : renderReport(report));

/** Runs a bench script under tsx in a child process and returns its stdout; its stderr (progress) shows as it comes. */
function run(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').pop() ?? '') : reject(new Error(`newsbot: bench: ${args.join(' ')} exited with ${code}`))));
  });
}

/** Milliseconds from spawning a fresh process to its first answer line. */
function coldStart(dataset: string, engine: EngineName, mode: 'persisted' | 'fresh'): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'cold.ts'), dataset, engine, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let answered: number | undefined;
    child.stdout.on('data', () => (answered ??= performance.now() - started));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && answered !== undefined ? resolve(answered) : reject(new Error(`newsbot: bench: cold start ${dataset} ${engine} ${mode} exited with ${code}`))));
  });
}

function pick<T extends string>(list: string, allowed: readonly T[], flag: string): T[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!allowed.includes(name as T)) fail(`${flag}: unknown name ${JSON.stringify(name)} (one of ${allowed.join(', ')})`);
  return names as T[];
}

function note(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`newsbot: bench: ${message}\n`);
  process.exit(2);
}
