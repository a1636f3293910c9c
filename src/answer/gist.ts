import type { Answer } from '../types.js';
import type { AnswerContext, Scope } from './candidates.js';
import { DOCUMENT, normalizeAsked } from './document-question.js';
import { quoteOf } from './quote.js';

/**
 * Questions for what the document itself is about, after `normalizeAsked`:
 * *What is this article about?*, *Summarize the article*, *tl;dr*. *What is
 * the treaty about?* asks about its content and is answered from it.
 */
const ASKS_FOR_GIST = [
  new RegExp(String.raw`^what (?:is|was) ${DOCUMENT} (?:all )?about$`),
  new RegExp(String.raw`^what does ${DOCUMENT} (?:say|cover|report)$`),
  new RegExp(String.raw`^(?:please )?(?:summari[sz]e|sum up) ${DOCUMENT}(?: please)?$`),
  new RegExp(String.raw`^(?:what is |give me )?(?:a |the )?(?:summary|gist|main point|short version)(?: of ${DOCUMENT})?$`),
  /^tl ?dr$/,
  // A news story's lead says what happened; *What happened to the levy?* asks about its content.
  /^what (?:has )?happened$/,
  /^what is (?:happening|going on)$/,
  // As a request, naming the document (*Tell me about the article*): *Tell me about it* is about what was just asked.
  new RegExp(String.raw`^(?:(?:can|could) you )?(?:tell (?:me|us) (?:more )?about|explain|describe) (?:the|this) (?:article|story|piece|post|page|report|document|text)$`),
];

/** Whether a question asks what the document it is asked of is about. */
export function asksForGist(question: string): boolean {
  const normalized = normalizeAsked(question);
  return ASKS_FOR_GIST.some((pattern) => pattern.test(normalized));
}

/**
 * Answers *What is this article about?* with the opening sentence of each
 * document in scope (at most `maxQuotes`, in library order): a news story's
 * lead says what it is about, and a page's first sentence what it is. Nothing
 * is ranked or guessed, so confidence 1, and no short answer (the quote is the
 * answer). `undefined` when no document in scope has a sentence.
 */
export function gistAnswer(context: AnswerContext, question: string, scope: Scope, maxQuotes: number): Answer | undefined {
  const { documents, store } = context;
  const inScope = scope.document === undefined ? documents.map((_, i) => i) : [scope.document];
  const quotes = inScope
    .slice(0, maxQuotes)
    .flatMap((document) => {
      const first = store.firstOf(document);
      const chunk = first === undefined ? undefined : store.chunk(first);
      return chunk ? [quoteOf(context, chunk, [])] : [];
    });
  if (quotes.length === 0) return undefined;
  return { question, answered: true, answer: '', confidence: 1, quotes };
}
