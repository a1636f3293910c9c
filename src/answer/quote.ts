import type { Chunk } from '../chunk/chunk.js';
import { labelOf, sectionOf } from '../ingest/sections.js';
import type { Quote, SourceDocument } from '../types.js';
import type { AnswerContext } from './candidates.js';

/** A sentence of the context as a quote, its tokens `matched` (positions in the chunk) highlighted. */
export function quoteOf(context: AnswerContext, chunk: Chunk, matched: readonly number[]): Quote {
  const document = context.documents[chunk.document] as SourceDocument;
  const section = sectionOf(document, chunk.paragraph);
  const header = labelOf(document, chunk.paragraph);
  return {
    text: chunk.text,
    documentId: document.id,
    title: document.title,
    paragraph: chunk.paragraph,
    ...(section === undefined ? {} : { section }),
    ...(header === undefined ? {} : { header }),
    start: chunk.start,
    end: chunk.end,
    ...(document.meta === undefined ? {} : { meta: document.meta }),
    highlights: matched.map((i) => {
      const token = chunk.tokens[i];
      return [token?.start ?? chunk.start, token?.end ?? chunk.start] as [number, number];
    }),
  };
}
