import type { ChunkStore } from '../chunk/store.js';

/** BM25+ parameters, MiniSearch's defaults: term frequency saturation, length normalization, and a floor for any match. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** The arrays of a `Postings`, as saved in a snapshot. */
export interface PostingColumns {
  /** Term `t`'s postings are entries `termStart[t]` to `termStart[t + 1]` (one entry more than lexicon ids). */
  termStart: Uint32Array;
  /** Chunk ids, ascending within a term. */
  postingChunk: Uint32Array;
  /** How often the term occurs in that chunk. */
  postingCount: Uint16Array;
  /** Distinct terms per chunk: the length BM25 normalizes by. */
  chunkLength: Uint16Array;
}

/**
 * An inverted index over sentence chunks in flat typed arrays: for every
 * lexicon id (a term, or a stem where it differs), the chunks that hold it.
 * It scores exactly as MiniSearch does with one field (BM25+, OR of the query
 * terms, times the number of query terms matched, ties in the order MiniSearch
 * meets them), so retrieval ranks as before, but a million-word corpus takes a
 * few megabytes instead of MiniSearch's hundreds, loads without parsing JSON,
 * and a query touches only the postings of the terms it asks for.
 */
export class Postings {
  private readonly averageLength: number;
  /** Per-query scratch, reused so a query allocates nothing proportional to the corpus. */
  private readonly score: Float64Array;
  private readonly matchedTerms: Uint16Array;
  private readonly firstTerm: Uint16Array;
  private readonly touched: Uint32Array;

  constructor(readonly columns: PostingColumns) {
    const chunks = columns.chunkLength.length;
    // The running mean, computed as MiniSearch does, so scores agree to the last bit.
    let average = 0;
    for (let i = 0; i < chunks; i++) average = (average * i + (columns.chunkLength[i] as number)) / (i + 1);
    this.averageLength = average;
    this.score = new Float64Array(chunks);
    this.matchedTerms = new Uint16Array(chunks);
    this.firstTerm = new Uint16Array(chunks);
    this.touched = new Uint32Array(chunks);
  }

  /** Indexes every chunk's terms and, where they differ, their stems. */
  static build(store: ChunkStore): Postings {
    const chunks = store.size;
    const ids = store.lexicon.size;
    const chunkLength = new Uint16Array(chunks);
    const frequency = new Uint32Array(ids + 1);
    // Pass 1: distinct terms per chunk and chunks per term. `seen` marks a term as met in the current chunk.
    const seen = new Int32Array(ids).fill(-1);
    forEachIndexed(store, (chunk, id) => {
      if (seen[id] === chunk) return;
      seen[id] = chunk;
      chunkLength[chunk] = Math.min(0xffff, (chunkLength[chunk] as number) + 1);
      frequency[id + 1] = (frequency[id + 1] as number) + 1;
    });
    const termStart = new Uint32Array(ids + 1);
    for (let id = 0; id < ids; id++) termStart[id + 1] = (termStart[id] as number) + (frequency[id + 1] as number);
    const total = termStart[ids] as number;
    const postingChunk = new Uint32Array(total);
    const postingCount = new Uint16Array(total);
    // Pass 2: fill. `next` is where a term's next posting goes; `seen` now points at the posting of the current chunk.
    const next = termStart.slice(0, ids);
    const at = new Int32Array(ids).fill(-1);
    seen.fill(-1);
    forEachIndexed(store, (chunk, id) => {
      if (seen[id] !== chunk) {
        seen[id] = chunk;
        const slot = next[id] as number;
        next[id] = slot + 1;
        at[id] = slot;
        postingChunk[slot] = chunk;
      }
      const slot = at[id] as number;
      postingCount[slot] = Math.min(0xffff, (postingCount[slot] as number) + 1);
    });
    return new Postings({ termStart, postingChunk, postingCount, chunkLength });
  }

  /** How many chunks hold lexicon id `id`. */
  frequency(id: number): number {
    return id >= 0 && id + 1 < this.columns.termStart.length ? (this.columns.termStart[id + 1] as number) - (this.columns.termStart[id] as number) : 0;
  }

  /** The best `limit` chunks for the query's lexicon ids (in query order, no repeats), best first; only chunks `accept` takes, if given. */
  search(query: readonly number[], limit: number, accept?: (chunk: number) => boolean): number[] {
    if (limit <= 0) return [];
    const { termStart, postingChunk, postingCount, chunkLength } = this.columns;
    const chunks = chunkLength.length;
    const { score, matchedTerms, firstTerm, touched } = this;
    let count = 0;
    query.forEach((id, q) => {
      const from = termStart[id] as number;
      const to = termStart[id + 1] as number;
      const matching = to - from;
      const idf = Math.log(1 + (chunks - matching + 0.5) / (matching + 0.5));
      for (let p = from; p < to; p++) {
        const chunk = postingChunk[p] as number;
        const tf = postingCount[p] as number;
        const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * (chunkLength[chunk] as number)) / this.averageLength)));
        if (matchedTerms[chunk] === 0) {
          score[chunk] = raw;
          firstTerm[chunk] = q;
          touched[count++] = chunk;
        } else {
          score[chunk] = (score[chunk] as number) + raw;
        }
        matchedTerms[chunk] = (matchedTerms[chunk] as number) + 1;
      }
    });
    const best = new TopChunks(limit, (a, b) => {
      const difference = this.final(b) - this.final(a);
      return difference !== 0 ? difference : (firstTerm[a] as number) - (firstTerm[b] as number) || a - b;
    });
    for (let i = 0; i < count; i++) {
      const chunk = touched[i] as number;
      if (!accept || accept(chunk)) best.offer(chunk);
    }
    const out = best.sorted();
    for (let i = 0; i < count; i++) matchedTerms[touched[i] as number] = 0;
    return out;
  }

  /** MiniSearch's final score: the summed BM25+ scores times the number of query terms matched. */
  private final(chunk: number): number {
    return (this.score[chunk] as number) * (this.matchedTerms[chunk] as number);
  }
}

/** Calls `fn(chunk, id)` for every indexed id of every chunk: each content token's term, and its stem when it has one. */
function forEachIndexed(store: ChunkStore, fn: (chunk: number, id: number) => void): void {
  const { tokenTerm, tokenStem, chunkTokens } = store.columns;
  for (let chunk = 0; chunk < store.size; chunk++) {
    for (let t = chunkTokens[chunk] as number; t < (chunkTokens[chunk + 1] as number); t++) {
      const term = tokenTerm[t] as number;
      if (term === 0) continue;
      fn(chunk, term);
      const stem = tokenStem[t] as number;
      if (stem !== 0) fn(chunk, stem);
    }
  }
}

/** The best `limit` of many items under an order, without sorting them all. */
class TopChunks {
  private readonly items: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}

  offer(item: number): void {
    const items = this.items;
    if (items.length === this.limit && this.compare(item, items[items.length - 1] as number) >= 0) return;
    let i = items.length;
    while (i > 0 && this.compare(item, items[i - 1] as number) < 0) i--;
    items.splice(i, 0, item);
    if (items.length > this.limit) items.pop();
  }

  sorted(): number[] {
    return this.items;
  }
}
