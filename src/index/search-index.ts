import MiniSearch, { type Options } from 'minisearch';
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
  postingBudget: 2000,
};

/** A sentence as MiniSearch indexes it: its chunk id and one field of lexicon ids. */
export interface IndexedChunk {
  id: number;
  terms: string;
}

/**
 * The MiniSearch setup, the same to build, search and load a saved index. The
 * chunker has already normalized every term, and each is indexed by its lexicon
 * id (base 36): the field is those ids separated by spaces, split as they are,
 * with no prefix or fuzzy matching. Ids keep the saved index small and cannot
 * be split apart the way a term holding a space or punctuation could.
 */
export const MINISEARCH_OPTIONS: Options<IndexedChunk> = {
  fields: ['terms'],
  tokenize: (text) => (text ? text.split(' ') : []),
  processTerm: (term) => term,
  searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
};

/** A MiniSearch index saved as `JSON.stringify(index)`. Throws when the JSON is not one. */
export function loadMiniSearch(json: string): MiniSearch<IndexedChunk> {
  return MiniSearch.loadJSON<IndexedChunk>(json, MINISEARCH_OPTIONS);
}

/**
 * Retrieval over sentence chunks with MiniSearch: one document per sentence,
 * one field holding its terms and, where they differ, their stems, scored by
 * MiniSearch's BM25+. A paragraph whose question words are spread over two
 * sentences is still found: the ranker gets every sentence of a retrieved
 * sentence's paragraph.
 */
export class SearchIndex {
  private readonly options: Required<IndexOptions>;

  constructor(
    readonly search: MiniSearch<IndexedChunk>,
    private readonly store: ChunkStore,
    private readonly stats: CorpusStats,
    options: IndexOptions = {},
  ) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
  }

  /** Indexes every chunk of the store. */
  static build(store: ChunkStore, stats: CorpusStats, options: IndexOptions = {}): SearchIndex {
    const search = new MiniSearch<IndexedChunk>(MINISEARCH_OPTIONS);
    const { tokenTerm, tokenStem, chunkTokens } = store.columns;
    const ids: string[] = [];
    for (let id = 0; id < store.size; id++) {
      ids.length = 0;
      for (let t = chunkTokens[id] as number; t < (chunkTokens[id + 1] as number); t++) {
        const term = tokenTerm[t] as number;
        if (term === 0) continue;
        ids.push(term.toString(36));
        const stem = tokenStem[t] as number;
        if (stem !== 0) ids.push(stem.toString(36));
      }
      search.add({ id, terms: ids.join(' ') });
    }
    return new SearchIndex(search, store, stats, options);
  }

  /**
   * Chunk ids that share words with the query tokens: the best `candidates` by
   * MiniSearch's score (of document number `document` only, when given), then
   * the other sentences of their paragraphs.
   */
  candidates(query: readonly Token[], document?: number): number[] {
    const content = query.filter((t) => t.term);
    const words = [...new Set(content.map((t) => t.term).concat(content.map(looseForm)))];
    const postings = (word: string): number => this.stats.count(word) + this.stats.looseCount(word);
    const present = words.map((word) => ({ word, postings: postings(word) })).filter((w) => w.postings > 0);
    present.sort((a, b) => a.postings - b.postings);
    const lookedUp: string[] = [];
    let work = 0;
    for (const { word, postings: cost } of present) {
      if (lookedUp.length > 0 && work + cost > this.options.postingBudget) break;
      lookedUp.push(this.store.lexicon.find(word).toString(36));
      work += cost;
    }
    if (lookedUp.length === 0) return [];
    const { chunkDocument } = this.store.columns;
    const filter = document === undefined ? undefined : (result: { id: number }): boolean => chunkDocument[result.id] === document;
    const results = this.search.search(lookedUp.join(' '), filter ? { filter } : {});
    const out = new Set<number>();
    for (let i = 0; i < results.length && i < this.options.candidates; i++) {
      const [first, end] = this.store.paragraphOf((results[i] as { id: number }).id);
      for (let sibling = first; sibling < end; sibling++) out.add(sibling);
    }
    return [...out];
  }
}
