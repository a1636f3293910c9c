import type { Chunk } from '../chunk/chunk.js';
import type { ChunkStore } from '../chunk/store.js';
import { isNegated } from '../chunk/negation.js';
import type { Token } from '../chunk/token.js';
import type { CorpusStats, Match, WordIds } from '../index/stats.js';
import type { Retrieved, SearchIndex } from '../index/search-index.js';
import type { SourceDocument } from '../types.js';
import { askedWords, weighTerms, termIds, termLookup, type TermLookup, type WeightedTerm } from './evidence.js';
import { headingMatches, headingsAt, headingsOf, headingsSaying, inHeadings, withHeading, type Heading, type Headings } from './headings.js';
import type { Question } from './question.js';
import { candidates as spanCandidates, type Candidate as SpanCandidate } from './spans.js';

/** What answering reads: the documents, their sentence chunks, statistics and index. */
export interface AnswerContext {
  documents: readonly SourceDocument[];
  store: ChunkStore;
  stats: CorpusStats;
  index: SearchIndex;
}

/** Which documents a question is asked of: all (default), or the one at this index of `context.documents`. */
export interface Scope {
  document?: number;
  /** In a conversation, where the previous answer was quoted from (document index, paragraph, the sentence's offset in it): its neighbourhood ranks higher. */
  near?: { document: number; paragraph: number; start: number };
  /** In a conversation, the words (lower case) a follow-up's reading put in: they weigh `Locality.referent` of their rarity. */
  readIn?: ReadonlySet<string>;
}

/** Words a follow-up's reading put in, and the share of their weight they keep (see `Locality.referent`). */
export interface ReadIn {
  words: ReadonlySet<string>;
  weight: number;
}

/** Whether a reading put the term in: its surface word, or every word of a name the tagger joined (`night star`). */
function isReadIn(term: WeightedTerm, words: ReadonlySet<string>): boolean {
  if (words.has(term.token.word) || words.has(term.token.term)) return true;
  const parts = term.token.term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return parts.length > 1 && parts.every((part) => words.has(part));
}

/** A question with what the article knows of its words, worked out once per question. */
export interface AskedQuestion {
  question: Question;
  /** The question's distinct content words, weighted by rarity. */
  terms: WeightedTerm[];
  /** `terms` as lexicon ids, for matching against the token columns. */
  ids: WordIds[];
  /** `terms` as sets of words, for finding them in a sentence's tokens. */
  lookup: TermLookup;
  /** The article's words that stand for the question's (corrections, compounds, related words). */
  asked: string[];
  /** Terms the question negates (`covered` in *What is not covered?*) and those it affirms. */
  negated: Set<string>;
  affirmed: Set<string>;
  /** Share of the question's weight that the article uses, and share it knows only by words related to it. */
  known: number;
  knownRelated: number;
}

/** A retrieved sentence with how it and its paragraph match each question word. */
export interface CandidateSentence {
  chunk: Chunk;
  /** MiniSearch's BM25+ score (0 when the sentence shares no word with the question), and the sum of its paragraph's and of the sentences before and after it. */
  bm25: number;
  paragraphBm25: number;
  windowBm25: number;
  /** Per question word: how the sentence, its paragraph, and the sentences before and after it match it. */
  sentence: Match[];
  paragraph: Match[];
  previous: Match[];
  next: Match[];
  /** Position of the sentence in its paragraph (from 0) and the paragraph's size in sentences. */
  indexInParagraph: number;
  paragraphSentences: number;
  /** The spans of the sentence that may be a short answer (see `spans.ts`). */
  spans: readonly SpanCandidate[];
}

/** Most sentences whose spans are remembered per corpus (a few MB): the same sentences come up question after question. */
const MAX_REMEMBERED_SPANS = 4_000;
const rememberedSpans = new WeakMap<ChunkStore, Map<number, readonly SpanCandidate[]>>();

/** The span candidates of a sentence, worked out once per corpus (they depend on the sentence alone). */
function spansOf(store: ChunkStore, chunk: Chunk): readonly SpanCandidate[] {
  let memo = rememberedSpans.get(store);
  if (!memo) rememberedSpans.set(store, (memo = new Map()));
  let spans = memo.get(chunk.id);
  if (!spans) {
    spans = spanCandidates(chunk.tokens);
    if (memo.size >= MAX_REMEMBERED_SPANS) memo.clear();
    memo.set(chunk.id, spans);
  }
  return spans;
}

/** Analyses a question against the article's vocabulary. */
export function askQuestion(question: Question, { stats, store }: Pick<AnswerContext, 'stats' | 'store'>, readIn?: ReadIn): AskedQuestion {
  const asked = askedTerms(question, stats, headingsOf(store));
  const terms = readIn ? asked.map((t) => (isReadIn(t, readIn.words) ? { ...t, weight: t.weight * readIn.weight } : t)) : asked;
  const negated = new Set(question.tokens.filter((token, i) => token.term && isNegated(question.tokens, i)).map((token) => token.term));
  const affirmed = new Set(question.content.map((token) => token.term).filter((term) => !negated.has(term)));
  return { question, terms, ids: termIds(terms, stats), lookup: termLookup(terms), asked: askedWords(terms), negated, affirmed, known: weightShare(terms, (t) => t.known), knownRelated: weightShare(terms, (t) => !t.known && hasRelated(t)) };
}

/**
 * The sentences worth scoring: MiniSearch's best sentences for the question's
 * words (and, for a word the article lacks, its related words) and the other
 * sentences of their paragraphs, each with how it matches the question.
 */
export function candidateSentences(context: AnswerContext, asked: AskedQuestion, scope: Scope = {}): CandidateSentence[] {
  const { store, stats } = context;
  const headings = headingsOf(store);
  const headingMatched = new Map<Heading, Match[]>();
  // Each sentence matched as if its headings (its section's, its table's) came before it (see `headings.ts`).
  const matches = (first: number, end: number): Match[] => {
    let out = stats.matches(asked.ids, first, end);
    for (const heading of headingsAt(headings, first)) {
      let theirs = headingMatched.get(heading);
      if (!theirs) headingMatched.set(heading, (theirs = headingMatches(heading, asked.terms)));
      out = withHeading(out, theirs);
    }
    return out;
  };
  const paragraphs = new Map<number, Match[]>();
  const out: CandidateSentence[] = [];
  const retrieved = [...context.index.candidates(queryTokens(asked.terms), scope.document), ...headedSentences(context, headings, asked, scope)];
  // Retrieval returns whole paragraphs, so each sentence's neighbours in its paragraph are among them.
  const scores = new Map<number, number>();
  for (const { id, score } of retrieved) if (!scores.has(id)) scores.set(id, score);
  const paragraphScores = new Map<number, number>();
  for (const [id, score] of scores) {
    const [first, end] = store.paragraphOf(id);
    let around = paragraphs.get(first);
    if (!around) paragraphs.set(first, (around = matches(first, end)));
    const none = asked.ids.map((): Match => 'none');
    let paragraphBm25 = paragraphScores.get(first);
    if (paragraphBm25 === undefined) {
      paragraphBm25 = 0;
      for (let sibling = first; sibling < end; sibling++) paragraphBm25 += scores.get(sibling) ?? 0;
      paragraphScores.set(first, paragraphBm25);
    }
    const windowBm25 = score + (id > first ? (scores.get(id - 1) ?? 0) : 0) + (id + 1 < end ? (scores.get(id + 1) ?? 0) : 0);
    const chunk = store.chunk(id) as Chunk;
    out.push({
      chunk,
      spans: spansOf(store, chunk),
      bm25: score,
      paragraphBm25,
      windowBm25,
      sentence: matches(id, id + 1),
      paragraph: around,
      previous: id > first ? matches(id - 1, id) : none,
      next: id + 1 < end ? matches(id + 1, id + 2) : none,
      indexInParagraph: id - first,
      paragraphSentences: end - first,
    });
  }
  return out;
}

/** Most sentences the headings named by a question's words add to the candidates (whole paragraphs, the best-named heading's first). */
const MAX_HEADED_SENTENCES = 12;
/**
 * Least share of the question's weight a heading must say for what it heads
 * to be added: a heading names its section's topic, so one that says most of
 * the question (*Opening hours*) is worth reading whole, while one word in common
 * (*release* in every changelog's headings) is retrieval's to weigh, by the sentences' own words.
 */
const MIN_HEADING_SHARE = 0.5;

/**
 * The sentences under the headings (sections', tables') that say most of the
 * question, the best-named first, which retrieval by the sentences' own words
 * misses: *Saturday: 10 a.m. to 4 p.m.* under *Opening hours*. No score of
 * their own: what they match is the ranker's to weigh.
 */
function headedSentences(context: AnswerContext, headings: Headings, asked: AskedQuestion, scope: Scope): Retrieved[] {
  const { store } = context;
  const least = MIN_HEADING_SHARE * asked.terms.reduce((sum, t) => sum + t.weight, 0);
  const named = headingsSaying(headings, asked.terms, least).filter((heading) => scope.document === undefined || store.columns.chunkDocument[heading.first] === scope.document);
  const out: Retrieved[] = [];
  for (const heading of named) {
    if (out.length >= MAX_HEADED_SENTENCES) break;
    // Whole paragraphs, as retrieval hands them over.
    let end = Math.min(heading.end, heading.first + MAX_HEADED_SENTENCES - out.length);
    if (end < heading.end) end = store.paragraphOf(end - 1)[1];
    for (let id = heading.first; id < end; id++) out.push({ id, score: 0 });
  }
  return out;
}

/** What retrieval looks up: the question's words, and for each word the article never uses, the article's words related to it. */
function queryTokens(terms: readonly WeightedTerm[]): Token[] {
  return terms.flatMap((t) => (t.known ? [t.token] : [t.token, ...[...t.related.related, ...t.related.opposite].map((term) => ({ ...t.token, term, word: term, stem: '' }))]));
}

/** Share of the question's weight in the terms that pass `test`. */
function weightShare(terms: readonly WeightedTerm[], test: (term: WeightedTerm) => boolean): number {
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  const found = terms.reduce((sum, t) => sum + (test(t) ? t.weight : 0), 0);
  return total === 0 ? 0 : found / total;
}

function hasRelated(term: WeightedTerm): boolean {
  return term.related.related.length > 0 || term.related.opposite.length > 0;
}

/** The question's weighted terms, without the words that only frame a question for a name where the article lacks them. */
function askedTerms(question: Question, stats: CorpusStats, headings: Headings): WeightedTerm[] {
  const terms = weighTerms(question.tokens, stats, (token) => inHeadings(headings, token));
  const framing = question.name?.framing;
  return framing ? terms.filter((t) => t.known || !framing.includes(t.token.term)) : terms;
}
