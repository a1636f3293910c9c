/** Documents from web addresses, and corpora made of several paths and addresses. */
import { basename, extname } from 'node:path';
import { NewsbotError, quoteValue } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { FORMATS, loadCorpus, looksBinary, parseDocument, type DocumentFormat } from './load.js';
import { fetchPage, type FetchOptions, type FetchedPage } from './url.js';

/** Whether a corpus argument is an address (`scheme://...`) rather than a path. Any scheme counts, so `ftp://` is refused, not looked for on disk. */
export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim());
}

/**
 * Fetches a web article (or a `.txt` / `.md` file on the web) and parses it.
 * The document's id is made from its title (`harbour-city-opens-floating-solar-farm`);
 * `source` is the address given, `meta.url` the canonical one.
 */
export async function loadUrl(url: string, options: FetchOptions = {}): Promise<SourceDocument> {
  const page = await fetchPage(url, options);
  return documentFromPage(page, { format: formatOfPage(page), source: page.url });
}

/**
 * A fetched page as a document, read in `format`; `id` defaults to a slug of
 * the title. `keepAddress: false` (for an upload, whose download address
 * expires) keeps the page's address out of the document: it is neither the
 * base of a relative canonical link nor the fallback `meta.url`.
 */
export async function documentFromPage(
  page: FetchedPage,
  how: { format: DocumentFormat; id?: string; source?: string; name?: string; keepAddress?: boolean },
): Promise<SourceDocument> {
  const name = how.name ?? quoteValue(page.url);
  if (page.body.length === 0) throw new NewsbotError(`${name} is empty`);
  if (looksBinary(page.body)) throw new NewsbotError(`${name} is not text`);
  const text = decode(page.body, page.charset, how.format);
  // A text without a headline is titled by its id: for a page, the name of the file it is at, else its host.
  const address = new URL(page.url);
  const named = decoded(basename(address.pathname, extname(address.pathname))) || address.hostname;
  const document = await parseDocument(how.id ?? named, text, how.format, {
    name,
    ...(how.keepAddress === false ? {} : { url: page.url }),
    ...(how.source === undefined ? {} : { source: how.source }),
  });
  if (how.id !== undefined) return document;
  return { ...document, id: slugify(document.title) || slugify(address.hostname) || 'article' };
}

/** A path segment with its %-escapes decoded, or as it is when they are not valid UTF-8. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The format a fetched page is read in: by media type, then (for plain text) by the address's extension. */
export function formatOfPage(page: Pick<FetchedPage, 'mediaType' | 'url'>, fileName?: string): DocumentFormat {
  const byName = fileName === undefined ? undefined : FORMATS[extname(fileName).toLowerCase()];
  if (byName) return byName;
  if (page.mediaType === 'text/html' || page.mediaType === 'application/xhtml+xml') return 'html';
  if (page.mediaType === 'text/markdown' || page.mediaType === 'text/x-markdown') return 'md';
  const byPath = FORMATS[extname(new URL(page.url).pathname).toLowerCase()];
  return byPath === 'md' ? 'md' : 'txt';
}

/**
 * Loads several corpora (paths and http(s) addresses) into one list, in the
 * order given. Ids stay unique: a document whose id another one already has
 * (`page` of `a/page.html` and of `b/page.md`) gets the first free `id-2`,
 * `id-3`, ...; the same document given twice is an error that names it.
 */
export async function loadSources(inputs: readonly string[], options: FetchOptions = {}): Promise<SourceDocument[]> {
  const loaded = await Promise.all(inputs.map(async (input) => (isUrl(input) ? [await loadUrl(input, options)] : loadCorpus(input))));
  const sources = new Set<string>();
  const ids = new Set<string>();
  return loaded.flat().map((document) => {
    const where = document.source ?? document.title;
    if (sources.has(where)) throw new NewsbotError(`${quoteValue(where)} is given twice`);
    sources.add(where);
    let id = document.id;
    for (let n = 2; ids.has(id); n++) id = `${document.id}-${n}`;
    ids.add(id);
    return id === document.id ? document : { ...document, id };
  });
}

/** A short, readable id: lower-case ASCII words joined by `-`, at most `max` characters, cut between words. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : slug.slice(0, max)).replace(/-+$/, '');
}

/** Decodes a body by its declared charset, else (for HTML) a `<meta charset>` in its head, else UTF-8; a BOM wins. */
function decode(body: Buffer, charset: string | undefined, format: DocumentFormat): string {
  let label = charset;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) label = 'utf-8';
  else if (label === undefined && format === 'html') {
    const head = body.subarray(0, 2048).toString('latin1');
    label = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  }
  try {
    return new TextDecoder(label ?? 'utf-8').decode(body);
  } catch {
    // An unknown label: UTF-8 is by far the likeliest.
    return new TextDecoder('utf-8').decode(body);
  }
}
