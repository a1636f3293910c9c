import type { Chunk } from '../chunk/chunk.js';
import type { ChunkStore } from '../chunk/store.js';
import { askedWords, matchedTokens, type WeightedTerm } from './evidence.js';
import type { Question } from './question.js';
import { shortAnswer, type ShortAnswer } from './short-answer.js';

/** Determiners that make a noun refer back to something named before: `the paper`, `this company`. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

/** How many sentences back the name a definite description refers to is looked for. */
const REACH = 3;

/** A sentence that names the answer, with its matched tokens and short answer. */
export interface Antecedent {
  chunk: Chunk;
  matched: number[];
  span: ShortAnswer;
}

/**
 * The sentence naming what the best sentence only describes. A `which X`
 * question whose best sentence says `the X` (or a word related to X) without a
 * name that fits (`... told the paper, which first reported the agreement` for
 * `Which newspaper broke the story?`) asks for what `the X` refers to: a name
 * given shortly before. That is the nearest of the `REACH` sentences before it,
 * in the same document, that shares words with the question and whose short
 * answer fits it fully (`the Globe and Mail reported on Monday`).
 */
export function antecedent(store: ChunkStore, question: Question, terms: readonly WeightedTerm[], best: Chunk, span: ShortAnswer | undefined): Antecedent | undefined {
  if (question.focus === undefined || (span && span.fit >= 1)) return undefined;
  const focus = terms.find((t) => t.token.term === question.focus);
  if (!focus || !describes(best, new Set([focus.token.term, ...focus.related.related]))) return undefined;
  const asked = askedWords(terms);
  for (let id = best.id - 1; id >= 0 && id >= best.id - REACH; id--) {
    const chunk = store.chunk(id) as Chunk;
    if (chunk.document !== best.document) break;
    const matched = matchedTokens(chunk, terms);
    if (matched.length === 0) continue;
    const found = shortAnswer(chunk, question, matched, asked);
    if (found && found.fit >= 1) return { chunk, matched, span: found };
  }
  return undefined;
}

/** Whether the sentence has a definite description made of one of `nouns`: `the paper`. */
function describes(chunk: Chunk, nouns: ReadonlySet<string>): boolean {
  return chunk.tokens.some((token, i) => token.pos === 'NOUN' && nouns.has(token.term) && DEFINITE.has(chunk.tokens[i - 1]?.text.toLowerCase() ?? ''));
}
