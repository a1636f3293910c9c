import type { Chunk } from '../chunk/chunk.js';
import { isNegated } from '../chunk/negation.js';
import type { Match } from '../index/stats.js';
import type { AskedQuestion, CandidateSentence } from './candidates.js';
import { matchedTokens, type WeightedTerm } from './evidence.js';
import { ANSWER_KINDS } from './question.js';
import { SHAPES, type Candidate, type Shape } from './spans.js';

/**
 * A candidate sentence measured against the question: what the features are
 * read from. Nothing here is a weight; the ranking model weighs it all.
 */
export interface Measured {
  candidate: CandidateSentence;
  /** Indexes of the sentence's tokens that match a question word. */
  matched: number[];
  /** The shapes of the spans the sentence holds that are not made of question words. */
  shapes: Set<Shape>;
}

/** What the features compare a candidate with: the best of all candidates of the question. */
interface Best {
  sentenceExact: number;
  paragraphExact: number;
  bm25: number;
  windowBm25: number;
  paragraphBm25: number;
  /** Each candidate's rank (from 0) by its sentence's exact coverage, by BM25, and by the BM25 of it with its neighbours. */
  coverageRank: Map<Measured, number>;
  bm25Rank: Map<Measured, number>;
  windowRank: Map<Measured, number>;
}

type Feature = (m: Measured, q: AskedQuestion, best: Best) => number;

/**
 * The features of a (question, sentence) pair, by name. The ranking model file
 * lists the names it was fitted with, in this order; adding a feature is one
 * entry here and a `npm run train`.
 */
const FEATURES: Record<string, Feature> = {
  // How much of the question the sentence says: IDF-weighted shares by kind of match.
  sentenceExact: (m, q) => share(q, m.candidate.sentence, 'exact'),
  sentenceLoose: (m, q) => share(q, m.candidate.sentence, 'loose'),
  sentenceRelated: (m, q) => share(q, m.candidate.sentence, 'related'),
  sentenceTermsMatched: (m, q) => count(m.candidate.sentence, q) / Math.max(1, q.terms.length),
  paragraphExact: (m, q) => share(q, m.candidate.paragraph, 'exact'),
  paragraphLoose: (m, q) => share(q, m.candidate.paragraph, 'loose'),
  paragraphRelated: (m, q) => share(q, m.candidate.paragraph, 'related'),
  previousExact: (m, q) => share(q, m.candidate.previous, 'exact'),
  nextExact: (m, q) => share(q, m.candidate.next, 'exact'),
  // The same against the best candidate's: a question's scores mean little on their own.
  sentenceExactBehind: (m, q, best) => best.sentenceExact - share(q, m.candidate.sentence, 'exact'),
  paragraphExactBehind: (m, q, best) => best.paragraphExact - share(q, m.candidate.paragraph, 'exact'),
  coverageRank: (m, _q, best) => Math.log1p(best.coverageRank.get(m) ?? 0),
  bm25: (m) => Math.log1p(m.candidate.bm25),
  bm25Relative: (m, _q, best) => relative(m.candidate.bm25, best.bm25),
  bm25Rank: (m, _q, best) => Math.log1p(best.bm25Rank.get(m) ?? 0),
  windowBm25Relative: (m, _q, best) => relative(m.candidate.windowBm25, best.windowBm25),
  windowRank: (m, _q, best) => Math.log1p(best.windowRank.get(m) ?? 0),
  paragraphBm25: (m) => Math.log1p(m.candidate.paragraphBm25),
  paragraphBm25Relative: (m, _q, best) => relative(m.candidate.paragraphBm25, best.paragraphBm25),
  sharesNoWord: (m) => (m.candidate.bm25 === 0 ? 1 : 0),
  // The heaviest question word the sentence, or its paragraph, does not have at all: often what makes a question unanswerable.
  sentenceHeaviestMissing: (m, q) => heaviestMissing(q, m.candidate.sentence),
  paragraphHeaviestMissing: (m, q) => heaviestMissing(q, m.candidate.paragraph),
  // Names, numbers and the question's focus noun, which carry its topic.
  namesMatched: (m, q) => shareOfPos(q, m.candidate.sentence, 'PROPN'),
  paragraphNamesMatched: (m, q) => shareOfPos(q, m.candidate.paragraph, 'PROPN'),
  numbersMatched: (m, q) => shareOfPos(q, m.candidate.sentence, 'NUM'),
  // The question's verbs and common nouns the sentence says: what happened, to what (a name alone often recurs in every sentence).
  verbsMatched: (m, q) => shareOfPos(q, m.candidate.sentence, 'VERB'),
  nounsMatched: (m, q) => shareOfPos(q, m.candidate.sentence, 'NOUN'),
  focusMatched: (m, q) => focusMatch(m, q),
  // Word order: question bigrams the sentence has in the same order, close together.
  bigrams: (m, q) => bigramShare(m, q),
  // How tightly the matched words sit together.
  matchSpread: (m) => spread(m),
  sentenceLength: (m) => Math.log1p(m.candidate.chunk.tokens.length),
  newNames: (m) => Math.log1p(newNames(m)),
  // Negation: the sentence negates what the question negates (+1), or what it affirms (-1).
  negation: (m, q) => negationAgreement(m, q),
  opposes: (m, q) => opposition(m, q),
  // Where the sentence stands.
  indexInParagraph: (m) => Math.log1p(m.candidate.indexInParagraph),
  paragraphSentences: (m) => Math.log1p(m.candidate.paragraphSentences),
  firstOfParagraph: (m) => (m.candidate.indexInParagraph === 0 ? 1 : 0),
  paragraphNumber: (m) => Math.log(m.candidate.chunk.paragraph),
  // The answer's kind: which shapes of span the sentence holds (the network weighs them by the question's kind).
  ...Object.fromEntries(SHAPES.map((shape) => [`holds_${shape}`, (m: Measured) => (m.shapes.has(shape) ? 1 : 0)])),
  // The question, repeated on each of its rows, so the model can weigh the above by the kind of question.
  ...Object.fromEntries(ANSWER_KINDS.map((kind) => [`asks_${kind}`, (_m: Measured, q: AskedQuestion) => (q.question.kind === kind ? 1 : 0)])),
  asksNegated: (_m, q) => (q.negated.size > 0 ? 1 : 0),
  asksSubject: (_m, q) => (q.question.role === 'subject' ? 1 : 0),
  asksObject: (_m, q) => (q.question.role === 'object' ? 1 : 0),
  questionTerms: (_m, q) => Math.log1p(q.terms.length),
  questionKnown: (_m, q) => q.known,
  questionKnownRelated: (_m, q) => q.knownRelated,
};

/** The feature names, in the order of a feature row. */
export const FEATURE_NAMES: readonly string[] = Object.keys(FEATURES);
const FEATURE_LIST: readonly Feature[] = Object.values(FEATURES);

/** Measures each candidate sentence (its matched words and span shapes). */
export function measure(asked: AskedQuestion, candidates: readonly CandidateSentence[]): Measured[] {
  const askedWords = new Set(asked.asked);
  return candidates.map((candidate) => {
    const matched = matchedTokens(candidate.chunk, asked.lookup);
    return { candidate, matched, shapes: shapesOf(candidate.chunk, askedWords, candidate.spans) };
  });
}

/** The feature rows of the measured candidates, one after another (`FEATURE_NAMES.length` numbers each). */
export function featureRows(asked: AskedQuestion, measured: readonly Measured[]): Float64Array {
  const best = bestOf(asked, measured);
  const width = FEATURE_LIST.length;
  const rows = new Float64Array(measured.length * width);
  measured.forEach((m, i) => {
    for (let f = 0; f < width; f++) rows[i * width + f] = (FEATURE_LIST[f] as Feature)(m, asked, best);
  });
  return rows;
}

function bestOf(asked: AskedQuestion, measured: readonly Measured[]): Best {
  const exact = measured.map((m) => share(asked, m.candidate.sentence, 'exact'));
  const byCoverage = measured.map((m, i) => ({ m, value: exact[i] as number })).sort((a, b) => b.value - a.value);
  const byBm25 = [...measured].sort((a, b) => b.candidate.bm25 - a.candidate.bm25);
  const byWindow = [...measured].sort((a, b) => b.candidate.windowBm25 - a.candidate.windowBm25);
  let paragraphExact = 0;
  let paragraphBm25 = 0;
  for (const m of measured) {
    paragraphExact = Math.max(paragraphExact, share(asked, m.candidate.paragraph, 'exact'));
    paragraphBm25 = Math.max(paragraphBm25, m.candidate.paragraphBm25);
  }
  return {
    sentenceExact: Math.max(0, ...exact),
    paragraphExact,
    bm25: Math.max(0, byBm25[0]?.candidate.bm25 ?? 0),
    windowBm25: Math.max(0, byWindow[0]?.candidate.windowBm25 ?? 0),
    paragraphBm25,
    coverageRank: denseRanks(byCoverage.map((entry) => [entry.m, entry.value])),
    bm25Rank: denseRanks(byBm25.map((m) => [m, m.candidate.bm25])),
    windowRank: denseRanks(byWindow.map((m) => [m, m.candidate.windowBm25])),
  };
}

function relative(value: number, best: number): number {
  return best > 0 ? value / best : 0;
}

/** The largest share of the question's weight carried by one word that these matches lack entirely. */
function heaviestMissing(q: AskedQuestion, matches: readonly Match[]): number {
  let total = 0;
  let heaviest = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const { weight } = q.terms[i] as WeightedTerm;
    total += weight;
    if (matches[i] === 'none') heaviest = Math.max(heaviest, weight);
  }
  return total === 0 ? 0 : heaviest / total;
}

/** Ranks from 0, equal values sharing one, for entries sorted best first. */
function denseRanks(sorted: ReadonlyArray<readonly [Measured, number]>): Map<Measured, number> {
  const ranks = new Map<Measured, number>();
  let rank = -1;
  let last = Number.NaN;
  for (const [m, value] of sorted) {
    if (value !== last) rank++;
    last = value;
    ranks.set(m, rank);
  }
  return ranks;
}

/** The question's weight matched with exactly this kind of match, as a share of its whole weight. */
export function share(q: AskedQuestion, matches: readonly Match[], kind: Match): number {
  let total = 0;
  let found = 0;
  for (let i = 0; i < q.terms.length; i++) {
    const { weight } = q.terms[i] as WeightedTerm;
    total += weight;
    if (matches[i] === kind) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

/** How many question words are matched exactly or by stem. */
function count(matches: readonly Match[], q: AskedQuestion): number {
  let found = 0;
  for (let i = 0; i < q.terms.length; i++) if (matches[i] === 'exact' || matches[i] === 'loose') found++;
  return found;
}

/** Share of the question's words of this part of speech matched exactly or by stem; 0 when it has none. */
function shareOfPos(q: AskedQuestion, matches: readonly Match[], pos: string): number {
  let total = 0;
  let found = 0;
  for (let i = 0; i < q.terms.length; i++) {
    if (q.terms[i]?.token.pos !== pos) continue;
    total++;
    if (matches[i] === 'exact' || matches[i] === 'loose') found++;
  }
  return total === 0 ? 0 : found / total;
}

/** 1 when the sentence uses the question's focus noun (`newspaper` of *which newspaper*), 0 when it does not or there is none. */
function focusMatch(m: Measured, q: AskedQuestion): number {
  const focus = q.question.focus;
  if (focus === undefined) return 0;
  const i = q.terms.findIndex((t) => t.token.term === focus);
  return i >= 0 && m.candidate.sentence[i] !== 'none' ? 1 : 0;
}

/** Share of the question's consecutive word pairs that the sentence has in the same order, at most two words apart. */
function bigramShare(m: Measured, q: AskedQuestion): number {
  const words = q.question.content.map((t) => t.term);
  if (words.length < 2) return 0;
  // Where each question word stands in the sentence (by term or surface word); the sentence's other words are skipped.
  const positions: number[][] = words.map(() => []);
  m.candidate.chunk.tokens.forEach((token, i) => {
    if (!token.term) return;
    for (let w = 0; w < words.length; w++) if (words[w] === token.term || words[w] === token.word) (positions[w] as number[]).push(i);
  });
  let found = 0;
  for (let w = 0; w + 1 < words.length; w++) {
    const first = positions[w] as number[];
    const second = positions[w + 1] as number[];
    if (first.some((a) => second.some((b) => b > a && b - a <= 3))) found++;
  }
  return found / (words.length - 1);
}

/** Tokens between the first and last matched word, per matched word (1 when they stand side by side); 0 with under two. */
function spread(m: Measured): number {
  if (m.matched.length < 2) return 0;
  const first = m.matched[0] as number;
  const last = m.matched[m.matched.length - 1] as number;
  return Math.log((last - first + 1) / m.matched.length);
}

/** Proper nouns of the sentence that the question does not use: names that may be the answer. */
function newNames(m: Measured): number {
  // A handful of matched words: a look-up in the list costs less than a set built per candidate.
  const { tokens } = m.candidate.chunk;
  let names = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens[i]?.pos === 'PROPN' && !m.matched.includes(i)) names++;
  return names;
}

function negationAgreement(m: Measured, q: AskedQuestion): number {
  let agreement = 0;
  const tokens = m.candidate.chunk.tokens;
  for (const i of m.matched) {
    const term = tokens[i]?.term ?? '';
    if (!isNegated(tokens, i)) continue;
    if (q.negated.has(term)) return 1;
    if (q.affirmed.has(term)) agreement = -1;
  }
  return agreement;
}

/**
 * 1 when the sentence says the opposite of a question word it lacks (an
 * antonym, not negated there: *smallest* for *largest*), else 0: a swap that
 * makes a question look answered when it is not.
 */
function opposition(m: Measured, q: AskedQuestion): number {
  if (!q.terms.some((term) => term.opposites.length > 0)) return 0;
  const tokens = m.candidate.chunk.tokens;
  for (const term of q.terms) {
    if (term.opposites.length === 0 || m.matched.some((i) => tokens[i]?.term === term.token.term)) continue;
    // A word has one or two antonyms: a look-up in the list costs less than a set built per candidate.
    if (tokens.some((token, i) => term.opposites.includes(token.term) && !isNegated(tokens, i))) return 1;
  }
  return 0;
}

/** The shapes of the sentence's spans that are not only question words. */
function shapesOf(chunk: Chunk, asked: ReadonlySet<string>, spans: readonly Candidate[]): Set<Shape> {
  const out = new Set<Shape>();
  for (const span of spans) {
    if (out.has(span.shape)) continue;
    for (let i = span.first; i <= span.last; i++) {
      const term = chunk.tokens[i]?.term;
      if (term && !asked.has(term)) {
        out.add(span.shape);
        break;
      }
    }
  }
  return out;
}
