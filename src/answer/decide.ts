import type { AskedQuestion } from './candidates.js';
import { FEATURE_NAMES } from './features.js';
import { ANSWER_KINDS, isStrict } from './question.js';

/** A candidate sentence by its feature row, with the ranking model's score (a logit: higher holds the answer more likely). */
export interface Ranked {
  row: number;
  logit: number;
}

/**
 * What the decision features read: the question, its candidates best first,
 * their feature rows, the span model's probability of the first's short
 * answer, and the first's text.
 */
interface Decision {
  q: AskedQuestion;
  ranked: readonly Ranked[];
  rows: ArrayLike<number>;
  span: number;
  sentence: string;
}

const WIDTH = FEATURE_NAMES.length;

/** Feature `name` of the first candidate's row (0 when there is no candidate); a name that is no feature fails at start-up. */
function first(name: string): DecisionFeature {
  const at = FEATURE_NAMES.indexOf(name);
  if (at < 0) throw new Error(`newsbot: no feature "${name}"`);
  return ({ ranked, rows }) => {
    const best = ranked[0];
    return best === undefined ? 0 : (rows[best.row * WIDTH + at] as number);
  };
}

type DecisionFeature = (d: Decision) => number;

/** The logit given to a missing first candidate (the engine declines a question with none before it decides). */
const NO_CANDIDATE = -10;

/**
 * The decision features that a question may lack (`NaN`): with a single
 * candidate there is no runner-up to be ahead of. The decision model reads a
 * missing value as its training mean, so it says nothing either way. Not a
 * made-up runner-up: Wikipedia's paragraphs always give a question several
 * candidates, so the model never saw one and would read the distance to it as
 * a lead no real runner-up allows, while a news story (one sentence a
 * paragraph) often has a single sentence that shares a word with a question
 * about something else.
 */
export const MAY_BE_MISSING: readonly string[] = ['secondLogit', 'margin'];

/**
 * The features of the decision to answer or decline, by name, as the decision
 * model file lists them: how sure the ranker is of its first sentence and how
 * far ahead of the second it is, and what the article lacks of the question.
 */
const DECISION_FEATURES: Record<string, DecisionFeature> = {
  firstLogit: ({ ranked }) => ranked[0]?.logit ?? NO_CANDIDATE,
  secondLogit: ({ ranked }) => ranked[1]?.logit ?? Number.NaN,
  margin: ({ ranked }) => (ranked[0]?.logit ?? NO_CANDIDATE) - (ranked[1]?.logit ?? Number.NaN),
  firstShare: ({ ranked }) => softmaxShare(ranked),
  firstSentenceExact: first('sentenceExact'),
  firstSentenceLoose: first('sentenceLoose'),
  firstSentenceRelated: first('sentenceRelated'),
  firstParagraphExact: first('paragraphExact'),
  firstParagraphLoose: first('paragraphLoose'),
  firstSentenceMissing: first('sentenceHeaviestMissing'),
  firstParagraphMissing: first('paragraphHeaviestMissing'),
  firstNamesMatched: first('namesMatched'),
  firstParagraphNamesMatched: first('paragraphNamesMatched'),
  firstNegation: first('negation'),
  firstOpposes: first('opposes'),
  firstBigrams: first('bigrams'),
  firstSpread: first('matchSpread'),
  asksNegated: ({ q }) => (q.negated.size > 0 ? 1 : 0),
  firstBm25: first('bm25'),
  firstSpanProbability: ({ span }) => span,
  // A date, number or amount asked of a sentence without a likely one: often a question the article does not answer.
  lacksKind: ({ q, span }) => (isStrict(q.question.kind) ? 1 - span : 0),
  // `the 22nd most liveable city` asked of a sentence that says `32nd`: changing a number is how many unanswerable questions are made.
  numberConflict: ({ q, sentence }) => (numberConflict(q.question.text, sentence) ? 1 : 0),
  // No count of the candidates: it grows with the article (a Wikipedia article's paragraphs give a question dozens, a
  // news story's one-sentence paragraphs a handful), and a model fitted on long articles read a short page's few as
  // weak evidence, against every question asked of it.
  questionKnown: ({ q }) => q.known,
  questionKnownRelated: ({ q }) => q.knownRelated,
  unknownTerms: ({ q }) => Math.log1p(q.terms.filter((t) => !t.known).length),
  heaviestUnknown: ({ q }) => heaviestUnknown(q),
  missingName: ({ q }) => (q.terms.some((t) => !t.known && t.token.pos === 'PROPN') ? 1 : 0),
  missingAsked: ({ q }) => (missingAsked(q) ? 1 : 0),
  questionTerms: ({ q }) => Math.log1p(q.terms.length),
  ...Object.fromEntries(ANSWER_KINDS.map((kind) => [`asks_${kind}`, ({ q }: Decision) => (q.question.kind === kind ? 1 : 0)])),
};

/**
 * The inputs of the page calibration, which turns the decision model's
 * probability into the answer's confidence: its log-odds (kept as they are, a
 * weight of 1), to which it adds a correction from the log of the number of
 * sentences searched and the share of the question's weight the article never
 * uses, alone and times that log. The decision model is fitted on whole
 * articles, where it is calibrated; on a short page the same evidence is more
 * often right (fewer sentences to mistake for the answer), and a word the page
 * lacks says less than one a whole article lacks. The correction is fitted on
 * pages cut from the training articles as well as on the articles.
 */
export const CALIBRATION_FEATURE_NAMES: readonly string[] = ['decisionLogOdds', 'searchedSentences', 'questionUnknown', 'questionUnknownBySentences'];

/**
 * The page calibration's row for a decision model's probability, the number
 * of sentences a question was asked of and the share of its weight the
 * article knows (`AskedQuestion.known`).
 */
export function calibrationRow(probability: number, sentences: number, known: number): Float64Array {
  const size = Math.log(Math.max(1, sentences));
  const unknown = 1 - known;
  return Float64Array.of(logOdds(probability), size, unknown, unknown * size);
}

/** The log-odds of a probability, kept finite at 0 and 1. */
export function logOdds(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** The decision feature names, in the order of a decision row. */
export const DECISION_FEATURE_NAMES: readonly string[] = Object.keys(DECISION_FEATURES);
const DECISION_LIST: readonly DecisionFeature[] = Object.values(DECISION_FEATURES);

/**
 * The decision row of a question whose candidates are ranked best first, from
 * their feature rows, the span model's probability for the first sentence's
 * best short answer (0 when it has none) and the first sentence's text (`''`
 * when there is none).
 */
export function decisionRow(q: AskedQuestion, ranked: readonly Ranked[], rows: ArrayLike<number>, span: number, sentence: string): Float64Array {
  const decision = { q, ranked, rows, span, sentence };
  // A loop, not `Float64Array.from`: that goes through an iterator and boxes every number.
  const row = new Float64Array(DECISION_LIST.length);
  for (let f = 0; f < row.length; f++) row[f] = (DECISION_LIST[f] as DecisionFeature)(decision);
  return row;
}

/** The numbers a text writes in digits (`1,000` as `1000`, `22nd` as `22`). */
function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, ''));
}

/**
 * Whether the question has a number the sentence lacks while the sentence has
 * one the question lacks: a number swapped (*in 1917* asked, *in 1914* said),
 * not one merely left out or written in words.
 */
export function numberConflict(question: string, sentence: string): boolean {
  const asked = numbersIn(question);
  if (asked.length === 0) return false;
  const said = numbersIn(sentence);
  return asked.some((n) => !said.includes(n)) && said.some((n) => !asked.includes(n));
}

/** The first candidate's share of the ranker's softmax over all candidates: how far it stands out from every other, not only the second. */
function softmaxShare(ranked: readonly Ranked[]): number {
  const top = ranked[0]?.logit;
  if (top === undefined) return 0;
  let sum = 0;
  for (const r of ranked) sum += Math.exp(r.logit - top);
  return 1 / sum;
}

/** The largest share of the question's weight that one word the article never uses carries. */
function heaviestUnknown(q: AskedQuestion): number {
  const total = q.terms.reduce((sum, t) => sum + t.weight, 0);
  const heaviest = Math.max(0, ...q.terms.filter((t) => !t.known).map((t) => t.weight));
  return total === 0 ? 0 : heaviest / total;
}

/**
 * Whether the article lacks, and has no word related to, the X of a *what is
 * the X of Y* question or the thing whose name is asked: what is asked about is
 * not there, however well the rest matches.
 */
export function missingAsked(q: AskedQuestion): boolean {
  const { relation, name } = q.question;
  return q.terms.some(
    (t) => !t.known && t.related.related.length === 0 && t.related.opposite.length === 0 && (t.token.term === relation || (name?.named.includes(t.token.term) ?? false)),
  );
}
