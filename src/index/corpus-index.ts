import type MiniSearch from 'minisearch';
import { ChunkStore, type ChunkColumns } from '../chunk/store.js';
import { Lexicon } from '../chunk/lexicon.js';
import { chunkCorpus, type ChunkingOptions } from '../chunk/parallel.js';
import type { SourceDocument } from '../types.js';
import { SearchIndex, type IndexedChunk, type IndexOptions } from './search-index.js';
import { CorpusStats } from './stats.js';

/** How far indexing has got, for progress displays. The engine reports it; it never prints. */
export interface IndexProgress {
  /** `chunk` while documents are analyzed (after each document), `index` once while the search index is built, `done` at the end. */
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

/** What a snapshot holds: the chunk columns, the lexicon and the MiniSearch index. The documents come from the corpus itself. */
export interface IndexParts {
  columns: ChunkColumns;
  lexicon: readonly string[];
  search: MiniSearch<IndexedChunk>;
}

/** Chunks and indexes documents in this thread, reporting progress after each document. */
export function buildIndex(documents: readonly SourceDocument[], options: IndexOptions = {}, onProgress?: (progress: IndexProgress) => void): CorpusIndex {
  const progress = progressOf(documents, onProgress);
  return indexChunks(ChunkStore.build(documents, progress.chunked), options, progress.report);
}

/** `buildIndex`, with a large corpus chunked in two threads (see `chunkCorpus`): the same index, sooner. */
export async function buildIndexInThreads(
  documents: readonly SourceDocument[],
  options: IndexOptions,
  onProgress: ((progress: IndexProgress) => void) | undefined,
  chunking: Omit<ChunkingOptions, 'onDocument'>,
): Promise<CorpusIndex> {
  const progress = progressOf(documents, onProgress);
  return indexChunks(await chunkCorpus(documents, { ...chunking, onDocument: progress.chunked }), options, progress.report);
}

function indexChunks(store: ChunkStore, options: IndexOptions, report: (phase: 'index' | 'done') => void): CorpusIndex {
  report('index');
  const stats = new CorpusStats(store);
  const index = SearchIndex.build(store, stats, options);
  report('done');
  return { store, stats, index };
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
  const store = new ChunkStore(documents, parts.columns, Lexicon.from(parts.lexicon));
  const stats = new CorpusStats(store);
  return { store, stats, index: new SearchIndex(parts.search, store, stats, options) };
}

/** The parts of an index to save. */
export function partsOf({ store, index }: CorpusIndex): IndexParts {
  return { columns: store.columns, lexicon: store.lexicon.words(), search: index.search };
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
