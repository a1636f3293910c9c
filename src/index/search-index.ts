import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { ChunkColumns, ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
import { looseForm, type CorpusStats } from './stats.js';

/** How retrieval picks the sentences the ranker looks at. */
export interface IndexOptions {
  /**
   * How many sentences retrieval hands to the ranker, before adding the other
   * sentences of their paragraphs. Default `15`: on the training articles the
   * candidates then hold the answer for 97% of answerable questions (40: 99%,
   * at twice the candidates to score; see `npm run train`).
   */
  candidates?: number;
  /**
   * Most postings (sentences per looked-up word, added up) one question may make
   * retrieval walk. The question's rarest words are looked up first; common words
   * past the budget are left out of retrieval but still count in ranking, so a
   * question of mostly common words stays fast on a large corpus. The rarest word
   * is always looked up. Default `2000`.
   */
  postingBudget?: number;
}

export const DEFAULT_INDEX_OPTIONS: Required<IndexOptions> = {
  candidates: 15,
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

/** Calls `visit` with the lexicon ids indexed for chunk `id`, in order: each token's term and, where it has one, its stem. */
function visitIndexedTerms(columns: ChunkColumns, id: number, visit: (term: number) => void): void {
  const { tokenTerm, tokenStem, chunkTokens } = columns;
  for (let t = chunkTokens[id] as number; t < (chunkTokens[id + 1] as number); t++) {
    const term = tokenTerm[t] as number;
    if (term === 0) continue;
    visit(term);
    const stem = tokenStem[t] as number;
    if (stem !== 0) visit(stem);
  }
}

/**
 * The MiniSearch index of these columns: a document per chunk (short id =
 * chunk id) whose one field holds the lexicon ids (base 36) of its tokens'
 * terms and stems. The same index as `add`ing each chunk with those ids
 * separated by spaces, made without the strings or `add`'s work: the postings
 * are counted into typed arrays (8 bytes each, about 20 MB at a million words),
 * and MiniSearch's term index reads a term's postings from them when a query
 * asks for it (`PostingTree`); the rest is MiniSearch's own loader (`loadJS`,
 * what `loadJSON` calls after parsing). No JSON text or parse tree, and no map
 * per term: the snapshot saves only the columns. At a million words of
 * documentation `loadJSON` took 0.85 to 1.1 s of CPU and 260 MB more RSS, and
 * its maps held about 100 MB for good.
 *
 * It mirrors MiniSearch 7's `add` (`serializationVersion` 2): a field's length
 * is its number of distinct terms, and the average is updated after each
 * document as `add` does (same arithmetic, so the same float); each term lists
 * its chunks in ascending order with how often it occurs in each. The test
 * checks this, and every search's results, against an index built with `add`.
 */
export function miniSearchOf(columns: ChunkColumns): MiniSearch<IndexedChunk> {
  const chunks = columns.chunkDocument.length;
  let vocabulary = 1;
  for (const column of [columns.tokenTerm, columns.tokenStem]) for (const id of column) if (id >= vocabulary) vocabulary = id + 1;

  // Postings by term (compressed rows): the chunks of term `i` are `chunk[start[i]]` to `chunk[start[i + 1] - 1]`.
  const start = new Uint32Array(vocabulary + 1);
  const seenIn = new Int32Array(vocabulary).fill(-1);
  const distinct = new Uint32Array(chunks);
  for (let id = 0; id < chunks; id++) {
    visitIndexedTerms(columns, id, (term) => {
      if (seenIn[term] === id) return;
      seenIn[term] = id;
      start[term + 1] = (start[term + 1] as number) + 1;
      distinct[id] = (distinct[id] as number) + 1;
    });
  }
  for (let i = 0; i < vocabulary; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const chunk = new Uint32Array(start[vocabulary] as number);
  const frequency = new Uint32Array(start[vocabulary] as number);
  const next = start.slice(0, vocabulary);
  seenIn.fill(-1);
  for (let id = 0; id < chunks; id++) {
    visitIndexedTerms(columns, id, (term) => {
      if (seenIn[term] === id) {
        const last = (next[term] as number) - 1;
        frequency[last] = (frequency[last] as number) + 1;
        return;
      }
      seenIn[term] = id;
      const at = next[term] as number;
      chunk[at] = id;
      frequency[at] = 1;
      next[term] = at + 1;
    });
  }

  let average = 0;
  const fieldLength: number[][] = [];
  for (let id = 0; id < chunks; id++) {
    const length = distinct[id] as number;
    average = (average * id + length) / (id + 1);
    fieldLength.push([length]);
  }
  // `loadJS` reads every id-keyed table with `Object.keys`, so arrays serve (their keys are the ids, in order).
  const plain = {
    documentCount: chunks,
    nextId: chunks,
    documentIds: Array.from({ length: chunks }, (_, id) => id),
    fieldIds: { terms: 0 }, // MINISEARCH_OPTIONS.fields
    fieldLength,
    averageFieldLength: chunks > 0 ? [average] : [],
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  };
  // `loadJS` is public in MiniSearch's code but not in its typings.
  const search = (MiniSearch as unknown as { loadJS(js: unknown, options: Options<IndexedChunk>): MiniSearch<IndexedChunk> }).loadJS(plain, MINISEARCH_OPTIONS);
  (search as unknown as { _index: PostingTree })._index = new PostingTree(start, chunk, frequency);
  return search;
}

function readOnly(method: string): never {
  throw new Error(`newsbot: the search index answers exact look-ups only, not ${method}`);
}

/** What MiniSearch's radix tree holds for a term: field id -> short document id -> how often the term occurs there. */
type TermData = Map<number, Map<number, number>>;

/**
 * MiniSearch's term index (its `SearchableMap`), answering each look-up from
 * the posting arrays: a term's maps are made when a query asks for it, never
 * kept. MiniSearch still does all of retrieval and scoring; only its store of
 * postings is ours, 8 bytes a posting where its maps of maps took about 100 MB
 * at a million words of documentation and half a second to make at every start.
 *
 * Exact look-ups are all newsbot's queries make (`MINISEARCH_OPTIONS`: no
 * prefix, no fuzzy), and its index is never added to or serialized: the other
 * methods, which would see no terms, throw rather than answer wrongly.
 */
class PostingTree extends SearchableMap<TermData> {
  constructor(
    private readonly start: Uint32Array,
    private readonly chunk: Uint32Array,
    private readonly frequency: Uint32Array,
  ) {
    super();
  }

  override get(term: string): TermData | undefined {
    // Terms are lexicon ids in base 36: anything else (`01`, `a.b`) names no term.
    const id = parseInt(term, 36);
    if (!(id > 0 && id < this.start.length - 1) || id.toString(36) !== term) return undefined;
    const from = this.start[id] as number;
    const to = this.start[id + 1] as number;
    if (from === to) return undefined;
    const postings = new Map<number, number>();
    for (let p = from; p < to; p++) postings.set(this.chunk[p] as number, this.frequency[p] as number);
    return new Map([[0, postings]]);
  }

  override has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  // What would need every term (listing, prefix and fuzzy matching) or change the index: newsbot never asks for them.
  override atPrefix(): never {
    return readOnly('atPrefix');
  }

  override fuzzyGet(): never {
    return readOnly('fuzzyGet');
  }

  override set(): never {
    return readOnly('set');
  }

  override delete(): never {
    return readOnly('delete');
  }

  override entries(): never {
    return readOnly('entries');
  }

  override keys(): never {
    return readOnly('keys');
  }

  override values(): never {
    return readOnly('values');
  }

  override fetch(): never {
    return readOnly('fetch');
  }

  override update(): never {
    return readOnly('update');
  }

  override clear(): never {
    return readOnly('clear');
  }

  override get size(): number {
    let terms = 0;
    for (let id = 1; id < this.start.length - 1; id++) if (this.start[id + 1] !== this.start[id]) terms++;
    return terms;
  }
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

  /** Indexes every chunk of the store (see `miniSearchOf`). */
  static build(store: ChunkStore, stats: CorpusStats, options: IndexOptions = {}): SearchIndex {
    return new SearchIndex(miniSearchOf(store.columns), store, stats, options);
  }

  /**
   * The sentences that share words with the query tokens: the paragraphs of the
   * best `candidates` by MiniSearch's score (of document number `document` only,
   * when given), each sentence with its score (0 when it shares no word).
   */
  candidates(query: readonly Token[], document?: number): Retrieved[] {
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
    // Every sentence that matched keeps its score, the paragraph siblings of the best ones included.
    const scores = new Map<number, number>();
    for (const result of results) scores.set(result.id as number, result.score);
    const out: Retrieved[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < results.length && i < this.options.candidates; i++) {
      const [first, end] = this.store.paragraphOf((results[i] as { id: number }).id);
      for (let sibling = first; sibling < end; sibling++) {
        if (taken.has(sibling)) continue;
        taken.add(sibling);
        out.push({ id: sibling, score: scores.get(sibling) ?? 0 });
      }
    }
    return out;
  }
}

/** A retrieved sentence: its chunk id and MiniSearch's BM25+ score (0 when it shares no word with the query). */
export interface Retrieved {
  id: number;
  score: number;
}
