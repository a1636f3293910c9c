import type { Chunk } from '../chunk/chunk.js';
import { looseForm } from '../index/stats.js';
import type { Question } from './question.js';
import { candidates, fit, isCapitalizedNoun, isCurrencySign, isRegnalNumber, type Candidate } from './spans.js';

/** The best short answer in a sentence, with how well it fits; `undefined` when no span fits. */
export interface ShortAnswer {
  first: number;
  last: number;
  start: number;
  end: number;
  fit: number;
  score: number;
}

/**
 * Picks the span of a sentence that answers the question: of the right shape
 * for the question word, not made of the question's own words nor of the
 * article's words that stand for them (`alsoAsked`: a misspelling's correction,
 * a compound, `the paper` restating `newspaper`), and close to the words the
 * question and the sentence share.
 */
export function shortAnswer(
  chunk: Chunk,
  question: Question,
  matched: readonly number[],
  alsoAsked: readonly string[] = [],
  spans: readonly Candidate[] = candidates(chunk.tokens),
): ShortAnswer | undefined {
  const asked: Asked = { terms: new Set(question.content.map((t) => t.term).concat(alsoAsked)), loose: new Set(question.content.map(looseForm)) };
  let best: ShortAnswer | undefined;
  for (const candidate of spans) {
    let trimmed = trimAsked(candidate, asked, chunk);
    if (!trimmed) continue;
    // A question for a name picks its span as a question for any named thing does.
    let shapeFit = fit(question.name ? 'entity' : question.kind, trimmed.shape);
    // *What year ...?* asks for the year of a date (`2014` of `November 2014`), and a date without one answers it less well.
    if (question.focus === 'year' && trimmed.shape === 'date') {
      const year = yearIn(chunk, trimmed);
      if (year === undefined) shapeFit *= 0.5;
      else trimmed = { first: year, last: year, shape: 'date' };
    }
    if (shapeFit === 0) continue;
    // A reason clause marks itself (`because`, `as`) and often follows the whole statement it explains: how far it
    // stands from the question's words says little once it is past the first few words.
    const distance = Math.min(distanceTo(trimmed, matched), trimmed.shape === 'clause' || trimmed.shape === 'statement' ? CLAUSE_REACH : 12);
    const length = trimmed.last - trimmed.first + 1;
    const score = shapeFit - 0.06 * distance - 0.015 * Math.max(0, length - 4) + adjacency(trimmed, chunk, matched, question);
    if (!best || score > best.score) {
      const first = chunk.tokens[trimmed.first];
      const last = chunk.tokens[trimmed.last];
      if (!first || !last) continue;
      best = { first: trimmed.first, last: trimmed.last, start: first.start, end: last.end, fit: shapeFit, score };
    }
  }
  return best;
}

/** The position of a year (three or four digits) in a span, if it holds one. */
function yearIn(chunk: Chunk, span: Candidate): number | undefined {
  for (let i = span.first; i <= span.last; i++) if (/^\d{3,4}$/.test(chunk.tokens[i]?.text ?? '')) return i;
  return undefined;
}

/** The question's terms and loose forms. */
interface Asked {
  terms: Set<string>;
  loose: Set<string>;
}

// Plain functions rather than closures made per call: this runs for every span of every ranked sentence.
function isAsked(chunk: Chunk, asked: Asked, i: number): boolean {
  const token = chunk.tokens[i];
  return token !== undefined && token.term !== '' && (asked.terms.has(token.term) || asked.loose.has(looseForm(token)));
}

function skippable(chunk: Chunk, asked: Asked, i: number): boolean {
  return isAsked(chunk, asked, i) || chunk.tokens[i]?.term === '';
}

/**
 * Whether token `i` is a word of a name: a proper noun (not a ticker such as
 * `NII.TO`, which stands on its own), a capitalized noun inside a sentence, or
 * a regnal number (`Richard I`).
 */
function isNameWord(chunk: Chunk, i: number): boolean {
  const token = chunk.tokens[i];
  return (token?.pos === 'PROPN' && !token.text.includes('.')) || isCapitalizedNoun(chunk.tokens, i) || isRegnalNumber(chunk.tokens, i);
}

/** Words of the titles written before a name (`Prime Minister Justin Trudeau`, `Chief Executive Christian Bruch`). */
const TITLES = new Set([
  'prime', 'minister', 'president', 'vice', 'secretary', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'duke', 'duchess',
  'earl', 'count', 'countess', 'lord', 'lady', 'sir', 'dame', 'pope', 'bishop', 'archbishop', 'cardinal', 'emperor', 'empress', 'sultan',
  'chief', 'executive', 'officer', 'chairman', 'chairwoman', 'chair', 'director', 'governor', 'senator', 'mayor', 'general', 'admiral',
  'colonel', 'captain', 'lieutenant', 'sergeant', 'judge', 'justice', 'commissioner', 'ambassador', 'leader', 'spokesman', 'spokeswoman',
  'professor', 'doctor', 'dr', 'mr', 'mrs', 'ms', 'saint', 'st', 'transport', 'foreign', 'finance', 'defence', 'defense', 'health',
]);

/** Drops question words at the edges of a span (`Norsat International Inc NII.TO` -> `NII.TO`); none left means no answer. */
function trimAsked(candidate: Candidate, asked: Asked, chunk: Chunk): Candidate | undefined {
  let { first, last } = candidate;
  // What someone said is quoted whole (`These are steps ...`, `it is also a victim ...`), not trimmed to its nouns.
  const whole = candidate.shape === 'statement';
  // A currency sign has no term, but `£304m` is not `304m`.
  while (!whole && first <= last && skippable(chunk, asked, first) && !(candidate.shape === 'amount' && isCurrencySign(chunk.tokens[first]))) first++;
  // `I` of `Richard I` is a stop word to the tagger, not to the name.
  while (!whole && last >= first && skippable(chunk, asked, last) && !isRegnalNumber(chunk.tokens, last)) last--;
  if (first > last) return undefined;
  // `Andrew` of `Andrew Scheer` when the question names Scheer, `Cisco` of `Cisco Systems`: what is left of a name is
  // no answer. What follows a title is one (`Justin Trudeau` after `Prime Minister` for *Who is the prime
  // minister?*): titles come first.
  const cutLeft = first > candidate.first && isNameWord(chunk, first - 1) && !TITLES.has(chunk.tokens[first - 1]?.term ?? '') && isNameWord(chunk, first);
  const cutRight = last < candidate.last && isNameWord(chunk, last + 1) && isNameWord(chunk, last);
  if (candidate.shape === 'name' && (cutLeft || cutRight)) return undefined;
  // Mostly question words inside: the span restates the question.
  let content = 0;
  let askedInside = 0;
  for (let i = first; i <= last; i++) {
    if (chunk.tokens[i]?.term) content++;
    if (isAsked(chunk, asked, i)) askedInside++;
  }
  if (content === 0 || askedInside * 2 > content) return undefined;
  return { first, last, shape: candidate.shape };
}

/** The farthest a clause counts as standing from the question's words (see `shortAnswer`). */
const CLAUSE_REACH = 4;

const ADVERBIAL = new Set(['place', 'date', 'duration']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'across', 'throughout', 'outside', 'inside', 'within', 'towards', 'toward']);
const TIME_PREPOSITIONS = new Set(['in', 'on', 'since', 'by', 'during', 'until', 'before', 'after', 'from', 'around', 'circa']);

/** Forms of `be` that make the verb after them passive. */
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** Whether the verb at `v` is passive: a form of `be` right before it, or before an adverb right before it (`was later bought`). */
function isPassive(chunk: Chunk, v: number): boolean {
  for (let i = v - 1; i >= 0 && i >= v - 2; i--) {
    const token = chunk.tokens[i];
    if (token && BE.has(token.text.toLowerCase())) return true;
    if (token?.pos !== 'ADV') return false;
  }
  return false;
}

/** Whether tokens `[from, to)` can open the noun phrase a candidate ends: `Danish investor` before `Copenhagen Infrastructure Partners`. */
function withinNounPhrase(chunk: Chunk, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(chunk.tokens[i]?.pos ?? '')) return false;
  }
  return true;
}

/** Whether tokens `[from, to)` are only light words (particles, adverbs, auxiliaries) that may stand between a verb and its subject or object. */
function onlyLight(chunk: Chunk, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!['PART', 'ADV', 'AUX', 'DET'].includes(chunk.tokens[i]?.pos ?? '')) return false;
  }
  return true;
}

function distanceTo(candidate: Candidate, matched: readonly number[]): number {
  let best = Infinity;
  for (const i of matched) {
    const d = i < candidate.first ? candidate.first - i - 1 : i > candidate.last ? i - candidate.last - 1 : 0;
    best = Math.min(best, d);
  }
  return best === Infinity ? 6 : best;
}

/**
 * Syntax hints for the span's role: for `who`/`what` questions the answer
 * usually sits just before the shared verb (subject) or right after it (object);
 * for `who is X` it is the phrase next to X.
 */
function adjacency(candidate: Candidate, chunk: Chunk, matched: readonly number[], question: Question): number {
  const before = chunk.tokens[candidate.first - 1];
  if (question.kind === 'definition') {
    return matched.includes(candidate.last + 1) || matched.includes(candidate.first - 1) || (before?.text === ',' && matched.includes(candidate.first - 2)) ? 0.3 : 0;
  }
  let bonus = 0;
  // Places and dates are adverbials: where they sit relative to the verb says little.
  const verbs = ADVERBIAL.has(question.kind) ? [] : matched.filter((i) => chunk.tokens[i]?.pos === 'VERB');
  for (const v of verbs) {
    const gapBefore = v - candidate.last - 1;
    const gapAfter = candidate.first - v - 1;
    if (question.role !== 'object' && gapBefore >= 0 && gapBefore <= 3 && onlyLight(chunk, candidate.last + 1, v)) bonus += 0.12;
    if (question.role !== 'subject' && gapAfter >= 0 && gapAfter <= 3 && onlyLight(chunk, v + 1, candidate.first)) bonus += 0.12;
    // `which is being developed by Danish investor X`: a passive verb's doer is the one after `by`.
    if (question.role !== 'object' && gapAfter >= 1 && gapAfter <= 4 && isPassive(chunk, v) && chunk.tokens[v + 1]?.text.toLowerCase() === 'by' && withinNounPhrase(chunk, v + 2, candidate.first)) bonus += 0.2;
  }
  const preposition = before?.text.toLowerCase() ?? '';
  if (question.kind === 'place' && PLACE_PREPOSITIONS.has(preposition)) bonus += 0.2;
  if (question.kind === 'date' && TIME_PREPOSITIONS.has(preposition)) bonus += 0.1;
  // `Michael Martina in Beijing`: a place or date attaches to the word right before its preposition.
  if (ADVERBIAL.has(question.kind) && before?.pos === 'ADP' && matched.includes(candidate.first - 2)) bonus += 0.1;
  return bonus;
}
