import type { SourceDocument } from '../types.js';
import { analyze } from './analyze.js';
import { Column } from './column.js';
import { Lexicon } from './lexicon.js';
import type { ChunkColumns } from './store.js';
import type { Pos } from './token.js';

/** Part-of-speech tags by their code in the `tokenPos` column. */
export const POS_TAGS: readonly Pos[] = ['X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE'];
const POS_CODES = new Map(POS_TAGS.map((tag, code) => [tag, code]));

/** Chunk columns with the words their lexicon ids stand for: what a worker thread sends back. */
export interface ChunkParts {
  columns: ChunkColumns;
  lexicon: readonly string[];
}

/**
 * Fills the chunk columns of a corpus one document at a time. Documents may
 * come in any order (a worker thread takes them from the end); `append` then
 * puts another builder's parts in document order, so a corpus chunked in
 * pieces gets the columns and lexicon, id for id, that chunking it in one go gives.
 */
export class ChunkBuilder {
  private readonly lexicon = new Lexicon();
  private readonly c;

  /** `chars`: about how many characters of paragraphs will be added; the columns are sized for them. */
  constructor(chars: number) {
    // English runs about five characters a token and well over eighty a sentence: room enough, rarely grown.
    const chunks = chars / 80;
    const tokens = chars / 4;
    this.c = {
      document: new Column(Uint32Array, chunks), paragraph: new Column(Uint32Array, chunks), start: new Column(Uint32Array, chunks),
      end: new Column(Uint32Array, chunks), tokens: new Column(Uint32Array, chunks + 1), tokenStart: new Column(Uint32Array, tokens),
      tokenEnd: new Column(Uint32Array, tokens), pos: new Column(Uint8Array, tokens), term: new Column(Uint32Array, tokens),
      word: new Column(Uint32Array, tokens), stem: new Column(Uint32Array, tokens), entity: new Column(Uint32Array, tokens),
    };
  }

  /** Cuts every paragraph of `document`, number `index` in the corpus, into sentences and tokens. */
  add(document: SourceDocument, index: number): void {
    const { c, lexicon } = this;
    document.paragraphs.forEach((paragraph, p) => {
      for (const sentence of analyze(paragraph)) {
        c.document.push(index);
        c.paragraph.push(p + 1);
        c.start.push(sentence.start);
        c.end.push(sentence.end);
        c.tokens.push(c.tokenStart.length);
        for (const token of sentence.tokens) {
          c.tokenStart.push(token.start);
          c.tokenEnd.push(token.end);
          c.pos.push(POS_CODES.get(token.pos) ?? 0);
          // Most words are their own term, and most have no stem of their own: no look-up for those.
          const term = token.term === '' ? 0 : lexicon.id(token.term);
          c.term.push(term);
          c.word.push(token.word === token.term ? term : lexicon.id(token.word));
          c.stem.push(token.stem === '' ? 0 : lexicon.id(token.stem));
          c.entity.push(token.entity === undefined ? 0 : lexicon.id(token.entity));
        }
      }
    });
  }

  /**
   * Appends the chunks of `parts`, document by document in ascending order,
   * with their words moved into this lexicon in the order chunking them here
   * would have added them. Every one of their documents must come after those added here.
   */
  append(parts: ChunkParts): void {
    const { c, lexicon } = this;
    const from = parts.columns;
    // Their lexicon ids to ours, looked up on first use so that new words get ids in reading order.
    const ids = new Int32Array(parts.lexicon.length).fill(-1);
    ids[0] = 0;
    const ours = (id: number): number => {
      let mine = ids[id] as number;
      if (mine < 0) ids[id] = mine = lexicon.id(parts.lexicon[id] as string);
      return mine;
    };
    for (const [first, end] of documentRuns(from.chunkDocument)) {
      for (let chunk = first; chunk < end; chunk++) {
        c.document.push(from.chunkDocument[chunk] as number);
        c.paragraph.push(from.chunkParagraph[chunk] as number);
        c.start.push(from.chunkStart[chunk] as number);
        c.end.push(from.chunkEnd[chunk] as number);
        c.tokens.push(c.tokenStart.length);
        for (let t = from.chunkTokens[chunk] as number; t < (from.chunkTokens[chunk + 1] as number); t++) {
          c.tokenStart.push(from.tokenStart[t] as number);
          c.tokenEnd.push(from.tokenEnd[t] as number);
          c.pos.push(from.tokenPos[t] as number);
          c.term.push(ours(from.tokenTerm[t] as number));
          c.word.push(ours(from.tokenWord[t] as number));
          c.stem.push(ours(from.tokenStem[t] as number));
          c.entity.push(ours(from.tokenEntity[t] as number));
        }
      }
    }
  }

  /** The columns and the lexicon their ids refer to; the builder is spent. */
  finish(): { columns: ChunkColumns; lexicon: Lexicon } {
    const { c } = this;
    c.tokens.push(c.tokenStart.length);
    const columns: ChunkColumns = {
      chunkDocument: c.document.done(), chunkParagraph: c.paragraph.done(), chunkStart: c.start.done(), chunkEnd: c.end.done(),
      chunkTokens: c.tokens.done(), tokenStart: c.tokenStart.done(), tokenEnd: c.tokenEnd.done(), tokenPos: c.pos.done(),
      tokenTerm: c.term.done(), tokenWord: c.word.done(), tokenStem: c.stem.done(), tokenEntity: c.entity.done(),
    };
    return { columns, lexicon: this.lexicon };
  }
}

/** The chunk ranges `[first, end)` of each document in a document column, in ascending document order. */
function documentRuns(chunkDocument: Uint32Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let first = 0; first < chunkDocument.length; ) {
    let end = first + 1;
    while (end < chunkDocument.length && chunkDocument[end] === chunkDocument[first]) end++;
    runs.push([first, end]);
    first = end;
  }
  return runs.sort((a, b) => (chunkDocument[a[0]] as number) - (chunkDocument[b[0]] as number));
}
