/** Coarse part of speech, from wink-nlp's Universal Dependencies tags. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** A token as the engine sees it: plain data with offsets into the text it came from. */
export interface Token {
  /** The token's text, verbatim (`text === source.slice(start, end)`). */
  text: string;
  start: number;
  end: number;
  pos: Pos;
  /**
   * The search term: lower-case lemma (`bought` -> `buy`), numbers and tickers
   * whole (`2017`, `nii.to`); `''` for stop words, question words and punctuation.
   */
  term: string;
  /** The surface word, folded (lower case, no accents); `''` when `term` is. Matches where wink-nlp's tagger lemmatizes the same word two ways. */
  word: string;
  /** A second, stemmed form (`normans` -> `norman`) used as a weaker match; `''` when the same as `term`. */
  stem: string;
  /** wink-nlp entity type covering the token (`DATE`, `CARDINAL`, `MONEY`, ...), if any. */
  entity?: string;
}

/** A sentence with its tokens; offsets are into the paragraph. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}
