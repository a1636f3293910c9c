import type { ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
import { Column } from '../chunk/column.js';

/** The loose form of a token: its stem when it has one, else its term (`normans`, `norman` -> `norman`). */
export function looseForm(token: Pick<Token, 'term' | 'stem'>): string {
  return token.stem || token.term;
}

/** A question word as lexicon ids, to match against token columns; -1 for a form the corpus never uses. */
export interface WordIds {
  term: number;
  word: number;
  loose: number;
  /** Terms related in meaning (synonyms), matched as `related`. */
  related: readonly number[];
  /** Terms of opposite meaning, matched as `related` where negated (`does not encompass` for `leave out`). */
  opposite: readonly number[];
}

/** How a run of tokens matches a question word: not at all, by a related word only, by loose (stemmed) form only, or exactly (term or surface word). */
export type Match = 'none' | 'related' | 'loose' | 'exact';

/** Most spelling corrections remembered; questions are unbounded, the memory is not. */
const MAX_CORRECTIONS = 10_000;

/**
 * Corpus statistics the ranker needs: sentence-level document frequencies
 * (for IDF), the corpus vocabulary (to tell which question words the article
 * never uses, and to correct misspelled ones) and term matching over the
 * token columns of a sentence or paragraph.
 */
export class CorpusStats {
  readonly size: number;
  /** Per lexicon id: sentences whose terms or surface words include it. */
  private readonly frequency: Uint32Array;
  /** Per lexicon id: sentences whose loose forms include it. */
  private readonly looseFrequency: Uint32Array;
  /** Terms and words in the order they first occur: the order spelling correction breaks ties in. */
  private readonly vocabulary: Uint32Array;
  private readonly corrections = new Map<string, string | undefined>();

  constructor(private readonly store: ChunkStore) {
    const { tokenTerm, tokenWord, tokenStem, chunkTokens } = store.columns;
    const words = store.lexicon.size;
    this.size = store.size;
    this.frequency = new Uint32Array(words);
    this.looseFrequency = new Uint32Array(words);
    // The last chunk that counted a word, so a word counts once per sentence.
    const counted = new Int32Array(words).fill(-1);
    const countedLoose = new Int32Array(words).fill(-1);
    const vocabulary = new Column(Uint32Array);
    const count = (id: number, chunk: number): void => {
      if (counted[id] === chunk) return;
      counted[id] = chunk;
      if (this.frequency[id] === 0) vocabulary.push(id);
      this.frequency[id] = (this.frequency[id] as number) + 1;
    };
    for (let chunk = 0; chunk < store.size; chunk++) {
      for (let t = chunkTokens[chunk] as number; t < (chunkTokens[chunk + 1] as number); t++) {
        const term = tokenTerm[t] as number;
        if (term === 0) continue;
        count(term, chunk);
        count(tokenWord[t] as number, chunk);
        const loose = (tokenStem[t] as number) || term;
        if (countedLoose[loose] !== chunk) {
          countedLoose[loose] = chunk;
          this.looseFrequency[loose] = (this.looseFrequency[loose] as number) + 1;
        }
      }
    }
    this.vocabulary = vocabulary.done();
  }

  /** Sentences containing the term exactly. */
  count(term: string): number {
    const id = this.store.lexicon.find(term);
    return id > 0 ? (this.frequency[id] as number) : 0;
  }

  /** Sentences containing the loose form. */
  looseCount(loose: string): number {
    const id = this.store.lexicon.find(loose);
    return id > 0 ? (this.looseFrequency[id] as number) : 0;
  }

  /**
   * The article's word closest in spelling to an unknown one, for misspelled
   * questions (`Primeier Leage` -> `premier league`): one edit for words of 4 to
   * 7 letters, two for longer ones; none for shorter words or numbers.
   */
  closest(term: string): string | undefined {
    if (this.corrections.has(term)) return this.corrections.get(term);
    let found = -1;
    let best = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    if (best > 0 && !/\d/.test(term)) {
      const byLength = this.vocabularyByLength();
      const letters = letterMask(term);
      // An edit changes the length by one at most, so only words of nearby lengths can be close enough.
      for (let length = term.length - best; length <= term.length + best; length++) {
        const words = byLength.get(length);
        if (!words) continue;
        for (let i = 0; i < words.positions.length; i++) {
          if (Math.abs(length - term.length) > best) break;
          // An edit adds or removes at most two letters from the set a word uses: most words fail this test, which is
          // much cheaper than the distance (a tenth of the time for a misspelled word at a million words).
          if (popCount(letters ^ (words.masks[i] as number)) > 2 * best) continue;
          const position = words.positions[i] as number;
          const distance = editDistance(term, this.store.lexicon.word(this.vocabulary[position] as number), best + 1);
          if (distance > best) continue;
          // Closer wins; at the same distance, the more frequent word; then the one the corpus uses first.
          if (found === -1 || distance < best || this.order(position, found) < 0) {
            found = position;
            best = distance;
          }
        }
      }
    }
    const correction = found === -1 ? undefined : this.store.lexicon.word(this.vocabulary[found] as number);
    if (this.corrections.size >= MAX_CORRECTIONS) this.corrections.clear();
    this.corrections.set(term, correction);
    return correction;
  }

  /** Spelling-correction preference between two vocabulary positions at the same distance: more frequent first, then first used. */
  private order(a: number, b: number): number {
    const frequency = this.frequency;
    return (frequency[this.vocabulary[b] as number] as number) - (frequency[this.vocabulary[a] as number] as number) || a - b;
  }

  private byLength: Map<number, { positions: number[]; masks: number[] }> | undefined;

  /** Vocabulary positions by word length, with each word's `letterMask`, built on the first misspelling. */
  private vocabularyByLength(): Map<number, { positions: number[]; masks: number[] }> {
    if (this.byLength) return this.byLength;
    const byLength = new Map<number, { positions: number[]; masks: number[] }>();
    this.vocabulary.forEach((id, position) => {
      const word = this.store.lexicon.word(id);
      let words = byLength.get(word.length);
      if (!words) byLength.set(word.length, (words = { positions: [], masks: [] }));
      words.positions.push(position);
      words.masks.push(letterMask(word));
    });
    this.byLength = byLength;
    return byLength;
  }

  /** BM25-style inverse document frequency over sentences; rare words weigh more. */
  idf(token: Pick<Token, 'term' | 'stem'>): number {
    const n = Math.max(this.count(token.term), this.looseCount(looseForm(token)));
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** A question word's forms, and the terms related to it (`related`, `opposite`), as lexicon ids. */
  wordIds(token: Pick<Token, 'term' | 'word' | 'stem'>, related: readonly string[] = [], opposite: readonly string[] = []): WordIds {
    const { lexicon } = this.store;
    const ids = (terms: readonly string[]): number[] => terms.map((term) => lexicon.find(term)).filter((id) => id > 0);
    return { term: lexicon.find(token.term), word: lexicon.find(token.word), loose: lexicon.find(looseForm(token)), related: ids(related), opposite: ids(opposite) };
  }

  /** How the chunks `[first, end)` match each question word, read straight from the token columns. */
  matches(words: readonly WordIds[], first: number, end: number): Match[] {
    const { tokenTerm, tokenWord, tokenStem } = this.store.columns;
    const [from, to] = this.store.tokensOf(first, end);
    const out = words.map((): Match => 'none');
    for (let t = from; t < to; t++) {
      const term = tokenTerm[t] as number;
      if (term === 0) continue;
      const word = tokenWord[t] as number;
      const loose = (tokenStem[t] as number) || term;
      for (let i = 0; i < words.length; i++) {
        if (out[i] === 'exact') continue;
        const asked = words[i] as WordIds;
        if (term === asked.term || term === asked.word || word === asked.term || word === asked.word) out[i] = 'exact';
        else if (loose === asked.loose) out[i] = 'loose';
        else if (out[i] === 'none' && (asked.related.includes(term) || (asked.opposite.includes(term) && this.store.negated(t)))) out[i] = 'related';
      }
    }
    return out;
  }
}

/**
 * The characters a word uses, as bits (`a` to `z` each their own; other
 * characters share bits, which only lets more words through to the distance).
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function popCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Three rows of the edit-distance table, reused across calls: spelling correction runs it over much of the vocabulary. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein distance (adjacent swaps count once), or `limit` as soon as it is reached. */
export function editDistance(a: string, b: string, limit: number): number {
  const n = b.length;
  if ((rows[0] as Int32Array).length <= n) rows = rows.map(() => new Int32Array(2 * (n + 1)));
  let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    current[0] = i;
    let smallest = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      current[j] = value;
      if (value < smallest) smallest = value;
    }
    if (smallest >= limit) return limit;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[n] as number;
}
