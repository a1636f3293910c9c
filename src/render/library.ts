/** Discord messages for `/library`: what was added or removed, the library's contents, and refusals. */
import type { LibraryEntry, LibrarySummary } from '../library/library.js';
import { formatBytes } from '../ingest/url.js';
import { escapeLine, type DiscordMessage } from './discord.js';
import { DISCORD_LIMITS, fitText } from './fit.js';
import { sourceParts } from './source.js';

/** `/library add`: the document as it will be cited, and the library's size after. */
export function renderAdded(entry: LibraryEntry, library: LibrarySummary): DiscordMessage {
  const lines = [`**Added** ${describe(entry, true)}`, totals(library), 'Ask about it with `/ask`; `document:` narrows a question to it.'];
  return { content: fitText(lines.join('\n'), DISCORD_LIMITS.content), buttons: [] };
}

/** `/library remove`. */
export function renderRemoved(entry: LibraryEntry, library: LibrarySummary): DiscordMessage {
  return { content: fitText([`**Removed** ${describe(entry, false)}`, totals(library)].join('\n'), DISCORD_LIMITS.content), buttons: [] };
}

/** `/library list`: every document with its id, source and size, as many as fit in one message. */
export function renderLibrary(library: LibrarySummary): DiscordMessage {
  const lines = [totals(library)];
  let shown = 0;
  for (const entry of library.documents) {
    const line = `• ${describe(entry, true)}`;
    if (lines.join('\n').length + line.length + 40 > DISCORD_LIMITS.content) break;
    lines.push(line);
    shown++;
  }
  if (shown < library.documents.length) lines.push(`… and ${library.documents.length - shown} more.`);
  return { content: lines.join('\n'), buttons: [] };
}

/** A refusal: the `newsbot:` message as is (it says why and quotes the bad value), with addresses in `<>` so Discord shows no embed. */
export function renderRefusal(message: string): DiscordMessage {
  return { content: fitText(noEmbeds(escapeLine(message)), DISCORD_LIMITS.content), buttons: [] };
}

function totals(library: LibrarySummary): string {
  const count = library.documents.length;
  return `**This server's library:** ${count} of ${library.limits.maxDocuments} document${library.limits.maxDocuments === 1 ? '' : 's'}, ${formatBytes(library.bytes)} of ${formatBytes(library.limits.maxBytes)}`;
}

/** `*Title* (\`id\`) — 9 paragraphs · by Maria Okafor · The Coastal Ledger · 2024-03-18 · <https://…>` */
function describe(entry: LibraryEntry, withLink: boolean): string {
  const { author, site, date, link } = sourceParts(entry.meta);
  const parts = [
    `*${escapeLine(fitText(entry.title, 150))}* (\`${entry.id.replace(/`/g, "'")}\`) — ${entry.paragraphs} paragraph${entry.paragraphs === 1 ? '' : 's'}`,
    ...(author ? [`by ${escapeLine(author)}`] : []),
    ...(site ? [escapeLine(site)] : []),
    ...(date ? [escapeLine(date)] : []),
    ...(entry.bundled ? ['bundled'] : []),
    ...(withLink && link ? [`<${link}>`] : []),
  ];
  return parts.join(' · ');
}

/** Wraps bare http(s) addresses in `<>`: Discord then links them without a preview. */
function noEmbeds(text: string): string {
  return text.replace(/<?(https?:\/\/[^\s"<>]+)>?/g, '<$1>');
}
