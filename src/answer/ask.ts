import type { Chunk } from '../chunk/chunk.js';
import type { ChunkStore } from '../chunk/store.js';
import { isNegated } from '../chunk/negation.js';
import type { Token } from '../chunk/token.js';
import type { CorpusStats, Match } from '../index/stats.js';
import type { SearchIndex } from '../index/search-index.js';
import type { Answer, Quote, SourceDocument } from '../types.js';
import { antecedent } from './antecedent.js';
import { askedWords, coverage, knownness, matchedTokens, termIds, weighTerms, type WeightedTerm } from './evidence.js';
import { DEFAULT_ANSWER_OPTIONS, type AnswerOptions } from './options.js';
import { parseQuestion, type Question } from './question.js';
import { declineReason, missingPhrases } from './reason.js';
import { shortAnswer, type ShortAnswer } from './short-answer.js';
import { isStrict } from './spans.js';

/** What `ask` reads: the documents, their sentence chunks, statistics and index. */
export interface AnswerContext {
  documents: readonly SourceDocument[];
  store: ChunkStore;
  stats: CorpusStats;
  index: SearchIndex;
}

interface Ranked {
  chunk: Chunk;
  score: number;
  matched: number[];
  span: ShortAnswer | undefined;
}

/** The most a short answer adds to a sentence's score (for a span that fits the question perfectly). */
const KIND_BONUS = 0.08;

/** Which documents a question is asked of: all (default), or the one at this index of `context.documents`. */
export interface Scope {
  document?: number;
}

/** Answers a question from the context's documents, or declines with a reason. Never throws on any string. */
export function ask(context: AnswerContext, rawQuestion: string, options: AnswerOptions = {}, scope: Scope = {}): Answer {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const question = parseQuestion(rawQuestion.slice(0, settings.maxQuestionLength));
  const declined = (reason: string, ranked: readonly Ranked[] = [], confidence = 0): Answer => ({
    question: rawQuestion,
    answered: false,
    answer: '',
    confidence,
    quotes: ranked.slice(0, settings.maxQuotes).map((r) => quoteOf(context, r, terms)),
    reason,
  });
  const terms = askedTerms(question, context.stats);
  if (rawQuestion.trim() === '') return declined('The question is empty.');
  if (terms.length === 0) return declined('The question has no words to look up in the article.');

  const ranked = rank(context, question, terms, settings.sentenceWeight, scope, settings.maxQuotes);
  const best = ranked[0];
  const known = knownShare(terms);
  // A name the article never uses, the X of a `what is the X of Y` question, or the thing whose name is asked: what is
  // asked about is not there.
  const missing = terms.some(
    (t) => (!t.known && t.token.pos === 'PROPN') || ((t.token.term === question.relation || question.name?.named.includes(t.token.term)) && knownness(t) === 0),
  );
  if (!best || known < settings.minCoverage || missing) {
    return declined(declineReason(question, missingPhrases(question, terms)), ranked);
  }
  const lacksKind = isStrict(question.kind) && !best.span;
  if (best.score < settings.minScore || lacksKind) {
    return declined(declineReason(question, missingPhrases(question, terms), lacksKind), ranked, clamp(best.score));
  }
  const named = antecedent(context.store, question, terms, best.chunk, best.span);
  const first: Ranked = named ? { ...named, score: best.score } : best;
  const rest = supporting(ranked.slice(1), best).filter((r) => r.chunk.id !== first.chunk.id);
  return {
    question: rawQuestion,
    answered: true,
    answer: first.span ? first.chunk.text.slice(first.span.start - first.chunk.start, first.span.end - first.chunk.start) : '',
    confidence: clamp(best.score * (0.5 + 0.5 * known)),
    quotes: [first, ...(named ? [best] : []), ...rest].slice(0, settings.maxQuotes).map((r) => quoteOf(context, r, terms)),
  };
}

/**
 * Ranks retrieved sentences by their own and their paragraph's coverage of the
 * question and by whether they hold an answer of the right kind. Finding the
 * short answer is the costly part, so sentences are taken by coverage alone,
 * best first, and the list ends once no sentence left could reach the best
 * `needed` ones, nor the best `needed` that share words with the question:
 * all that callers read, the same as ranking every sentence.
 */
function rank(context: AnswerContext, question: Question, terms: readonly WeightedTerm[], sentenceWeight: number, scope: Scope, needed: number): Ranked[] {
  const { store, stats } = context;
  const ids = termIds(terms, stats);
  const asked = askedWords(terms);
  const negatedAsked = negatedTerms(question.tokens);
  const affirmedAsked = new Set(question.content.map((token) => token.term).filter((term) => !negatedAsked.has(term)));
  // What a sentence may gain beyond its coverage: the kind bonus, and the shared negation's.
  const most = KIND_BONUS + (negatedAsked.size > 0 ? SHARED_NEGATION_BONUS : 0);
  const paragraphs = new Map<number, Match[]>();
  const covered: Array<{ id: number; base: number }> = [];
  for (const id of context.index.candidates(queryTokens(terms), scope.document)) {
    const [first, end] = store.paragraphOf(id);
    let around = paragraphs.get(first);
    if (!around) paragraphs.set(first, (around = stats.matches(ids, first, end)));
    const cover = coverage(terms, stats.matches(ids, id, id + 1), around);
    covered.push({ id, base: sentenceWeight * cover.sentence + (1 - sentenceWeight) * cover.paragraph });
  }
  covered.sort((a, b) => b.base - a.base || a.id - b.id);
  const ranked: Ranked[] = [];
  const top = new TopScores(needed);
  const topMatched = new TopScores(needed);
  for (const { id, base } of covered) {
    if (top.beats(base + most) && topMatched.beats(base + most)) break;
    const chunk = store.chunk(id) as Chunk;
    const matched = matchedTokens(chunk, terms);
    const span = shortAnswer(chunk, question, matched, asked);
    const kindAdjustment = span ? KIND_BONUS * span.fit : isStrict(question.kind) ? -0.25 : -0.05;
    const negation = negationAgreement(chunk, matched, negatedAsked, affirmedAsked);
    const score = base + kindAdjustment + negation;
    ranked.push({ chunk, score, matched, span });
    top.add(score);
    if (matched.length > 0) topMatched.add(score);
  }
  return ranked.sort((a, b) => b.score - a.score || a.chunk.id - b.chunk.id);
}

/**
 * What a sentence gains when it negates a word the question negates too: *What
 * is not covered by the first phase?* asks for the sentence that says *It does
 * not cover ...*, not for the one that merely names the first phase.
 */
const SHARED_NEGATION_BONUS = 0.15;

/**
 * How far a sentence's negations agree with the question's: `SHARED_NEGATION_BONUS`
 * when it negates a word the question negates, minus as much when it negates a
 * word the question affirms (*It does not cover X* does not say what the deal
 * covers), 0 otherwise.
 */
function negationAgreement(chunk: Chunk, matched: readonly number[], negated: ReadonlySet<string>, affirmed: ReadonlySet<string>): number {
  let agreement = 0;
  for (const i of matched) {
    const term = chunk.tokens[i]?.term ?? '';
    if (!isNegated(chunk.tokens, i)) continue;
    if (negated.has(term)) return SHARED_NEGATION_BONUS;
    if (affirmed.has(term)) agreement = -SHARED_NEGATION_BONUS;
  }
  return agreement;
}

/** The terms of the question's negated words (`covered` in `What is not covered ...?`). */
function negatedTerms(tokens: readonly Token[]): Set<string> {
  return new Set(tokens.filter((token, i) => token.term && isNegated(tokens, i)).map((token) => token.term));
}

/** The best `size` scores seen so far. */
class TopScores {
  private readonly scores: number[] = [];

  constructor(private readonly size: number) {}

  add(score: number): void {
    let i = this.scores.length;
    while (i > 0 && (this.scores[i - 1] as number) < score) i--;
    this.scores.splice(i, 0, score);
    if (this.scores.length > this.size) this.scores.pop();
  }

  /** Whether every one of the best `size` scores is higher than `score` (never while fewer were seen). */
  beats(score: number): boolean {
    return this.scores.length >= this.size && (this.scores[this.size - 1] as number) > score;
  }
}

/** Further quotes worth showing after the best one: they share words with the question themselves and score at least half as well. */
function supporting(rest: readonly Ranked[], best: Ranked): Ranked[] {
  return rest.filter((r) => r.matched.length > 0 && r.score >= best.score / 2);
}

/** What retrieval looks up: the question's words, and for each word the article never uses, the article's words related to it. */
function queryTokens(terms: readonly WeightedTerm[]): Token[] {
  return terms.flatMap((t) => [t.token, ...[...t.related.related, ...t.related.opposite].map((term) => ({ ...t.token, term, word: term, stem: '' }))]);
}

/** Share of the question's weight that the article uses at all (a word only related to the article's counts in part). */
function knownShare(terms: readonly WeightedTerm[]): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const known = terms.reduce((sum, t) => sum + knownness(t) * t.weight, 0);
  return total === 0 ? 0 : known / total;
}

function quoteOf(context: AnswerContext, ranked: Ranked, terms: readonly WeightedTerm[]): Quote {
  const { chunk } = ranked;
  const document = context.documents[chunk.document] as SourceDocument;
  return {
    text: chunk.text,
    documentId: document.id,
    title: document.title,
    paragraph: chunk.paragraph,
    start: chunk.start,
    end: chunk.end,
    ...(document.meta === undefined ? {} : { meta: document.meta }),
    highlights: (ranked.matched.length ? ranked.matched : matchedTokens(chunk, terms)).map((i) => {
      const token = chunk.tokens[i];
      return [token?.start ?? chunk.start, token?.end ?? chunk.start] as [number, number];
    }),
  };
}

function clamp(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** The question's weighted terms, without the words that only frame a question for a name where the article lacks them. */
function askedTerms(question: Question, stats: CorpusStats): WeightedTerm[] {
  const terms = weighTerms(question.tokens, stats);
  const framing = question.name?.framing;
  return framing ? terms.filter((t) => t.known || !framing.includes(t.token.term)) : terms;
}

/** The passages that best match a query, best first, whatever kind of answer it asks for. */
export function search(context: AnswerContext, query: string, limit: number, options: AnswerOptions = {}, scope: Scope = {}): Quote[] {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const question = parseQuestion(query.slice(0, settings.maxQuestionLength));
  const terms = askedTerms(question, context.stats);
  if (terms.length === 0) return [];
  return rank(context, { ...question, kind: 'thing' }, terms, settings.sentenceWeight, scope, limit)
    .filter((r) => r.matched.length > 0)
    .slice(0, limit)
    .map((r) => quoteOf(context, r, terms));
}
