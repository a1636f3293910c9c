import { Lexer, type Token, type Tokens } from 'marked';
import type { DocumentLabel, DocumentSection } from '../types.js';
import { joinCells } from './cells.js';
import { SectionList } from './sections.js';

/** A Markdown document as a reader sees it: its headings and passages in order, as plain text. */
export interface MarkdownBlocks {
  /** The text of the first heading, if there is one. */
  title: string | undefined;
  /** Paragraphs, list items, block quotes' paragraphs and table body rows (cells read across, between ` | `), without markup; headings, header rows and code are not passages. */
  passages: string[];
  /** The headings after the first, each with the number (from 1) of the first passage under it. */
  sections: DocumentSection[];
  /** Tables' header rows, each with the passages of the rows under it (see `SourceDocument.labels`). */
  labels: DocumentLabel[];
}

/** YAML front matter at the very start of a file: metadata, not text. */
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Reads Markdown with marked's lexer (CommonMark and GitHub's tables), keeping
 * what a reader sees: `**Saturday**` is `Saturday`, `[makerspace](https://…)`
 * is `makerspace`, each list item and table body row is a passage of its own,
 * a block quote's paragraphs are passages, and code blocks, HTML blocks, images
 * and a table's header row (labels, like headings: see `labels`) are left out. The first
 * heading is the title; the others open sections. Quotes are taken from this
 * text, so they never carry markup.
 */
export function parseMarkdown(raw: string): MarkdownBlocks {
  const tokens = new Lexer({ gfm: true }).lex(raw.replace(/^\uFEFF/, '').replace(FRONT_MATTER, ''));
  const passages: string[] = [];
  let title: string | undefined;
  const sections = new SectionList();
  const labels: DocumentLabel[] = [];
  const add = (text: string): void => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) passages.push(clean);
  };
  const walk = (blocks: readonly Token[]): void => {
    for (const token of blocks) {
      switch (token.type) {
        case 'heading': {
          const text = plain((token as Tokens.Heading).tokens).replace(/\s+/g, ' ').trim();
          if (title === undefined) title = text || undefined;
          else sections.heading(text, passages.length);
          break;
        }
        case 'paragraph':
        case 'text':
          add(plain((token as Tokens.Paragraph).tokens ?? []) || (token as Tokens.Text).text);
          break;
        case 'list':
          for (const item of (token as Tokens.List).items) {
            // The item's own words are one passage; a list nested in it gives passages of its own.
            add(item.tokens.filter((t) => t.type !== 'list').map((t) => ('tokens' in t && t.tokens ? plain(t.tokens) : 'text' in t ? String(t.text) : '')).join(' '));
            walk(item.tokens.filter((t) => t.type === 'list'));
          }
          break;
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens);
          break;
        case 'table': {
          const table = token as Tokens.Table;
          const first = passages.length + 1;
          // A row is read across, as a web page's is: *Hall | 120*, not *Hall* and *120* apart, which say nothing alone.
          for (const row of table.rows) add(joinCells(row.map((cell) => plain(cell.tokens))));
          const header = joinCells(table.header.map((cell) => plain(cell.tokens)));
          if (header && passages.length >= first) labels.push({ text: header, first, last: passages.length });
          break;
        }
        default:
          // code, html, hr, space, link definitions: nothing a reader takes for the article's words.
          break;
      }
    }
  };
  walk(tokens);
  return { title, passages, sections: sections.sections, labels };
}

/** The text an inline run shows: emphasis, links and code spans by their words; images, HTML tags and breaks as nothing or a space. */
function plain(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'html':
        break;
      case 'br':
        out += ' ';
        break;
      case 'codespan':
      case 'escape':
        out += (token as Tokens.Codespan).text;
        break;
      default:
        out += 'tokens' in token && token.tokens ? plain(token.tokens) : 'text' in token ? String(token.text) : '';
    }
  }
  return out;
}
