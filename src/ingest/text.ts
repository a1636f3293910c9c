import type { SourceDocument } from '../types.js';
import { parseMarkdown } from './markdown.js';
import { afterFirstParagraph } from './sections.js';

/** Which plain-text dialect a file is written in; decides how the title is found. */
export type TextFormat = 'txt' | 'md';

// Whitespace that editors and web copies leave around lines: NBSP, the other
// Unicode spaces and tabs. Inside a line they are kept verbatim for quoting.
const EDGE_SPACE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+|[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+$/g;
const BLANK_LINE = /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]*$/;

/** Most words of a headline; a longer first line is the article's lead. */
const MAX_TITLE_WORDS = 25;

/**
 * Whether a document's first line reads as its title: a headline drops the
 * full stop that ends a sentence (`China, Canada vow not to ...`) and is
 * short. An article pasted without its headline opens with its lead, which is
 * a paragraph to answer from, not a title to show.
 */
function readsAsTitle(line: string): boolean {
  return line.split(/\s+/).length <= MAX_TITLE_WORDS && !/[.…]["”’')\]]*$/u.test(line);
}

/**
 * Parses a text or Markdown document: in a text file the title is the first
 * line when it reads as a headline (else the file's name, and the first line
 * opens the first paragraph) and paragraphs are blocks separated by blank
 * lines (a BOM and CRLF removed, lines trimmed, the lines of a block joined by
 * a space, everything else kept verbatim so quotes stay exact); Markdown is
 * read as a reader sees it (see `parseMarkdown`), titled by its first heading,
 * else by its first passage when that reads as a headline, else by the file's
 * name, its other headings opening sections.
 * Returns `undefined` when there is no text at all.
 */
export function parseText(id: string, raw: string, format: TextFormat, source?: string): SourceDocument | undefined {
  if (format === 'md') {
    const { title, passages, sections, labels } = parseMarkdown(raw);
    const [first, ...rest] = passages;
    if (title === undefined && first === undefined) return undefined;
    const headline = title === undefined && first !== undefined && readsAsTitle(first) ? first : undefined;
    return {
      id,
      title: title ?? headline ?? id,
      paragraphs: headline === undefined ? passages : rest,
      ...(source === undefined ? {} : { source }),
      // Sections follow the first heading, the title (without one there are none); a first passage that is the title leaves the paragraphs.
      ...(headline === undefined ? { ...(sections.length > 0 ? { sections } : {}), ...(labels.length > 0 ? { labels } : {}) } : afterFirstParagraph({ labels })),
    };
  }
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: string[] = [];
  let current: string[] = [];
  let titled = false;
  const flush = (): void => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    if (BLANK_LINE.test(line)) {
      flush();
      continue;
    }
    current.push(line.replace(EDGE_SPACE, ''));
    // A first line that reads as a headline is the title even when no blank line follows it.
    if (blocks.length === 0 && current.length === 1 && readsAsTitle(current[0] as string)) {
      titled = true;
      flush();
    }
  }
  flush();
  const found = blocks.filter((block) => block.length > 0);
  if (found.length === 0) return undefined;
  const [title, ...paragraphs] = titled ? found : [id, ...found];
  return { id, title: title as string, paragraphs, ...(source === undefined ? {} : { source }) };
}
