import MiniSearch from 'minisearch';
import type { ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
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

interface IndexedChunk {
  id: number;
  terms: string;
}

// Terms are normalized by the chunker, so MiniSearch only splits on spaces.
const MINISEARCH_OPTIONS = {
  fields: ['terms'],
  tokenize: (text: string): string[] => (text ? text.split(' ') : []),
  processTerm: (term: string): string | null => term || null,
};

/**
 * Retrieval over sentence chunks with MiniSearch. One field per sentence holds
 * its terms and, where they differ, their stems. A paragraph whose question
 * words are spread over two sentences is still found: the ranker gets every
 * sentence of a retrieved sentence's paragraph.
 */
export class SearchIndex {
  private readonly options: Required<IndexOptions>;

  private constructor(
    private readonly search: MiniSearch<IndexedChunk>,
    private readonly store: ChunkStore,
    private readonly stats: CorpusStats,
    options: IndexOptions,
  ) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
  }

  /** Indexes every chunk of the store. */
  static build(store: ChunkStore, stats: CorpusStats, options: IndexOptions = {}): SearchIndex {
    const search = new MiniSearch<IndexedChunk>(MINISEARCH_OPTIONS);
    const { tokenTerm, tokenStem, chunkTokens } = store.columns;
    const { lexicon } = store;
    const terms: string[] = [];
    for (let id = 0; id < store.size; id++) {
      terms.length = 0;
      for (let t = chunkTokens[id] as number; t < (chunkTokens[id + 1] as number); t++) {
        const term = tokenTerm[t] as number;
        if (term === 0) continue;
        terms.push(lexicon.word(term));
        const stem = tokenStem[t] as number;
        if (stem !== 0) terms.push(lexicon.word(stem));
      }
      search.add({ id, terms: terms.join(' ') });
    }
    return new SearchIndex(search, store, stats, options);
  }

  /** An index saved by `toJSON`, over the same store. */
  static load(json: string, store: ChunkStore, stats: CorpusStats, options: IndexOptions = {}): SearchIndex {
    return new SearchIndex(MiniSearch.loadJSON<IndexedChunk>(json, MINISEARCH_OPTIONS), store, stats, options);
  }

  /** The MiniSearch index as JSON, for a snapshot. */
  toJSON(): string {
    return JSON.stringify(this.search);
  }

  /**
   * Chunk ids that share words with the query tokens: the best `candidates` by
   * MiniSearch's score, then the other sentences of their paragraphs.
   */
  candidates(query: readonly Token[]): number[] {
    const content = query.filter((t) => t.term);
    const words = [...new Set(content.map((t) => t.term).concat(content.map(looseForm)))];
    const postings = (word: string): number => this.stats.count(word) + this.stats.looseCount(word);
    const present = words.map((word) => ({ word, postings: postings(word) })).filter((w) => w.postings > 0);
    present.sort((a, b) => a.postings - b.postings);
    const lookedUp: string[] = [];
    let work = 0;
    for (const { word, postings: cost } of present) {
      if (lookedUp.length > 0 && work + cost > this.options.postingBudget) break;
      lookedUp.push(word);
      work += cost;
    }
    if (lookedUp.length === 0) return [];
    const results = this.search.search(lookedUp.join(' '), { combineWith: 'OR' });
    const out = new Set<number>();
    for (const result of results.slice(0, this.options.candidates)) {
      const [first, end] = this.store.paragraphOf(result.id as number);
      for (let id = first; id < end; id++) out.add(id);
    }
    return [...out];
  }
}
