/**
 * The engines the benchmark compares, behind one interface: newsbot, and the
 * search libraries a developer would otherwise pick, each set up the way its
 * README shows (MiniSearch with default options) over the same passages
 * (paragraphs), each saving its index the way its documentation recommends.
 * One file per engine in bench/engines/.
 */
import { join } from 'node:path';
import type { IndexProgress } from '../src/index/corpus-index.js';
import { loadCorpus } from '../src/ingest/load.js';
import type { SourceDocument } from '../src/types.js';

export const ENGINE_NAMES = ['newsbot', 'minisearch', 'lunr', 'flexsearch', 'orama', 'wink-bm25'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** A paragraph of the corpus: the unit every engine returns. */
export interface Passage {
  document: number;
  /** From 1. */
  paragraph: number;
  text: string;
}

export interface BenchEngine {
  /** Indexes the corpus; returns the milliseconds spent indexing (not reading files or saving). */
  build(): Promise<number>;
  /** Saves the index where `load` finds it; returns the file. */
  save(): Promise<string>;
  /** Loads the index `save` wrote. */
  load(): Promise<void>;
  /** The passage (index into the passages) the engine ranks first, or -1 for none. */
  top(question: string): number | Promise<number>;
  /** The text of passage `index`, from what the engine holds (grading reads no copy of its own). */
  passageText(index: number): string;
}

export function passagesOf(documents: readonly SourceDocument[]): Passage[] {
  return documents.flatMap((d, document) => d.paragraphs.map((text, p) => ({ document, paragraph: p + 1, text })));
}

/**
 * One engine over a corpus; `dir` holds its saved index. Each engine's code
 * (bench/engines/NAME.ts) is imported only when asked for, so a process holds
 * one engine's libraries. The libraries get the corpus's paragraphs read here;
 * newsbot reads the corpus itself, as the bot does.
 */
export async function createEngine(name: EngineName, corpus: string, dir: string, onProgress?: (p: IndexProgress) => void): Promise<BenchEngine> {
  if (name === 'newsbot') return (await import('./engines/newsbot.js')).create(corpus, join(dir, 'newsbot'), onProgress);
  const passages = passagesOf(await loadCorpus(corpus));
  const file = join(dir, `${name}.json`);
  const library = (await import(`./engines/${name}.js`)) as { create: (passages: readonly Passage[], file: string) => BenchEngine };
  return library.create(passages, file);
}
