/**
 * The benchmark's corpora and their questions: the bundled article, the SQuAD
 * sample and the generated large corpus. Each is written as a folder of `.txt`
 * files under `.cache/newsbot-bench/` so every engine, and every fresh process
 * of the cold-start runs, reads the same files.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSquad } from '../src/eval/squad.js';
import { wordCount } from '../src/index/corpus-index.js';
import { DEFAULT_CORPUS, loadCorpus } from '../src/ingest/load.js';
import type { SourceDocument } from '../src/types.js';
import { generateLargeCorpus, isWritten, writeCorpus } from './corpus.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Generated corpora, saved indexes and question lists: git-ignored, safe to delete. */
export const WORK_DIR = join(ROOT, '.cache/newsbot-bench');

/** Where the engines save their indexes of a dataset. */
export function indexDir(dataset: string): string {
  return join(WORK_DIR, 'indexes', dataset);
}

/** A benchmark question; `gold` are strings a right top passage contains (none: timed only). */
export interface BenchQuestion {
  question: string;
  gold: string[];
}

export interface Dataset {
  name: string;
  /** Folder (or file) of `.txt` documents. */
  corpus: string;
  documents: number;
  passages: number;
  /** Whitespace-separated words of the paragraphs. */
  words: number;
  questions: BenchQuestion[];
  /** For the generated corpus: distinct words after each tenth of it. */
  vocabularyGrowth?: Array<{ words: number; vocabulary: number }>;
}

export const DATASET_NAMES = ['article', 'squad', 'large'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Least number of timed questions per run: question lists are cycled up to it. */
export const TIMED_QUESTIONS = 1000;

/** Writes the corpus folders and question lists (once: the large corpus is kept between runs) and returns the datasets. */
export async function prepareDatasets(names: readonly DatasetName[] = DATASET_NAMES): Promise<Dataset[]> {
  const out: Dataset[] = [];
  for (const name of names) out.push(await prepare(name));
  return out;
}

/** A prepared dataset, as the child processes read it back. */
export async function readDataset(name: DatasetName): Promise<Dataset> {
  return JSON.parse(await readFile(join(WORK_DIR, `${name}.json`), 'utf8')) as Dataset;
}

async function prepare(name: DatasetName): Promise<Dataset> {
  await mkdir(WORK_DIR, { recursive: true });
  const dataset = name === 'article' ? await article() : name === 'squad' ? await squad() : await large();
  await writeFile(join(WORK_DIR, `${name}.json`), JSON.stringify(dataset));
  return dataset;
}

/** The bundled article, asked the seed questions (gold answers for the answerable ones) and the off-topic ones. */
async function article(): Promise<Dataset> {
  const seed = await loadSquad(join(ROOT, 'eval/seed-questions.json'));
  const offtopic = await loadSquad(join(ROOT, 'eval/offtopic-sample.json'));
  const questions = [...seed.questions, ...offtopic.questions].map((q) => ({ question: q.question, gold: q.impossible ? [] : q.answers }));
  return { name: 'article', corpus: DEFAULT_CORPUS, ...sizeOf(await loadCorpus(DEFAULT_CORPUS)), questions };
}

/** The SQuAD sample's two articles as two documents, asked all 418 questions (gold answers for the 204 answerable). */
async function squad(): Promise<Dataset> {
  const set = await loadSquad(join(ROOT, 'eval/squad-v2-dev-sample.json'));
  const corpus = join(WORK_DIR, 'squad');
  const documents: SourceDocument[] = set.articles.map((a, i) => ({ id: `squad-${i + 1}`, title: a.title.replace(/_/g, ' '), paragraphs: a.paragraphs }));
  if (!(await isWritten(documents, corpus))) await writeCorpus(documents, corpus);
  const questions = set.questions.map((q) => ({ question: q.question, gold: q.impossible ? [] : q.answers }));
  return { name: 'squad', corpus, ...sizeOf(documents), questions };
}

/** The generated corpus of a million words, asked questions made from its own sentences. */
async function large(): Promise<Dataset> {
  const set = await loadSquad(join(ROOT, 'eval/squad-v2-dev-sample.json'));
  const bundled = await loadCorpus(DEFAULT_CORPUS);
  const sources = [...set.articles.flatMap((a) => a.paragraphs), ...bundled.flatMap((d) => d.paragraphs)];
  const generated = generateLargeCorpus(sources);
  const corpus = join(WORK_DIR, 'large');
  if (!(await isWritten(generated.documents, corpus))) await writeCorpus(generated.documents, corpus);
  const questions = generated.questions.map((q) => ({ question: q.question, gold: [q.sentence] }));
  return { name: 'large', corpus, ...sizeOf(generated.documents), questions, vocabularyGrowth: generated.vocabularyGrowth };
}

function sizeOf(documents: readonly SourceDocument[]): Pick<Dataset, 'documents' | 'passages' | 'words'> {
  return {
    documents: documents.length,
    passages: documents.reduce((sum, d) => sum + d.paragraphs.length, 0),
    words: documents.reduce((sum, d) => sum + wordCount(d), 0),
  };
}
