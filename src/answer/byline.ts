import { bylineName, nameAt } from '../ingest/byline.js';
import { sectionOf } from '../ingest/sections.js';
import type { Answer, Quote, SourceDocument } from '../types.js';
import type { Scope } from './candidates.js';
import { DOCUMENT, normalizeAsked } from './document-question.js';

/**
 * Questions about who wrote the document itself, after `normalizeAsked`: *Who wrote
 * the article?*, *Who is the author?*, *Who was it written by?*. *Who wrote the
 * letter?* asks about the text's content and is answered from it.
 */
const ASKS_FOR_AUTHOR = [
  new RegExp(String.raw`^who (?:wrote|writes|authored|penned|has written|did write) ${DOCUMENT}$`),
  new RegExp(String.raw`^who (?:is|was) the (?:author|writer|reporter|journalist)(?: of ${DOCUMENT})?$`),
  new RegExp(String.raw`^who (?:is|was) ${DOCUMENT} (?:written )?by$`),
  new RegExp(String.raw`^by whom (?:is|was) ${DOCUMENT} written$`),
];

/** Whether a question asks who wrote the document it is asked of. */
export function asksForAuthor(question: string): boolean {
  const normalized = normalizeAsked(question);
  return ASKS_FOR_AUTHOR.some((pattern) => pattern.test(normalized));
}

/**
 * A wire story's closing credits (*Reporting by Ana Ruiz in Lima; Editing by
 * Tom Hale*), in its last paragraph: who reported it, where a byline would
 * say who wrote it. Not an editor's line alone: editing is not writing.
 */
const CREDITS = /^(?:Additional )?(?:Reporting|Reported|Writing|Written) by\s+/;

/**
 * Answers *Who wrote the article?* from the bylines of the documents in scope,
 * or, for a document without one, from its closing credits: the first one's
 * name is the short answer and each is quoted (at most `maxQuotes`). The
 * document states it, so nothing is guessed: confidence 1. `undefined` when no
 * document in scope has either: the text may still say.
 */
export function authorAnswer(documents: readonly SourceDocument[], question: string, scope: Scope, maxQuotes: number): Answer | undefined {
  const inScope = scope.document === undefined ? documents : documents.slice(scope.document, scope.document + 1);
  const authors = inScope.flatMap((document) => authorOf(document) ?? []).slice(0, maxQuotes);
  const first = authors[0];
  if (!first) return undefined;
  return { question, answered: true, answer: first.name, confidence: 1, quotes: authors.map((a) => a.quote) };
}

/** A document's byline or closing credits, quoted, with the name they give first. */
function authorOf(document: SourceDocument): { name: string; quote: Quote } | undefined {
  const byline = document.meta?.byline;
  if (byline) return { name: bylineName(byline)?.text ?? '', quote: bylineQuote(document, byline) };
  const paragraph = document.paragraphs.length;
  const credits = document.paragraphs[paragraph - 1] ?? '';
  const opening = CREDITS.exec(credits);
  const name = opening ? nameAt(credits, opening[0].length) : undefined;
  if (!name) return undefined;
  const section = sectionOf(document, paragraph);
  const quote: Quote = {
    text: credits,
    documentId: document.id,
    title: document.title,
    paragraph,
    ...(section === undefined ? {} : { section }),
    start: 0,
    end: credits.length,
    highlights: [[name.start, name.end]],
    ...(document.meta === undefined ? {} : { meta: document.meta }),
  };
  return { name: name.text, quote };
}

function bylineQuote(document: SourceDocument, text: string): Quote {
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
