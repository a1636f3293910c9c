import type { Chunk } from '../chunk/chunk.js';
import type { Token } from '../chunk/token.js';
import { looseForm } from '../index/stats.js';
import type { Network } from './model.js';
import type { Question } from './question.js';
import { spanRows, type SpanCandidate } from './span-features.js';
import { candidates, isCapitalizedNoun, isCurrencySign, isRegnalNumber, type Candidate } from './spans.js';

/** A sentence's best short answer: its tokens `[first, last]`, offsets, and the span model's probability that it is the answer. */
export interface ShortAnswer {
  first: number;
  last: number;
  start: number;
  end: number;
  probability: number;
}

/**
 * The spans of a sentence that may answer the question: its candidates (see
 * `spans.ts`) trimmed of the question's own words and of the article's words
 * that stand for them (`alsoAsked`: a misspelling's correction, a compound,
 * `the paper` restating `newspaper`), each span once. None for a yes-or-no
 * question.
 */
export function answerSpans(chunk: Chunk, question: Question, alsoAsked: readonly string[] = [], spans: readonly Candidate[] = candidates(chunk.tokens)): SpanCandidate[] {
  // No span says yes or no: the quoted sentence is the answer.
  if (question.kind === 'confirmation') return [];
  const asked: Asked = { terms: new Set(question.content.map((t) => t.term).concat(alsoAsked)), loose: new Set(question.content.map(looseForm)) };
  const seen = new Set<number>();
  const out: SpanCandidate[] = [];
  const add = (span: SpanCandidate): void => {
    const key = span.first * 4096 + span.last;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(span);
  };
  for (const candidate of spans) {
    const trimmed = trimAsked(candidate, asked, chunk);
    if (!trimmed) continue;
    add(trimmed);
    // Readers often underline the noun the question names with the answer (`Class II MHC molecules` for *what kind of
    // molecules*): a span trimmed at its end only is a candidate whole too, and the model weighs how much of the
    // question it repeats. One trimmed at its start keeps it off: `SkyDrive to OneDrive` restates what was renamed.
    if (trimmed.first === candidate.first && trimmed.last !== candidate.last) add({ ...candidate, trimmed: false, askedShare: askedShareOf(chunk, asked, candidate.first, candidate.last) });
  }
  return out;
}

/**
 * The spans of a sentence that may answer the question: for a question for
 * what someone said (*What did Scheer say?*), only what the sentence reports
 * was said, when it reports something; every span otherwise. A rule, as a yes-or-no
 * question's having no span is: SQuAD asks what someone said 19 times in some
 * 14,000 questions (13 answerable), too few for the span model to learn the kind from, and our
 * conversation files' questions taught to it cost the other kinds (see
 * docs/experiments.md, session 30). Applied in `ask`, as the display rules
 * are: the span model is fitted, and cross-validated, on every span.
 */
export function spansAskedFor(question: Question, spans: readonly SpanCandidate[]): readonly SpanCandidate[] {
  if (question.kind !== 'statement' || !spans.some((span) => span.shape === 'statement')) return spans;
  return spans.filter((span) => span.shape === 'statement');
}

/**
 * The spans of a sentence that may answer a follow-up, less those inside a
 * name its reading put in (`readIn`, lower case: a name of the question as
 * read, outside brackets, and of the sentence) or the title before it, unless
 * the question asks who or what that is. Read as *What did Amsler blame?*,
 * *What did she blame?* asks about Petra Amsler, so *Chief executive Petra*,
 * what is left of her title and name once the question's words are trimmed,
 * is not what was asked. A rule of conversations, applied in `ask` as the
 * display rules are: SQuAD's questions name what they ask about, and the rest
 * of a name they name is often their answer (*Main Building* for a question
 * that names *Notre Dame*).
 */
export function spansBesideReferent(chunk: Chunk, question: Question, spans: readonly SpanCandidate[], readIn: ReadonlySet<string>): readonly SpanCandidate[] {
  // *Who is he?* read as *Who is the transport minister?* asks for the rest of the name (*Transport Minister Jon Eide*).
  if (question.kind === 'definition') return spans;
  const names = new Set<string>();
  let depth = 0;
  for (const token of question.tokens) {
    // What a demonstrative stands for, in brackets (*Who said so (the fire burned 70,000 hectares)?*), is not who is asked about.
    if (token.text === '(') depth++;
    else if (token.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && token.pos === 'PROPN' && readIn.has(token.text.toLowerCase())) names.add(token.text.toLowerCase());
  }
  if (names.size === 0) return spans;
  const tokens = chunk.tokens;
  const inName = new Uint8Array(tokens.length);
  tokens.forEach((token, i) => {
    if (token.pos !== 'PROPN' || !names.has(token.text.toLowerCase())) return;
    // The name, and the title written before it (*Chief executive*, *Festival director*): both say who she is.
    for (let j = i; j >= 0 && (tokens[j]?.pos === 'PROPN' || tokens[j]?.pos === 'NOUN' || tokens[j]?.pos === 'ADJ'); j--) inName[j] = 1;
    for (let k = i; k < tokens.length && tokens[k]?.pos === 'PROPN'; k++) inName[k] = 1;
  });
  return spans.filter((span) => !inName.subarray(span.first, span.last + 1).includes(1));
}

/**
 * The span the span model finds most likely to be the answer, with that
 * probability (its share of the softmax over the sentence's spans);
 * `undefined` when the sentence has no span left once the question's words are
 * trimmed. `matched`: the sentence's tokens that match a question word.
 */
export function bestSpan(chunk: Chunk, question: Question, matched: readonly number[], model: Network, spans: readonly SpanCandidate[]): ShortAnswer | undefined {
  if (spans.length === 0) return undefined;
  const rows = spanRows(chunk, question, matched, spans);
  let best = 0;
  const logits = spans.map((_span, s) => model.logit(rows, s * model.inputs));
  logits.forEach((logit, s) => {
    if (logit > (logits[best] as number)) best = s;
  });
  const top = logits[best] as number;
  const total = logits.reduce((sum, logit) => sum + Math.exp(logit - top), 0);
  const span = spans[best] as SpanCandidate;
  const first = chunk.tokens[span.first];
  const last = chunk.tokens[span.last];
  if (!first || !last) return undefined;
  return { first: span.first, last: span.last, start: first.start, end: last.end, probability: 1 / total };
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
function trimAsked(candidate: Candidate, asked: Asked, chunk: Chunk): SpanCandidate | undefined {
  let { first, last } = candidate;
  // What someone said is quoted whole (`These are steps ...`, `it is also a victim ...`), not trimmed to its nouns.
  const whole = candidate.shape === 'statement';
  // A currency sign has no term, but `£304m` is not `304m`.
  while (!whole && first <= last && skippable(chunk, asked, first) && !(candidate.shape === 'amount' && isCurrencySign(chunk.tokens[first]))) first++;
  // `I` of `Richard I` is a stop word to the tagger, not to the name; `%` of `6%` is the number's.
  while (!whole && last >= first && skippable(chunk, asked, last) && !isRegnalNumber(chunk.tokens, last) && !isNumbersSign(chunk.tokens, last)) last--;
  if (first > last) return undefined;
  // `Andrew` of `Andrew Scheer` when the question names Scheer, `Cisco` of `Cisco Systems`: what is left of a name is
  // no answer. What follows a title is one (`Justin Trudeau` after `Prime Minister` for *Who is the prime
  // minister?*): titles come first.
  const cutLeft = first > candidate.first && isNameWord(chunk, first - 1) && !TITLES.has(chunk.tokens[first - 1]?.term ?? '') && isNameWord(chunk, first);
  const cutRight = last < candidate.last && isNameWord(chunk, last + 1) && isNameWord(chunk, last);
  if (candidate.shape === 'name' && (cutLeft || cutRight)) return undefined;
  // Mostly question words inside: the span restates the question.
  const askedShare = askedShareOf(chunk, asked, first, last);
  if (askedShare > 0.5) return undefined;
  return { first, last, shape: candidate.shape, trimmed: first !== candidate.first || last !== candidate.last, askedShare };
}

/** Whether token `i` is a sign written onto the number before it (`%` of `6%`, `°` of `40°`): part of the amount. */
function isNumbersSign(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  return token?.pos === 'SYM' && before?.pos === 'NUM' && before.end === token.start;
}

/** Share of the content words of tokens `[first, last]` that are the question's (1 with none). */
function askedShareOf(chunk: Chunk, asked: Asked, first: number, last: number): number {
  let content = 0;
  let askedInside = 0;
  for (let i = first; i <= last; i++) {
    if (chunk.tokens[i]?.term) content++;
    if (isAsked(chunk, asked, i)) askedInside++;
  }
  return content === 0 ? 1 : askedInside / content;
}
