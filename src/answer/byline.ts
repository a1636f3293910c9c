import { bylineName } from '../ingest/byline.js';
import type { Answer, Quote, SourceDocument } from '../types.js';
import type { Scope } from './candidates.js';

/** What a question may call the document itself. */
const DOCUMENT = String.raw`(?:it|this|that|(?:the|this|that) (?:article|story|piece|post|blog post|page|report|document|text|column|essay|news (?:story|article|report)))`;

/**
 * Questions about who wrote the document itself, after `normalize`: *Who wrote
 * the article?*, *Who is the author?*, *Who was it written by?*. *Who wrote the
 * letter?* asks about the text's content and is answered from it.
 */
const ASKS_FOR_AUTHOR = [
  new RegExp(String.raw`^who (?:wrote|writes|authored|penned|has written|did write) ${DOCUMENT}$`),
  new RegExp(String.raw`^who (?:is|was) the (?:author|writer|reporter|journalist)(?: of ${DOCUMENT})?$`),
  new RegExp(String.raw`^who (?:is|was) ${DOCUMENT} (?:written )?by$`),
  new RegExp(String.raw`^by whom (?:is|was) ${DOCUMENT} written$`),
];

/** Lower case, curly apostrophes straight, `who's` spelled out, punctuation gone, spaces collapsed. */
function normalize(question: string): string {
  return question
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\bwho's\b/g, 'who is')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a question asks who wrote the document it is asked of. */
export function asksForAuthor(question: string): boolean {
  const normalized = normalize(question);
  return ASKS_FOR_AUTHOR.some((pattern) => pattern.test(normalized));
}

/**
 * Answers *Who wrote the article?* from the bylines of the documents in scope:
 * the first byline's name is the short answer and each byline is quoted (at
 * most `maxQuotes`). The byline states it, so nothing is guessed: confidence 1.
 * `undefined` when no document in scope has a byline: the text may still say.
 */
export function authorAnswer(documents: readonly SourceDocument[], question: string, scope: Scope, maxQuotes: number): Answer | undefined {
  const inScope = scope.document === undefined ? documents : documents.slice(scope.document, scope.document + 1);
  const quotes = inScope.filter((d) => d.meta?.byline).slice(0, maxQuotes).map(bylineQuote);
  const first = quotes[0];
  if (!first) return undefined;
  return { question, answered: true, answer: bylineName(first.text)?.text ?? '', confidence: 1, quotes };
}

function bylineQuote(document: SourceDocument): Quote {
  const text = document.meta?.byline ?? '';
  return {
    text,
    documentId: document.id,
    title: document.title,
    paragraph: 0,
    byline: true,
    start: 0,
    end: text.length,
    highlights: [],
    ...(document.meta === undefined ? {} : { meta: document.meta }),
  };
}
