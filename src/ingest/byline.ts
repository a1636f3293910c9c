import type { SourceDocument } from '../types.js';
import { afterFirstParagraph } from './sections.js';

/**
 * A name in a byline: capitalized words, which may be joined by `and` or a
 * particle (`de`, `van`, `bin`): `Maria Delgado`, `Ana de la Cruz and Tom Lee`.
 * A comma ends it: what follows is a role or a second byline part.
 */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:(?:\s+(?:and|&|de|del|la|le|van|von|der|da|di|bin|al))*\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,6}`;

/**
 * `By NAME`, then nothing, or a separator and a short label that starts with
 * a capital or a digit (`, Staff Writer`, `| March 3, 2024`, `— Reuters`).
 * *By Monday, officials had agreed* is prose: what follows the comma is not a label.
 */
// No `i` flag: it would make `\p{Lu}` match lower case too.
const BY = String.raw`(?:[Ww]ritten\s+|WRITTEN\s+)?(?:[Bb]y|BY)\s+`;
const BYLINE = new RegExp(String.raw`^${BY}(${NAME})\s*(?:$|[,|·•—–]\s*[\p{Lu}\p{N}][^.!?]{0,60}$|\s-\s[\p{Lu}\p{N}][^.!?]{0,60}$)`, 'u');

/** Longest line taken for a byline: longer ones are prose. */
const MAX_BYLINE_CHARS = 120;

/** Whether a paragraph is a byline (`By Maria Delgado, Staff Writer`) rather than prose. */
export function isByline(text: string): boolean {
  return text.length <= MAX_BYLINE_CHARS && BYLINE.test(text.trim());
}

/** The name a byline gives (`Maria Delgado` of `By Maria Delgado, Staff Writer`), a substring of it; `undefined` when it gives none. */
export function bylineName(byline: string): { text: string; start: number; end: number } | undefined {
  return nameAt(byline, new RegExp(`^\\s*${BY}`, 'u').exec(byline)?.[0].length ?? 0);
}

/** The name that starts at `from` in `text` (`Ana Ruiz` of `Reporting by Ana Ruiz in Lima`), with its offsets in `text`. */
export function nameAt(text: string, from: number): { text: string; start: number; end: number } | undefined {
  const name = new RegExp(`^${NAME}`, 'u').exec(text.slice(from))?.[0]?.replace(/[,\s]+$/u, '');
  if (!name) return undefined;
  return { text: name, start: from, end: from + name.length };
}

/**
 * A byline is the document's author, not a paragraph: when the first
 * paragraph is one, it becomes `meta.byline` (unless a web page already gave
 * one, of which it is then a copy) and leaves the paragraphs, and the section
 * starts and table labels move up with them. A document whose only paragraph is a byline keeps it.
 */
export function withByline(document: SourceDocument): SourceDocument {
  const [first, ...rest] = document.paragraphs;
  if (first === undefined || rest.length === 0 || !isByline(first)) return document;
  const { sections, labels, ...others } = document;
  return {
    ...others,
    paragraphs: rest,
    meta: { ...document.meta, byline: document.meta?.byline ?? first },
    ...afterFirstParagraph({ sections, labels }),
  };
}
