import type { Token } from './token.js';

/** One sentence of the corpus: the unit that is indexed, ranked and quoted. */
export interface Chunk {
  /** Position in the corpus's chunk list. */
  id: number;
  /** Index of its document in the corpus's document list. */
  document: number;
  /** Paragraph number, from 1. */
  paragraph: number;
  /** Offsets of the sentence in its paragraph. */
  start: number;
  end: number;
  text: string;
  /** Tokens with offsets into the paragraph. */
  tokens: Token[];
}
