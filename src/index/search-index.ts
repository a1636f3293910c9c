import type { ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
import { Postings, type PostingColumns } from './postings.js';
import { looseForm, type CorpusStats } from './stats.js';

/** How retrieval picks the sentences the ranker looks at. */
export interface IndexOptions {
  /** How many sentences retrieval hands to the ranker, before adding the other sentences of their paragraphs. Default `40`. */
  candidates?: number;
  /**
   * Most postings (sentences per looked-up word, added up) one question may make
   * retrieval walk. The question's rarest words are looked up first; common words
   * past the budget are left out of retrieval but still count in ranking, so a
   * question of mostly common words stays fast on a large corpus. The rarest word
   * is always looked up. Default `5000`.
   */
  postingBudget?: number;
}

export const DEFAULT_INDEX_OPTIONS: Required<IndexOptions> = {
  candidates: 40,
  postingBudget: 5000,
};

/**
 * Retrieval over sentence chunks: BM25 over each sentence's terms and, where
 * they differ, their stems. A paragraph whose question words are spread over
 * two sentences is still found: the ranker gets every sentence of a retrieved
 * sentence's paragraph.
 */
export class SearchIndex {
  private readonly options: Required<IndexOptions>;

  constructor(
    readonly postings: Postings,
    private readonly store: ChunkStore,
    private readonly stats: CorpusStats,
    options: IndexOptions = {},
  ) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
  }

  /** Indexes every chunk of the store. */
  static build(store: ChunkStore, stats: CorpusStats, options: IndexOptions = {}): SearchIndex {
    return new SearchIndex(Postings.build(store), store, stats, options);
  }

  /** An index from saved postings over the same store. */
  static load(columns: PostingColumns, store: ChunkStore, stats: CorpusStats, options: IndexOptions = {}): SearchIndex {
    return new SearchIndex(new Postings(columns), store, stats, options);
  }

  /**
   * Chunk ids that share words with the query tokens: the best `candidates` by
   * BM25 (of document number `document` only, when given), then the other
   * sentences of their paragraphs.
   */
  candidates(query: readonly Token[], document?: number): number[] {
    const content = query.filter((t) => t.term);
    const words = [...new Set(content.map((t) => t.term).concat(content.map(looseForm)))];
    const postings = (word: string): number => this.stats.count(word) + this.stats.looseCount(word);
    const present = words.map((word) => ({ word, postings: postings(word) })).filter((w) => w.postings > 0);
    present.sort((a, b) => a.postings - b.postings);
    const lookedUp: number[] = [];
    let taken = 0;
    let work = 0;
    for (const { word, postings: cost } of present) {
      if (taken > 0 && work + cost > this.options.postingBudget) break;
      taken++;
      work += cost;
      const id = this.store.lexicon.find(word);
      if (this.postings.frequency(id) > 0) lookedUp.push(id);
    }
    const out = new Set<number>();
    const { chunkDocument } = this.store.columns;
    const accept = document === undefined ? undefined : (chunk: number): boolean => chunkDocument[chunk] === document;
    for (const id of this.postings.search(lookedUp, this.options.candidates, accept)) {
      const [first, end] = this.store.paragraphOf(id);
      for (let sibling = first; sibling < end; sibling++) out.add(sibling);
    }
    return [...out];
  }
}
