import type { DocumentMeta } from '../types.js';

/** Longest address shown in a citation; a longer one (tracking parameters) is left out rather than cut, since a cut link is a broken one. */
export const MAX_LINK_LENGTH = 300;

/** What a citation says about where a document comes from, each part present only when known and safe to show. */
export interface SourceParts {
  /** The byline without its `By` (`Maria Delgado, Staff Writer`), at most 80 characters; shown as `by …`. */
  author?: string;
  site?: string;
  /** `2024-03-18` when the page's date can be read as a date, else the page's own words (short). */
  date?: string;
  /** A normalized http(s) address without spaces or `<>`, at most {@link MAX_LINK_LENGTH} characters. */
  link?: string;
}

export function sourceParts(meta: DocumentMeta | undefined): SourceParts {
  if (!meta) return {};
  const parts: SourceParts = {};
  const author = meta.byline?.replace(/\s+/g, ' ').trim().replace(/^(?:written\s+)?by\s+/i, '');
  if (author) parts.author = author.length > 80 ? `${author.slice(0, 79)}…` : author;
  const site = meta.siteName?.replace(/\s+/g, ' ').trim();
  if (site) parts.site = site.length > 80 ? `${site.slice(0, 79)}…` : site;
  const date = meta.published === undefined ? undefined : formatPublished(meta.published);
  if (date) parts.date = date;
  const link = meta.url === undefined ? undefined : safeLink(meta.url);
  if (link) parts.link = link;
  return parts;
}

/** An ISO date (`2024-03-18`) when the text starts with one or parses as a date; otherwise the text itself, trimmed to 40 characters. */
export function formatPublished(published: string): string {
  const text = published.replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso?.[1]) return iso[1];
  const time = Date.parse(text);
  if (!Number.isNaN(time)) return new Date(time).toISOString().slice(0, 10);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    const href = parsed.href;
    // `href` percent-encodes spaces, quotes and angle brackets; refuse anything that still could break out of `<...>`.
    if (href.length > MAX_LINK_LENGTH || /[\s<>]/.test(href)) return undefined;
    return href;
  } catch {
    return undefined;
  }
}
