import type { Chunk } from '../chunk/chunk.js';
import type { ChunkStore } from '../chunk/store.js';
import type { CorpusStats } from '../index/stats.js';
import type { SearchIndex } from '../index/search-index.js';
import type { Answer, Quote, SourceDocument } from '../types.js';
import { coverage, matchedTokens, termIds, weighTerms, type WeightedTerm } from './evidence.js';
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
  const terms = weighTerms(question.content, context.stats);
  if (rawQuestion.trim() === '') return declined('The question is empty.');
  if (terms.length === 0) return declined('The question has no words to look up in the article.');

  const ranked = rank(context, question, terms, settings.sentenceWeight, scope);
  const best = ranked[0];
  const known = knownShare(terms);
  if (!best || known < settings.minCoverage || terms.some((t) => !t.known && t.token.pos === 'PROPN')) {
    return declined(declineReason(question, missingPhrases(question, terms)), ranked);
  }
  const lacksKind = isStrict(question.kind) && !best.span;
  if (best.score < settings.minScore || lacksKind) {
    return declined(declineReason(question, missingPhrases(question, terms), lacksKind), ranked, clamp(best.score));
  }
  return {
    question: rawQuestion,
    answered: true,
    answer: best.span ? best.chunk.text.slice(best.span.start - best.chunk.start, best.span.end - best.chunk.start) : '',
    confidence: clamp(best.score * (0.5 + 0.5 * known)),
    quotes: [best, ...supporting(ranked.slice(1), best)].slice(0, settings.maxQuotes).map((r) => quoteOf(context, r, terms)),
  };
}

/** Ranks retrieved sentences by their own and their paragraph's coverage of the question and by whether they hold an answer of the right kind. */
function rank(context: AnswerContext, question: Question, terms: readonly WeightedTerm[], sentenceWeight: number, scope: Scope = {}): Ranked[] {
  const found = context.index.candidates(terms.map((t) => t.token));
  const ids = termIds(terms, context.stats);
  const ranked: Ranked[] = [];
  for (const id of found) {
    const chunk = context.store.chunk(id);
    if (!chunk) continue;
    if (scope.document !== undefined && chunk.document !== scope.document) continue;
    const cover = coverage(terms, ids, context.stats, context.store.paragraphOf(id), id);
    const matched = matchedTokens(chunk, terms);
    const span = shortAnswer(chunk, question, matched);
    const kindAdjustment = span ? 0.08 * span.fit : isStrict(question.kind) ? -0.25 : -0.05;
    const score = sentenceWeight * cover.sentence + (1 - sentenceWeight) * cover.paragraph + kindAdjustment;
    ranked.push({ chunk, score, matched, span });
  }
  return ranked.sort((a, b) => b.score - a.score || a.chunk.id - b.chunk.id);
}

/** Further quotes worth showing after the best one: they share words with the question themselves and score at least half as well. */
function supporting(rest: readonly Ranked[], best: Ranked): Ranked[] {
  return rest.filter((r) => r.matched.length > 0 && r.score >= best.score / 2);
}

/** Share of the question's weight that the article uses at all. */
function knownShare(terms: readonly WeightedTerm[]): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const known = terms.reduce((sum, t) => sum + (t.known ? t.weight : 0), 0);
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

/** The passages that best match a query, best first, whatever kind of answer it asks for. */
export function search(context: AnswerContext, query: string, limit: number, options: AnswerOptions = {}, scope: Scope = {}): Quote[] {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options };
  const question = parseQuestion(query.slice(0, settings.maxQuestionLength));
  const terms = weighTerms(question.content, context.stats);
  if (terms.length === 0) return [];
  return rank(context, { ...question, kind: 'thing' }, terms, settings.sentenceWeight, scope)
    .filter((r) => r.matched.length > 0)
    .slice(0, limit)
    .map((r) => quoteOf(context, r, terms));
}
