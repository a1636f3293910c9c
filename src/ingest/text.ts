import type { SourceDocument } from '../types.js';
import { parseMarkdown } from './markdown.js';
import { afterFirstParagraph } from './sections.js';

/** Which plain-text dialect a file is written in; decides how the title is found. */
export type TextFormat = 'txt' | 'md';

// Whitespace that editors and web copies leave around lines: NBSP, the other
// Unicode spaces and tabs. Inside a line they are kept verbatim for quoting.
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+|[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+$/g;
const BLANK_LINE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]*$/;

/**
 * Parses a text or Markdown document: in a text file the title is the first
 * line and paragraphs are blocks separated by blank lines (a BOM and CRLF
 * removed, lines trimmed, the lines of a block joined by a space, everything
 * else kept verbatim so quotes stay exact); Markdown is read as a reader sees
 * it (see `parseMarkdown`), titled by its first heading, else its first
 * passage, its other headings opening sections.
 * Returns `undefined` when there is no text at all.
 */
export function parseText(id: string, raw: string, format: TextFormat, source?: string): SourceDocument | undefined {
  if (format === 'md') {
    const { title, passages, sections, labels } = parseMarkdown(raw);
    const [first, ...rest] = passages;
    const named = title ?? first;
    if (named === undefined) return undefined;
    return {
      id,
      title: named,
      paragraphs: title === undefined ? rest : passages,
      ...(source === undefined ? {} : { source }),
      // Sections follow the first heading, the title; without one there are none, and the first passage is the title.
      ...(title === undefined ? afterFirstParagraph({ labels }) : { ...(sections.length > 0 ? { sections } : {}), ...(labels.length > 0 ? { labels } : {}) }),
    };
  }
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    if (BLANK_LINE.test(line)) {
      flush();
      continue;
    }
    // The first line is the title even when no blank line follows it.
    current.push(line.replace(EDGE_SPACE, ''));
    if (blocks.length === 0 && current.length === 1) flush();
  }
  flush();
  const [title, ...paragraphs] = blocks.filter((block) => block.length > 0);
  if (title === undefined) return undefined;
  return { id, title, paragraphs, ...(source === undefined ? {} : { source }) };
}
