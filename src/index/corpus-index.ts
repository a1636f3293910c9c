import { ChunkStore, type ChunkColumns } from '../chunk/store.js';
import { Lexicon } from '../chunk/lexicon.js';
import { chunkCorpus, type ChunkingOptions } from '../chunk/parallel.js';
import type { SourceDocument } from '../types.js';
import { SearchIndex, type IndexOptions } from './search-index.js';
import { CorpusStats } from './stats.js';

/** How far indexing has got, for progress displays. The engine reports it; it never prints. */
export interface IndexProgress {
  /** `chunk` while documents are analyzed (after each document), `index` once while the search index is built or the snapshot saved, `done` at the end. */
  phase: 'chunk' | 'index' | 'done';
  /** Documents analyzed so far, and in all. */
  documents: number;
  totalDocuments: number;
  /** Words (runs of non-blanks) analyzed so far, and in all. */
  words: number;
  totalWords: number;
  /** Milliseconds since indexing started. */
  elapsedMs: number;
}

/** Everything answering needs besides the documents: their chunks, statistics and search index. */
export interface CorpusIndex {
  store: ChunkStore;
  stats: CorpusStats;
  index: SearchIndex;
}

/**
 * What a snapshot holds: the chunk columns, the lexicon and, for a corpus read
 * from files, its parsed documents. The statistics and the MiniSearch index are
 * worked out from the columns when loaded (`indexOf`).
 */
export interface IndexParts {
  columns: ChunkColumns;
  lexicon: readonly string[];
  documents?: readonly SourceDocument[];
}

/** Chunks and indexes documents in this thread, reporting progress after each document. */
export function buildIndex(documents: readonly SourceDocument[], options: IndexOptions = {}, onProgress?: (progress: IndexProgress) => void): CorpusIndex {
  const progress = progressOf(documents, onProgress);
  const store = ChunkStore.build(documents, progress.chunked);
  progress.report('index');
  const index = indexOf(store, options);
  progress.report('done');
  return index;
}

/**
 * Chunks documents, a large corpus in two threads (see `chunkCorpus`), reporting
 * progress after each document; `then` gets the chunks (it indexes them, or only
 * saves them) between the `index` and `done` reports.
 */
export async function chunkInThreads<T>(
  documents: readonly SourceDocument[],
  onProgress: ((progress: IndexProgress) => void) | undefined,
  chunking: Omit<ChunkingOptions, 'onDocument'>,
  then: (store: ChunkStore) => Promise<T>,
): Promise<T> {
  const progress = progressOf(documents, onProgress);
  const store = await chunkCorpus(documents, { ...chunking, onDocument: progress.chunked });
  progress.report('index');
  const out = await then(store);
  progress.report('done');
  return out;
}

/** The statistics and search index of chunked documents. */
export function indexOf(store: ChunkStore, options: IndexOptions = {}): CorpusIndex {
  const stats = new CorpusStats(store);
  return { store, stats, index: SearchIndex.build(store, stats, options) };
}

/** Progress reports for indexing `documents`: `chunked(index)` after each document, `report(phase)` for the later phases. */
function progressOf(documents: readonly SourceDocument[], onProgress: ((progress: IndexProgress) => void) | undefined) {
  const started = performance.now();
  const counts = onProgress ? documents.map(wordCount) : [];
  const totalWords = counts.reduce((sum, n) => sum + n, 0);
  let done = 0;
  let words = 0;
  const report = (phase: IndexProgress['phase']): void =>
    onProgress?.({ phase, documents: done, totalDocuments: documents.length, words, totalWords, elapsedMs: performance.now() - started });
  return {
    chunked(index: number): void {
      done++;
      words += counts[index] ?? 0;
      report('chunk');
    },
    report,
  };
}

/** An index from saved parts, over the documents they were built from. */
export function indexFromParts(documents: readonly SourceDocument[], parts: IndexParts, options: IndexOptions = {}): CorpusIndex {
  return indexOf(new ChunkStore(documents, parts.columns, Lexicon.from(parts.lexicon)), options);
}

/** The parts of an index to save. */
export function partsOf(store: ChunkStore): IndexParts {
  return { columns: store.columns, lexicon: store.lexicon.words() };
}

/** Runs of non-blank characters in the paragraphs (what is indexed): the word count of progress and benchmarks. */
export function wordCount(document: SourceDocument): number {
  let count = 0;
  for (const text of document.paragraphs) {
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const blank = text.charCodeAt(i) <= 32;
      if (!blank && !inWord) count++;
      inWord = !blank;
    }
  }
  return count;
}
