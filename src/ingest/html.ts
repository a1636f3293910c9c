import { NewsbotError, quoteValue } from '../errors.js';
import type { DocumentLabel, DocumentMeta, DocumentSection, SourceDocument } from '../types.js';
import { firstMessage, startWorker } from '../worker.js';
import { CELL_SEPARATOR, joinCells } from './cells.js';
import { SectionList } from './sections.js';

/**
 * The little of the DOM this module touches. The project compiles without the
 * DOM library (it runs on Node), so linkedom's nodes are typed here by hand.
 */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements whose text is not the article's prose: figures and their captions, and anything Readability left of page furniture. */
const SKIPPED = new Set([
  'FIGURE', 'FIGCAPTION', 'PICTURE', 'IMG', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS',
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA',
]);

/** Headings: they open a section and are not paragraphs. */
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Elements that end a paragraph. Everything else (links, emphasis, spans, table cells) runs on inside one. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'PRE', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'CAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'CENTER',
]);

/** Largest number of elements Readability is asked to look at; a 5 MB news page has far fewer. */
const MAX_ELEMENTS = 200_000;

/** Where an HTML document came from, to resolve its canonical link and to name it. */
export interface HtmlSource {
  /** The page's address after redirects; relative canonical links resolve against it. */
  url?: string;
  /** Recorded as `SourceDocument.source` (a file path or the URL). */
  source?: string;
}

/**
 * Turns a web page into a document with Mozilla's Readability (Firefox's reader
 * view) over linkedom: the article's text without navigation, ads, scripts,
 * share buttons or related links, and its title, byline, site, date and
 * canonical address.
 *
 * Paragraphs are the article's blocks in reading order: `p`, list items, block
 * quotes, preformatted text and table rows (cells between ` | `). Headings open sections instead:
 * they name where a quote sits and are not quoted as evidence. Figures
 * and their captions are dropped: they describe a picture and carry photo
 * credits, and quoting them as the article's words would mislead. Whitespace
 * runs (including NBSP) become one space; the text is otherwise verbatim, so
 * quotes stay exact. Returns `undefined` when the page holds no article text.
 * (Readability and linkedom are imported on first use: plain-text corpora, the
 * common case in a terminal, do not pay for loading them.) A large page is
 * parsed in a worker thread; a worker that fails or runs out of time throws a
 * `NewsbotError` naming the page.
 */
export async function parseHtml(id: string, html: string, from: HtmlSource = {}, options: ParseHtmlOptions = {}): Promise<SourceDocument | undefined> {
  const { workerMinChars = HTML_WORKER_MIN_CHARS, timeoutMs = HTML_WORKER_TIMEOUT_MS } = options;
  if (html.length < workerMinChars) return parseHtmlHere(id, html, from);
  try {
    const worker = await startWorker(HTML_WORKER, { workerData: { id, html, from } satisfies HtmlRequest });
    return (await firstMessage<{ document: SourceDocument | null }>(worker, timeoutMs)).document ?? undefined;
  } catch (error) {
    throw new NewsbotError(`cannot read ${quoteValue(from.source ?? from.url ?? id)} as a web page: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Options of `parseHtml`. */
export interface ParseHtmlOptions {
  /** Pages of at least this many characters are parsed in a worker thread (see `HTML_WORKER_MIN_CHARS`). Default 512 K. */
  workerMinChars?: number;
  /** Milliseconds a worker may parse before it is stopped and the page refused. Default 60,000. */
  timeoutMs?: number;
}

/**
 * Parsing takes about 0.3 ms per KB (1.4 s for a 5 MB page), all of it
 * synchronous: in the bot's thread a large page would hold up every server's
 * interactions. From 512 K characters (about 150 ms of parsing, half what a
 * worker takes to start) a page is parsed in a worker thread.
 */
export const HTML_WORKER_MIN_CHARS = 512 * 1024;

/** Ten times what the largest page that may be fetched (5 MB) takes here. */
const HTML_WORKER_TIMEOUT_MS = 60_000;

/** What the worker parses: `parseHtmlHere`'s arguments. */
export interface HtmlRequest {
  id: string;
  html: string;
  from: HtmlSource;
}

const HTML_WORKER = new URL('./html-worker.ts', import.meta.url);

/** `parseHtml` in this thread, whatever the page's size. */
export async function parseHtmlHere(id: string, html: string, from: HtmlSource = {}): Promise<SourceDocument | undefined> {
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  // Read what Readability does not report, before it rewrites the document.
  const canonical = canonicalUrl(document, from.url);
  const fallbackDate = publishedFallback(document);
  const article = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode, maxElemsToParse: MAX_ELEMENTS }).parse();
  if (!article?.content) return undefined;
  const title = clean(article.title ?? '') || clean(document.querySelector('h1')?.textContent ?? '');
  const { paragraphs, sections, labels } = blocksOf(article.content, title);
  if (paragraphs.length === 0 || !title) return undefined;
  const meta: DocumentMeta = {};
  const byline = clean(article.byline ?? '');
  const siteName = clean(article.siteName ?? '');
  const published = clean(article.publishedTime ?? '') || fallbackDate;
  if (byline) meta.byline = byline;
  if (siteName) meta.siteName = siteName;
  if (published) meta.published = published;
  if (canonical) meta.url = canonical;
  return {
    id,
    title,
    paragraphs,
    ...(from.source === undefined ? {} : { source: from.source }),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    ...(sections.length > 0 ? { sections } : {}),
    ...(labels.length > 0 ? { labels } : {}),
  };
}

/**
 * The article's paragraphs: text runs between block boundaries, figures and
 * page furniture skipped. A run that is nothing but a `<time>` (a dateline
 * such as "2 November") is metadata, not prose, and is dropped too. Headings
 * are sections, except one that repeats the title.
 */
function blocksOf(root: DomNode, title: string): { paragraphs: string[]; sections: DocumentSection[]; labels: DocumentLabel[] } {
  const out: string[] = [];
  const sections = new SectionList();
  const labels: DocumentLabel[] = [];
  // The header row of the table being read: it labels the rows after it (see `SourceDocument.labels`), and is not a paragraph.
  let header: { text: string; first: number } | undefined;
  // The rows since the header are its label's: at the table's end, or where another header row starts.
  const closeLabel = (): void => {
    if (header?.text && out.length >= header.first) labels.push({ text: header.text, first: header.first, last: out.length });
    header = undefined;
  };
  let buffer = '';
  let prose = false;
  let cellsInBuffer = 0;
  const flush = (): void => {
    const text = clean(buffer);
    if (text && prose) out.push(text);
    buffer = '';
    prose = false;
    cellsInBuffer = 0;
  };
  const visit = (node: DomNode, inTime: boolean): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const text = child.textContent ?? '';
        buffer += text;
        if (!inTime && text.trim() !== '') prose = true;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (HEADINGS.has(tag)) {
        flush();
        const heading = clean(child.textContent ?? '');
        if (heading !== title) sections.heading(heading, out.length);
        continue;
      }
      if (tag === 'TR' && isHeaderRow(child)) {
        flush();
        closeLabel();
        const cells = Array.from(child.childNodes).filter((cell) => cell.nodeType === ELEMENT_NODE);
        header = { text: joinCells(cells.flatMap((cell) => [cell.textContent ?? '', ...Array<string>(columnsSpanned(cell) - 1).fill('')])), first: out.length + 1 };
        continue;
      }
      // Cells of a row read across, between ` | ` (see `CELL_SEPARATOR`); a cell whose blocks ended the passage before it starts a new one.
      if (tag === 'TD' || tag === 'TH') buffer += cellsInBuffer++ > 0 ? CELL_SEPARATOR : ' ';
      if (tag === 'BR') buffer += ' ';
      const block = BLOCKS.has(tag);
      if (block) flush();
      visit(child, inTime || tag === 'TIME');
      if (block) flush();
      // A cell over several columns is followed by empty ones, so the row's cells stay under the header's.
      else if (tag === 'TD' || tag === 'TH') buffer += `${CELL_SEPARATOR.repeat(columnsSpanned(child) - 1)} `;
      if (tag === 'TABLE') closeLabel();
    }
  };
  visit(root, false);
  flush();
  return { paragraphs: out, sections: sections.sections, labels };
}

/** Most columns one cell is read as spanning: a page's `colspan="1000"` is not a thousand empty cells. */
const MAX_COLSPAN = 20;

/** How many columns a table cell spans (its `colspan`, 1 when absent or unreadable). */
function columnsSpanned(cell: DomNode): number {
  const span = Number.parseInt((cell as DomElement).getAttribute?.('colspan') ?? '', 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, MAX_COLSPAN) : 1;
}

/** A table row of header cells only (`<th>`): the labels of the rows after it. */
function isHeaderRow(row: DomNode): boolean {
  const cells = Array.from(row.childNodes).filter((node) => node.nodeType === ELEMENT_NODE);
  return cells.length > 0 && cells.every((cell) => cell.nodeName.toUpperCase() === 'TH');
}

/** `<link rel="canonical">`, else `og:url`, else the address the page was fetched from; http(s) only. */
function canonicalUrl(document: DomDocument, base: string | undefined): string | undefined {
  const candidates = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    base,
  ];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      const url = new URL(candidate.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not a URL: try the next one.
    }
  }
  return undefined;
}

/** Dates Readability does not read: `itemprop="datePublished"`, a `date` meta tag, the first `<time datetime>`. */
function publishedFallback(document: DomDocument): string | undefined {
  const candidates = [
    document.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    document.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime'),
    document.querySelector('meta[name="date"]')?.getAttribute('content'),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  return candidates.map((c) => clean(c ?? '')).find((c) => c !== '');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
