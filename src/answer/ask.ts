import type { Token } from '../chunk/token.js';
import type { Answer, Quote } from '../types.js';
import { isTimeNoun } from '../wordnet/related.js';
import { askQuestion, candidateSentences, type AnswerContext, type AskedQuestion, type Scope } from './candidates.js';
import { asksForAuthor, authorAnswer } from './byline.js';
import { calibrationRow, decisionRow, type Ranked } from './decide.js';
import { asksForGist, gistAnswer } from './gist.js';
import { defaultModel } from './default-model.js';
import { matchedTokens } from './evidence.js';
import { headingsOf, tableHeaderAt } from './headings.js';
import { featureRows, measure, type Measured } from './features.js';
import { sigmoid, type AnswerModel, type Locality } from './model.js';
import { DEFAULT_ANSWER_OPTIONS, type AnswerOptions } from './options.js';
import { parseQuestion, SAID_BY, withoutGoingTo, withoutPassiveGet, type Question } from './question.js';
import { quoteOf } from './quote.js';
import { rank } from './rank.js';
import { declineReason, missingPhrases, noWordsReason } from './reason.js';
import { answerSpans, bestSpan, spansAskedFor, spansBesideReferent, type ShortAnswer } from './short-answer.js';
import { saysNumber } from './spans.js';
import { askedCell } from './table-cell.js';
import { truecased } from './truecase.js';

export type { AnswerContext, Scope } from './candidates.js';

/** A candidate sentence as measured, with the ranking model's score. */
interface Scored {
  measured: Measured;
  logit: number;
}

/**
 * A question's candidates ranked by the ranking model, the span model's best
 * short answer in the first, and the decision model's probability that the
 * first answers the question.
 */
interface Judged {
  ranked: Scored[];
  span: ShortAnswer | undefined;
  probability: number;
}

/** A question's candidates, their feature rows, and their order by the ranking model (with the locality prior). */
interface Ranking {
  measured: Measured[];
  rows: Float64Array;
  ranked: Ranked[];
}

function rankCandidates(context: AnswerContext, asked: AskedQuestion, scope: Scope, model: AnswerModel): Ranking {
  const measured = measure(asked, candidateSentences(context, asked, scope));
  if (measured.length === 0) return { measured, rows: new Float64Array(0), ranked: [] };
  const rows = featureRows(asked, measured);
  const ranked = rank(rows, measured.length, model.ranker);
  if (scope.near) nearFirst(ranked, measured, scope.near, model.locality);
  return { measured, rows, ranked };
}

function scored({ measured, ranked }: Ranking): Scored[] {
  return ranked.map((r) => ({ measured: measured[r.row] as Measured, logit: r.logit }));
}

/** Ranks a question's candidate sentences, picks the first one's short answer, and judges whether the first answers the question. */
function judge(context: AnswerContext, asked: AskedQuestion, scope: Scope, model: AnswerModel): Judged {
  const ranking = rankCandidates(context, asked, scope, model);
  const { measured, rows, ranked } = ranking;
  if (ranked.length === 0) return { ranked: [], span: undefined, probability: 0 };
  const first = measured[(ranked[0] as Ranked).row] as Measured;
  const { chunk } = first.candidate;
  const spans = spansAskedFor(asked.question, answerSpans(chunk, asked.question, asked.asked, first.candidate.spans));
  const span = bestSpan(chunk, asked.question, first.matched, model.spans, scope.readIn ? spansBesideReferent(chunk, asked.question, spans, scope.readIn) : spans);
  return {
    ranked: scored(ranking),
    span,
    probability: model.calibration.predict(calibrationRow(model.decider.predict(decisionRow(asked, ranked, rows, span?.probability ?? 0, chunk.text)), context.store.sentencesOf(scope.document), asked.known)),
  };
}

/**
 * Adds the model's locality prior to the logits of the candidates in the
 * previous answer's paragraph and sentence, and ranks again: in a conversation
 * the next answer is most often near the last one.
 */
function nearFirst(ranked: Ranked[], measured: readonly Measured[], near: NonNullable<Scope['near']>, locality: Locality): void {
  for (const r of ranked) {
    const { chunk } = (measured[r.row] as Measured).candidate;
    if (chunk.document !== near.document || chunk.paragraph !== near.paragraph) continue;
    r.logit += locality.paragraph + (chunk.start === near.start ? locality.sentence : 0);
  }
  ranked.sort((a, b) => b.logit - a.logit || a.row - b.row);
}

/**
 * A question as typed in a chat, read as the models' written questions are: the corpus's names capitalized when it
 * was typed without capitals, and two auxiliaries no words to look up: the *get* of a passive (`who got fined`) and
 * the *going* of a future (`who is going to pay`).
 */
function typedQuestion(text: string, context: AnswerContext): Question {
  return withoutGoingTo(withoutPassiveGet(parseQuestion(truecased(text, context.store))));
}

/**
 * Answers a question from the context's documents, or declines with a reason.
 * *Who wrote the article?* is answered from the documents' bylines when they have one, *What is this article
 * about?* with its opening sentence.
 * The ranking model picks the sentence to quote; the decision model's
 * probability that it answers the question is the answer's confidence, and
 * below the model's threshold (or `minConfidence`) the engine declines. Never
 * throws on any string.
 */
export function ask(context: AnswerContext, rawQuestion: string, options: AnswerOptions = {}, scope: Scope = {}, model: AnswerModel = defaultModel()): Answer {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const question = typedQuestion(rawQuestion.slice(0, settings.maxQuestionLength), context);
  const asked = askQuestion(question, context, scope.readIn && { words: scope.readIn, weight: model.locality.referent });
  const declined = (reason: string, ranked: readonly Scored[] = [], confidence = 0): Answer => declinedAnswer(context, rawQuestion, asked, settings.maxQuotes, reason, ranked, confidence);
  if (rawQuestion.trim() === '') return declined('The question is empty.');
  if (asksForAuthor(rawQuestion)) {
    const byline = authorAnswer(context.documents, rawQuestion, scope, settings.maxQuotes);
    if (byline) return byline;
  }
  if (asksForGist(rawQuestion)) {
    const gist = gistAnswer(context, rawQuestion, scope, settings.maxQuotes);
    if (gist) return gist;
  }
  if (asked.terms.length === 0) return declined(noWordsReason(asked.question));

  const judged = judge(context, asked, scope, model);
  const { ranked, probability } = judged;
  const best = ranked[0];
  // Only of a sentence that was found: with none, no sentence was read for an amount or a date, and what the article
  // lacks is the question's words (*How much does the work cost?* of a page that says *a 2.2 billion euro renovation*).
  const lacksKind = best !== undefined && !(SAID_BY[question.kind]?.some((shape) => best.measured.shapes.has(shape)) ?? true);
  if (!best || probability < (settings.minConfidence ?? model.threshold)) {
    return declined(declineReason(question, missingPhrases(question, asked.terms), lacksKind), ranked, probability);
  }
  const { chunk } = best.measured.candidate;
  // A table's row answers with the cell under the column the question names (see `table-cell.ts`). Otherwise a short
  // answer the span model is unsure of is not shown: the quote answers, and no wrong words are put in bold.
  // Nor is one in a quote that says none of the question's words (a list item matched through its heading): the span
  // model places an answer by where the question's words stand, and was never fitted on a sentence without them.
  // Nor one cut inside a hyphenated word, nor one that says nothing of the kind asked (a count with no number in it,
  // a date with no time).
  const { span } = judged;
  const header = tableHeaderAt(headingsOf(context.store), chunk.id);
  const cell = header && askedCell(chunk, header, best.measured.matched, asked.terms);
  const shown = cell ?? (span && span.probability >= model.spanThreshold && best.measured.matched.length > 0 && !cutsWord(chunk, span) && !saysNothingAsked(question, chunk, span) ? span : undefined);
  return {
    question: rawQuestion,
    answered: true,
    answer: shown ? chunk.text.slice(shown.start - chunk.start, shown.end - chunk.start) : '',
    confidence: round(probability),
    quotes: [best, ...supporting(ranked.slice(1), best)].slice(0, settings.maxQuotes).map((r) => quoteOfRanked(context, r, asked)),
  };
}

/** The kinds whose answer is a count, a sum or a length: said with a number (*How many ...?*, *How much ...?*, *How long ...?*). */
const COUNTED_KINDS: ReadonlySet<Question['kind']> = new Set(['number', 'amount', 'duration']);

/**
 * Whether a span says nothing of the kind of answer asked for, though the span model found it the likeliest of its
 * sentence (a sentence with no fitting span still has a likeliest one):
 * - a count, sum or length with no number in it (*How long is the Rhine?* underlining *river*, *How many homes
 *   ...?* underlining *street development*). On the cross-validated answers (session 28), 68 of the 618 such short
 *   answers shown held no number or number word: 40 were answers to unanswerable questions, and the 28 to
 *   answerable ones scored 4.0 F1 in all, 0.08 points of the pool's 4,720.
 * - a date with no number, date or time in it and no word WordNet files under a time or a war (*When did Hytera
 *   buy Norsat?* underlining *Canadian satellite communications firm Norsat International Inc NII.TO*, of a sentence
 *   that says only *recently*; *the Miocene*, *the Second World War* and *the Renaissance* stay). On the
 *   cross-validated answers (session 29), 75 of the 777 date short answers shown said none: 44 were answers to
 *   unanswerable or off-topic questions, and the 31 to answerable ones scored 9.4 F1 in all, 0.20 points, about
 *   half of it from questions misread as asking when (*When the three types of rock are re-melted what is formed?*).
 */
function saysNothingAsked(question: Question, chunk: { tokens: readonly Token[] }, span: { first: number; last: number }): boolean {
  const says = COUNTED_KINDS.has(question.kind) ? saysNumber : question.kind === 'date' ? saysTime : undefined;
  if (!says) return false;
  for (let i = span.first; i <= span.last; i++) {
    const token = chunk.tokens[i];
    if (token && says(token)) return false;
  }
  return true;
}

/** Whether a token says when: a number (a year, a day), a date or time the tagger found, or a noun of a time or a war (*century*, *Miocene*, *war*). */
function saysTime(token: Token): boolean {
  return saysNumber(token) || /\d/.test(token.text) || (token.term !== '' && isTimeNoun(token.term));
}

/**
 * Whether a span begins or ends inside a word joined by a hyphen (*Open the
 * sign* of *Open the sign-in page*): the tagger splits such words, and a span
 * cut there is no answer to put in bold.
 */
function cutsWord(chunk: { text: string; start: number }, span: { start: number; end: number }): boolean {
  const from = span.start - chunk.start;
  const to = span.end - chunk.start;
  return /^-[\p{L}\p{N}]/u.test(chunk.text.slice(to, to + 2)) || /[\p{L}\p{N}]-$/u.test(chunk.text.slice(Math.max(0, from - 2), from));
}

/**
 * Answers a topic (*Norsat*, *the deal*; the topic of a request, *Tell me
 * about the deal*) with the passages that name it among those the ranking
 * model finds best, in reading order, and no short answer. Nothing is claimed of the topic but that these
 * passages name it, which matching checks: the answer's confidence is 1, as a
 * byline's is, and when no sentence names every word of the topic the engine
 * declines, naming the words the article lacks. Never throws on any string.
 */
export function askTopic(context: AnswerContext, topic: string, options: AnswerOptions = {}, scope: Scope = {}, model: AnswerModel = defaultModel()): Answer {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const question = typedQuestion(topic.slice(0, settings.maxQuestionLength), context);
  const asked = askQuestion({ ...question, kind: 'thing' }, context);
  if (asked.terms.length === 0) return declinedAnswer(context, topic, asked, settings.maxQuotes, noWordsReason(asked.question));
  const ranked = scored(rankCandidates(context, asked, scope, model));
  const naming = ranked.filter((r) => r.measured.candidate.sentence.every((match) => match !== 'none'));
  if (naming.length === 0) {
    const missing = missingPhrases(question, asked.terms);
    const reason = missing.length > 0 ? declineReason(question, missing) : `No sentence of the article names all of ${topic.trim().length <= MAX_QUOTED_TOPIC ? `“${topic.trim()}”` : 'its words'}.`;
    return declinedAnswer(context, topic, asked, settings.maxQuotes, reason, ranked);
  }
  return { question: topic, answered: true, answer: '', confidence: 1, quotes: inReadingOrder(naming).slice(0, settings.maxQuotes).map((r) => quoteOfRanked(context, r, asked)) };
}

/**
 * Passages in the order a reader meets them: a story introduces a topic before it goes on about it (*the agreement*
 * is first *an agreement vowing not to conduct ... cyber attacks*, later *that agreement* of another country). Documents
 * come in the order of their best-ranked passage.
 */
function inReadingOrder(ranked: readonly Scored[]): Scored[] {
  const documents: number[] = [];
  for (const r of ranked) if (!documents.includes(r.measured.candidate.chunk.document)) documents.push(r.measured.candidate.chunk.document);
  const place = (r: Scored): [number, number, number] => {
    const { chunk } = r.measured.candidate;
    return [documents.indexOf(chunk.document), chunk.paragraph, chunk.start];
  };
  return [...ranked].sort((a, b) => {
    const [x, y] = [place(a), place(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/** Longest topic a decline quotes whole; a longer one (a paste) is named by *its words*, so the reason stays one line. */
const MAX_QUOTED_TOPIC = 60;

/** A declined answer: the reason, and the closest passages (marked by front ends as not an answer). */
function declinedAnswer(context: AnswerContext, question: string, asked: AskedQuestion, maxQuotes: number, reason: string, ranked: readonly Scored[] = [], confidence = 0): Answer {
  return { question, answered: false, answer: '', confidence: round(confidence), quotes: ranked.slice(0, maxQuotes).map((r) => quoteOfRanked(context, r, asked)), reason };
}

/**
 * Further quotes worth showing after the best one: sentences that share words
 * with the question (or whose section's heading does: the other items of a
 * list under *Opening hours*) and that the ranker finds at least half as
 * likely to hold the answer. A display choice: it does not change what is answered.
 */
function supporting(rest: readonly Scored[], best: Scored): Scored[] {
  const half = sigmoid(best.logit) / 2;
  return rest.filter((r) => sharesWords(r.measured) && sigmoid(r.logit) >= half);
}

/** Whether the sentence, or its section's heading, says a question word (by its own form or its stem). */
function sharesWords(measured: Measured): boolean {
  return measured.matched.length > 0 || measured.candidate.sentence.some((match) => match === 'exact' || match === 'loose');
}

function quoteOfRanked(context: AnswerContext, ranked: Scored, asked: AskedQuestion): Quote {
  const { chunk } = ranked.measured.candidate;
  return quoteOf(context, chunk, ranked.measured.matched.length ? ranked.measured.matched : matchedTokens(chunk, asked.lookup));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** The passages that best match a query, best first, whatever kind of answer it asks for. */
export function search(context: AnswerContext, query: string, limit: number, options: AnswerOptions = {}, scope: Scope = {}, model: AnswerModel = defaultModel()): Quote[] {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const question = typedQuestion(query.slice(0, settings.maxQuestionLength), context);
  const asked = askQuestion({ ...question, kind: 'thing' }, context);
  if (asked.terms.length === 0) return [];
  return scored(rankCandidates(context, asked, scope, model))
    .filter((r) => sharesWords(r.measured))
    .slice(0, limit)
    .map((r) => quoteOfRanked(context, r, asked));
}
