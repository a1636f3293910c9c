import type { SourceDocument } from '../types.js';

/** Which plain-text dialect a file is written in; decides how the title is found. */
export type TextFormat = 'txt' | 'md';

// Whitespace that editors and web copies leave around lines: NBSP, the other
// Unicode spaces and tabs. Inside a line they are kept verbatim for quoting.
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+|[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+$/g;
const BLANK_LINE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]*$/;
const MD_HEADING = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?$/;

/**
 * Parses a text or Markdown document: the title is the first line (the first
 * heading, in Markdown), paragraphs are blocks separated by blank lines.
 * A BOM and CRLF are removed, lines trimmed, and the lines of a block joined by
 * a space; everything else is kept verbatim so quotes stay exact.
 * Returns `undefined` when there is no text at all.
 */
export function parseText(id: string, raw: string, format: TextFormat, source?: string): SourceDocument | undefined {
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
    const trimmed = line.replace(EDGE_SPACE, '');
    const heading = format === 'md' ? MD_HEADING.exec(trimmed) : null;
    if (heading) {
      // A heading is a block of its own even without blank lines around it.
      flush();
      blocks.push(heading[1] ?? '');
      continue;
    }
    // In a text file the first line is the title even when no blank line follows it.
    current.push(trimmed);
    if (format === 'txt' && blocks.length === 0 && current.length === 1) flush();
  }
  flush();
  const [title, ...paragraphs] = blocks.filter((block) => block.length > 0);
  if (title === undefined) return undefined;
  return { id, title, paragraphs, ...(source === undefined ? {} : { source }) };
}
