import type { SourceDocument } from '../types.js';
import { ChunkBuilder, POS_TAGS } from './builder.js';
import type { Chunk } from './chunk.js';
import type { Lexicon } from './lexicon.js';
import { isNegated } from './negation.js';
import type { Token } from './token.js';

/**
 * The sentence chunks and tokens of a corpus as columns of numbers: one entry
 * per chunk (its document, paragraph, offsets and first token) and per token
 * (offsets, part of speech, and lexicon ids of its term, word, stem and entity
 * type). At a million words this takes tens of megabytes where token objects
 * took hundreds; `chunk(id)` rebuilds the objects of the few sentences a
 * question needs.
 */
export interface ChunkColumns {
  chunkDocument: Uint32Array;
  /** Paragraph number, from 1. */
  chunkParagraph: Uint32Array;
  chunkStart: Uint32Array;
  chunkEnd: Uint32Array;
  /** Chunk `i`'s tokens are `chunkTokens[i]` to `chunkTokens[i + 1]` (one entry more than chunks). */
  chunkTokens: Uint32Array;
  tokenStart: Uint32Array;
  tokenEnd: Uint32Array;
  tokenPos: Uint8Array;
  tokenTerm: Uint32Array;
  tokenWord: Uint32Array;
  tokenStem: Uint32Array;
  /** Lexicon id of the wink-nlp entity type; 0 when the token is in no entity. */
  tokenEntity: Uint32Array;
}

/**
 * Corpora of at most this many chunks keep every chunk object once a question
 * has needed it: rebuilding the tokens of the few dozen sentences a question
 * ranks is most of what it allocates. Larger corpora rebuild them each time:
 * short-lived objects cost little, while a bounded cache that keeps evicting
 * filled the old generation with garbage (+60 MB RSS at a million words).
 */
const CACHED_CORPUS_CHUNKS = 4096;

/** The chunks of a corpus, in reading order, so a paragraph's chunks are consecutive. */
export class ChunkStore {
  readonly size: number;
  /** Chunk objects by id, for a small corpus. They are shared: nothing may change them. */
  private readonly cache: Array<Chunk | undefined> | undefined;

  constructor(
    readonly documents: readonly SourceDocument[],
    readonly columns: ChunkColumns,
    readonly lexicon: Lexicon,
  ) {
    this.size = columns.chunkDocument.length;
    this.cache = this.size <= CACHED_CORPUS_CHUNKS ? new Array<Chunk | undefined>(this.size) : undefined;
  }

  /** Cuts every paragraph of every document into sentences and tokens, in this thread; `onDocument(index)` after each document. */
  static build(documents: readonly SourceDocument[], onDocument?: (index: number) => void): ChunkStore {
    const builder = new ChunkBuilder(paragraphChars(documents));
    documents.forEach((document, d) => {
      builder.add(document, d);
      onDocument?.(d);
    });
    const { columns, lexicon } = builder.finish();
    return new ChunkStore(documents, columns, lexicon);
  }

  /** Chunk `id` with its text and token objects, or `undefined` when there is no such chunk. */
  chunk(id: number): Chunk | undefined {
    if (!(Number.isInteger(id) && id >= 0 && id < this.size)) return undefined;
    if (!this.cache) return this.materialize(id);
    return (this.cache[id] ??= this.materialize(id));
  }

  private materialize(id: number): Chunk {
    const c = this.columns;
    const document = c.chunkDocument[id] as number;
    const paragraph = c.chunkParagraph[id] as number;
    const text = this.documents[document]?.paragraphs[paragraph - 1] ?? '';
    const start = c.chunkStart[id] as number;
    const end = c.chunkEnd[id] as number;
    const tokens: Token[] = [];
    for (let t = c.chunkTokens[id] as number; t < (c.chunkTokens[id + 1] as number); t++) {
      const tokenStart = c.tokenStart[t] as number;
      const tokenEnd = c.tokenEnd[t] as number;
      const token: Token = {
        text: text.slice(tokenStart, tokenEnd),
        start: tokenStart,
        end: tokenEnd,
        pos: POS_TAGS[c.tokenPos[t] as number] ?? 'X',
        term: this.lexicon.word(c.tokenTerm[t] as number),
        word: this.lexicon.word(c.tokenWord[t] as number),
        stem: this.lexicon.word(c.tokenStem[t] as number),
      };
      const entity = c.tokenEntity[t] as number;
      if (entity !== 0) token.entity = this.lexicon.word(entity);
      tokens.push(token);
    }
    return { id, document, paragraph, start, end, text: text.slice(start, end), tokens };
  }

  /** Every chunk in reading order, built one at a time as the caller goes. */
  *all(): Generator<Chunk> {
    for (let id = 0; id < this.size; id++) yield this.chunk(id) as Chunk;
  }

  /** The first chunk of document `document` (its index), or `undefined` when it has none. */
  firstOf(document: number): number | undefined {
    const low = this.firstFrom(document);
    return low < this.size && this.columns.chunkDocument[low] === document ? low : undefined;
  }

  /** How many chunks (sentences) document `document` has, or all documents together when it is `undefined`: asked once a question. */
  sentencesOf(document?: number): number {
    return document === undefined ? this.size : this.firstFrom(document + 1) - this.firstFrom(document);
  }

  /** The index of the first chunk of document `document` or a later one (`size` when none): a binary search, chunks being in reading order. */
  private firstFrom(document: number): number {
    const { chunkDocument } = this.columns;
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((chunkDocument[middle] as number) < document) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The chunks of chunk `id`'s paragraph, as the range `[first, end)`. */
  paragraphOf(id: number): [number, number] {
    const { chunkDocument, chunkParagraph } = this.columns;
    const document = chunkDocument[id];
    const paragraph = chunkParagraph[id];
    let first = id;
    let end = id + 1;
    while (first > 0 && chunkDocument[first - 1] === document && chunkParagraph[first - 1] === paragraph) first--;
    while (end < this.size && chunkDocument[end] === document && chunkParagraph[end] === paragraph) end++;
    return [first, end];
  }

  /** Whether token `t` (a position in the token columns) is negated (see `isNegated`). */
  negated(t: number): boolean {
    const starts = this.columns.chunkTokens;
    // The chunk holding token `t`: the last one starting at or before it.
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= t) low = middle;
      else high = middle - 1;
    }
    return isNegated((this.chunk(low) as Chunk).tokens, t - (starts[low] as number));
  }

  /** Tokens of the chunks `[first, end)`, as the range of token positions `[from, to)`. */
  tokensOf(first: number, end: number): [number, number] {
    return [this.columns.chunkTokens[first] as number, this.columns.chunkTokens[end] as number];
  }
}

/** Characters in the paragraphs of `documents`. */
export function paragraphChars(documents: readonly SourceDocument[]): number {
  return documents.reduce((sum, d) => sum + d.paragraphs.reduce((n, p) => n + p.length, 0), 0);
}
