import type { Chunk } from '../chunk/chunk.js';
import type { Token } from '../chunk/token.js';
import { looseForm, type CorpusStats, type Match, type WordIds } from '../index/stats.js';

/** How much a loose (stemmed) match counts against an exact one. */
const LOOSE_MATCH = 0.4;

/** A question word with its weight: rare words in the article weigh more. */
export interface WeightedTerm {
  token: Token;
  weight: number;
  /** Whether the article uses the word at all. */
  known: boolean;
}

/** Weighs the distinct content words of a question by their rarity in the article. */
export function weighTerms(content: readonly Token[], stats: CorpusStats): WeightedTerm[] {
  const seen = new Set<string>();
  const out: WeightedTerm[] = [];
  for (const asked of content) {
    const token = spellChecked(asked, stats);
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    const known = isKnown(token, stats);
    // Names carry the topic of a question: `Norsat`, `Stanley Cup`.
    const weight = stats.idf(token) * (token.pos === 'PROPN' ? 1.5 : token.pos === 'NUM' ? 1.3 : 1);
    out.push({ token, weight, known });
  }
  return out;
}

function isKnown(token: Token, stats: CorpusStats): boolean {
  return stats.count(token.term) > 0 || stats.count(token.word) > 0 || stats.looseCount(looseForm(token)) > 0;
}

/** The token with its term replaced by the article's spelling when the question misspells a word the article uses. */
function spellChecked(token: Token, stats: CorpusStats): Token {
  if (isKnown(token, stats)) return token;
  const corrected = stats.closest(token.term);
  return corrected === undefined ? token : { ...token, term: corrected, word: corrected, stem: '' };
}

/** How much a match counts: 1 exact, less for a stem match, 0 none. */
function strength(match: Match | undefined): number {
  return match === 'exact' ? 1 : match === 'loose' ? LOOSE_MATCH : 0;
}

/** How much of the question a sentence and its paragraph cover, as shares of the question's weight. */
export interface Coverage {
  sentence: number;
  paragraph: number;
}

/** The question words as lexicon ids, looked up once per question for `CorpusStats.matches`. */
export function termIds(terms: readonly WeightedTerm[], stats: CorpusStats): WordIds[] {
  return terms.map((t) => stats.wordIds(t.token));
}

/** Coverage of a sentence and of its paragraph, from how each matches the question words (the paragraph holds the sentence, so it matches at least as well). */
export function coverage(terms: readonly WeightedTerm[], own: readonly Match[], around: readonly Match[]): Coverage {
  let total = 0;
  let sentence = 0;
  let whole = 0;
  for (let i = 0; i < terms.length; i++) {
    const weight = (terms[i] as WeightedTerm).weight;
    total += weight;
    sentence += weight * strength(own[i]);
    whole += weight * strength(around[i]);
  }
  return total === 0 ? { sentence: 0, paragraph: 0 } : { sentence: sentence / total, paragraph: whole / total };
}

/** Indexes of a chunk's tokens that match a question word. */
export function matchedTokens(chunk: Chunk, terms: readonly WeightedTerm[]): number[] {
  const exact = new Set(terms.flatMap((t) => [t.token.term, t.token.word]));
  const loose = new Set(terms.map((t) => looseForm(t.token)));
  const out: number[] = [];
  chunk.tokens.forEach((token, i) => {
    if (token.term && (exact.has(token.term) || exact.has(token.word) || loose.has(looseForm(token)))) out.push(i);
  });
  return out;
}
