import type { Chunk } from '../chunk/chunk.js';
import { isNegated } from '../chunk/negation.js';
import type { Token } from '../chunk/token.js';
import { looseForm, type CorpusStats, type WordIds } from '../index/stats.js';
import { isEnglishWord } from '../wordnet/related.js';
import { NO_RELATED, oppositeTerms, relatedTerms, type RelatedTerms } from './related.js';

/** A question word with its weight: rare words in the article weigh more. */
export interface WeightedTerm {
  token: Token;
  weight: number;
  /** Whether the article uses the word at all. */
  known: boolean;
  /** For a word the article never uses, the article's words related to it (none otherwise). */
  related: RelatedTerms;
  /**
   * The article's words of opposite meaning (WordNet antonyms of its usual
   * senses), for an adjective, adverb or verb the article uses too: a sentence
   * that says *largest* where the question asks *smallest* is likely not its answer.
   */
  opposites: readonly string[];
}

/** Parts of speech whose WordNet antonyms say the opposite: *largest* / *smallest*, *rise* / *fall*, *early* / *late*. */
const OPPOSABLE = new Set(['ADJ', 'ADV', 'VERB']);

/**
 * Weighs the distinct content words of a question by their rarity in the
 * article. `tokens` are all the question's tokens: the one after a word may
 * make a phrasal verb with it (`left out`). `inHeadings`: whether a heading (a
 * section's, a table's header row) says the word (see `headings.ts`), which
 * makes it the article's too.
 */
export function weighTerms(tokens: readonly Token[], stats: CorpusStats, inHeadings: (token: Token) => boolean = () => false): WeightedTerm[] {
  const seen = new Set<string>();
  const out: WeightedTerm[] = [];
  tokens.forEach((asked, i) => {
    if (!asked.term) return;
    // A word only a heading says is the article's as it is: not a misspelling of one of its sentences' words.
    const token = inHeadings(asked) ? asked : (compounded(tokens, i, stats) ?? respelledAcronym(asked, stats) ?? spellChecked(asked, stats));
    if (seen.has(token.term)) return;
    seen.add(token.term);
    const known = isKnown(token, stats) || inHeadings(token);
    // WordNet is read for a word the article lacks and does not merely misspell, and for the antonyms of a verb,
    // adjective or adverb it uses (remembered per article, so a question's words are looked up once).
    const related = known || token !== asked ? NO_RELATED : relatedTerms(token, tokens[i + 1], stats);
    const opposites = known && OPPOSABLE.has(token.pos) ? oppositeTerms(token, tokens[i + 1], stats) : related.opposite;
    // How much a name or number matters beyond its rarity is the model's to learn (features `namesMatched`, `numbersMatched`).
    const weight = stats.idf(token);
    out.push({ token, weight, known, related, opposites });
  });
  return out;
}

/** The article's words that stand for the question's: each as the article spells it (corrected, joined) and its related words. */
export function askedWords(terms: readonly WeightedTerm[]): string[] {
  return terms.flatMap((t) => [t.token.term, ...t.related.related]);
}

function isKnown(token: Token, stats: CorpusStats): boolean {
  return stats.count(token.term) > 0 || stats.count(token.word) > 0 || stats.looseCount(looseForm(token)) > 0;
}

/**
 * A question word the article lacks, written as two words where the article
 * writes one (`Sky Drive` for `SkyDrive`, `data base` for `database`): the
 * token as the article's compound, or undefined.
 */
function compounded(tokens: readonly Token[], i: number, stats: CorpusStats): Token | undefined {
  const token = tokens[i] as Token;
  if (isKnown(token, stats)) return undefined;
  for (const [first, second] of [[tokens[i - 1], token], [token, tokens[i + 1]]]) {
    if (!first?.term || !second?.term || first.end !== second.start - 1) continue;
    const joined = `${first.word}${second.word}`;
    if (stats.count(joined) > 0) return { ...token, term: joined, word: joined, stem: '' };
  }
  return undefined;
}

/**
 * A question word the article lacks that is an acronym the article writes with
 * dots where the question has none, or the other way (`US` for `U.S.`, `U.K.`
 * for `UK`): the token as the article spells it, or undefined. News writes one,
 * readers type the other.
 */
function respelledAcronym(token: Token, stats: CorpusStats): Token | undefined {
  if (!/^(?:\p{Lu}\.?){2,5}$/u.test(token.text) || isKnown(token, stats)) return undefined;
  const letters = token.term.replace(/\./g, '');
  for (const form of [letters, `${[...letters].join('.')}.`]) {
    if (form !== token.term && stats.count(form) > 0) return { ...token, term: form, word: form, stem: '' };
  }
  return undefined;
}

/**
 * The token with its term replaced by the article's spelling when the question
 * misspells a word the article uses. A word of English is not a misspelling:
 * `capital` or `name` must not become the article's `capitol` or `same`, which
 * would answer a question the article cannot.
 */
function spellChecked(token: Token, stats: CorpusStats): Token {
  if (isKnown(token, stats) || (/^[a-z]+$/.test(token.term) && isEnglishWord(token.term))) return token;
  const corrected = stats.closest(token.term);
  return corrected === undefined ? token : { ...token, term: corrected, word: corrected, stem: '' };
}

/** The question words as lexicon ids, looked up once per question for `CorpusStats.matches`. */
export function termIds(terms: readonly WeightedTerm[], stats: CorpusStats): WordIds[] {
  return terms.map((t) => stats.wordIds(t.token, t.related.related, t.related.opposite));
}

/** The question words as `matchedTokens` looks for them in a sentence. */
export interface TermLookup {
  /** Terms and surface words, with their related words. */
  exact: ReadonlySet<string>;
  /** Stems (see `looseForm`). */
  loose: ReadonlySet<string>;
  /** Opposites, which match where negated. */
  opposite: ReadonlySet<string>;
}

/** The question words as sets, built once per question rather than once per candidate sentence. */
export function termLookup(terms: readonly WeightedTerm[]): TermLookup {
  return {
    exact: new Set(terms.flatMap((t) => [t.token.term, t.token.word, ...t.related.related])),
    loose: new Set(terms.map((t) => looseForm(t.token))),
    opposite: new Set(terms.flatMap((t) => t.related.opposite)),
  };
}

/** Indexes of a chunk's tokens that match a question word, or a word related to it (an opposite where negated). */
export function matchedTokens(chunk: Chunk, { exact, loose, opposite }: TermLookup): number[] {
  const out: number[] = [];
  chunk.tokens.forEach((token, i) => {
    if (!token.term) return;
    if (exact.has(token.term) || exact.has(token.word) || loose.has(looseForm(token)) || (opposite.has(token.term) && isNegated(chunk.tokens, i))) out.push(i);
  });
  return out;
}
