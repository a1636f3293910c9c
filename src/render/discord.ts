import { escapeMarkdown } from 'discord.js';
import type { Answer, DocumentInfo, Passage, Quote } from '../types.js';
import { DISCORD_LIMITS, fitText } from './fit.js';
import { sourceParts } from './source.js';

/** A message as the Discord layer sends it: text and button rows, within Discord's limits. */
export interface DiscordMessage {
  content: string;
  buttons: DiscordButton[];
}

export interface DiscordButton {
  customId: string;
  label: string;
}

/** Where a quote's buttons point: a document by a short key, and paragraph and offsets. */
export interface QuoteRef {
  documentKey: string;
  paragraph: number;
  start: number;
  end: number;
}

/**
 * Control characters, and the bidi embeddings, overrides and isolates that can
 * make an echoed question display reversed or hide what follows it.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Markdown-escaped text on one line: article and user text can hold `*`, `_`,
 * backticks, masked links, line breaks or control characters. On one line after
 * our own prefix, a `>` or `#` cannot start a quote or a heading.
 */
export function escapeLine(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(INVISIBLE, '');
  const escaped = escapeMarkdown(oneLine, { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
  return escapeLeftovers(escaped);
}

/**
 * What escapeMarkdown leaves bare: it escapes only the first `[label](url)` of a line (its pattern is
 * greedy), and the last of four `_`, `*` or backticks in a row. Escapes every markdown character not
 * yet escaped (preceded by an even run of backslashes), except `*`, `_`, `~` and `|` inside bare URLs
 * and custom emoji, where Discord formats nothing and a backslash would break the link or the emoji.
 */
function escapeLeftovers(text: string): string {
  const escape = (chars: RegExp) => (part: string) =>
    part.replace(chars, (all, slashes: string, char: string) => (slashes.length % 2 === 0 ? `${slashes}\\${char}` : all));
  return text.replace(/(https?:\/\/\S*|<a?:\w+:\d+>)|[^]+?(?=https?:\/\/|<a?:\w+:\d+>|$)/g, (part, verbatim: string | undefined) =>
    verbatim ? escape(/(\\*)([`[])/g)(part) : escape(/(\\*)([`[*_~|])/g)(part),
  );
}

/** A quote as a Discord block quote with the matched words in bold. */
export function blockQuote(quote: Pick<Quote, 'text' | 'start' | 'highlights'>, max: number): string {
  const text = fitText(quote.text.replace(/[\r\n\u2028\u2029]+/g, ' '), Math.max(1, max - 2));
  let out = '';
  let at = 0;
  const highlights = [...quote.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of highlights) {
    const from = start - quote.start;
    const to = Math.min(end - quote.start, text.length);
    if (from < at || from >= to) continue;
    out += `${escapeLine(text.slice(at, from))}**${escapeLine(text.slice(from, to))}**`;
    at = to;
  }
  out += escapeLine(text.slice(at));
  // Escaping and bold markers lengthen the text: fall back to the plain escaped quote when they no longer fit.
  const quoted = `> ${out}`;
  return quoted.length <= max ? quoted : `> ${fitText(escapeLine(text), max - 2)}`;
}

/** Above a table row's quote, its table's header row in italics (what the row's cells are), as a line of the quote; `''` for prose. */
function headerLine(quote: Pick<Quote, 'header'>): string {
  return quote.header === undefined ? '' : `> *${escapeLine(fitText(quote.header, 200))}*\n`;
}

/**
 * `¶8 · *Title*`: the citation under a quote; with the section when the
 * document has headings (`¶5 · Who paid · *Title*`), and the author, site, date
 * and address when known (`¶3 · *Title* · by Jane Doe · The Coastal Ledger · 2024-03-18 · <https://…>`),
 * the address in `<>` so Discord shows no embed. `link: false` leaves the address out.
 * A byline quote is cited as `byline · *Title*`.
 */
export function citation(quote: Pick<Quote, 'paragraph' | 'title' | 'meta' | 'section' | 'byline'>, options: { link?: boolean } = {}): string {
  const { author, site, date, link } = sourceParts(quote.meta);
  const parts = [quote.byline ? 'byline' : `¶${quote.paragraph}`];
  if (quote.section !== undefined) parts.push(escapeLine(fitText(quote.section, 80)));
  parts.push(`*${escapeLine(fitText(quote.title, 200))}*`);
  if (author && !quote.byline) parts.push(`by ${escapeLine(author)}`);
  if (site) parts.push(escapeLine(site));
  if (date) parts.push(escapeLine(date));
  if (link && options.link !== false) parts.push(`<${link}>`);
  return parts.join(' · ');
}

/** The buttons of an answer: their custom ids, each absent when it has nothing to show. */
export interface AnswerRefs {
  more: string | undefined;
  paragraph: string | undefined;
  /** *Follow up in a thread*: only on a public answer in a server channel. */
  thread?: string | undefined;
}

/**
 * The reply to `/ask` (and to a mention in a thread): the question, how a
 * follow-up was understood, the short answer in bold, the first quote and its
 * citation; a decline says what is missing.
 */
export function renderAnswer(answer: Answer, refs: AnswerRefs): DiscordMessage {
  const asked = `**Q:** ${escapeLine(fitText(answer.question.trim(), 300))}`;
  const quote = answer.quotes[0];
  const lines = [asked];
  if (answer.understood !== undefined) lines.push(`*Understood as:* ${escapeLine(fitText(answer.understood.trim(), 300))}`);
  if (answer.answered) {
    lines.push(answer.answer ? `**${escapeLine(fitText(answer.answer, 300))}**` : '**The article says:**');
  } else {
    lines.push(escapeLine(fitText(answer.reason ?? "The article doesn't say.", 300)));
    if (quote) lines.push('Closest passage (not an answer):');
  }
  if (quote) {
    const citeLine = citation(quote);
    const above = headerLine(quote);
    const used = lines.join('\n').length + above.length + citeLine.length + 2;
    lines.push(above + blockQuote(quote, DISCORD_LIMITS.content - used), citeLine);
  }
  const buttons: DiscordButton[] = [];
  if (refs.more) buttons.push({ customId: refs.more, label: 'More passages' });
  if (refs.paragraph) buttons.push({ customId: refs.paragraph, label: 'Show paragraph' });
  if (refs.thread) buttons.push({ customId: refs.thread, label: 'Follow up in a thread' });
  return { content: fitText(lines.join('\n'), DISCORD_LIMITS.content), buttons };
}

/** A thread's name: Discord allows 1 to 100 characters on one line. */
export function threadName(question: string | undefined): string {
  const line = (question ?? '').replace(/[\r\n\u2028\u2029]+/g, ' ').replace(INVISIBLE, '').trim();
  return line ? fitText(`Follow-up: ${line}`, 100) : 'Follow-up questions';
}

/** The first message in a thread opened on an answer: how to ask there. */
export function renderThreadIntro(question: string | undefined): DiscordMessage {
  const from = question ? ` Questions here follow on from **${escapeLine(fitText(question.trim(), 300))}**.` : '';
  return {
    content: `Ask follow-up questions here with \`/ask\` or by mentioning me with your question: I read each one with the questions before it, and say how I understood it.${from}`,
    buttons: [],
  };
}

/** Further quotes (the *More passages* button), each with its citation, as many as fit; a document's address only under its first quote. */
export function renderQuotes(quotes: ReadonlyArray<Pick<Quote, 'text' | 'start' | 'highlights' | 'paragraph' | 'title' | 'meta' | 'section' | 'byline' | 'header'>>, heading: string): DiscordMessage {
  const parts = [heading];
  const share = Math.floor((DISCORD_LIMITS.content - heading.length) / Math.max(1, quotes.length)) - 4;
  const linked = new Set<string>();
  for (const quote of quotes) {
    const citeLine = citation(quote, { link: !linked.has(quote.title) });
    linked.add(quote.title);
    const above = headerLine(quote);
    parts.push(`${above}${blockQuote(quote, share - citeLine.length - 1 - above.length)}\n${citeLine}`);
  }
  return { content: fitText(parts.join('\n'), DISCORD_LIMITS.content), buttons: [] };
}

/** `/search`: the best passages, one line each with its `¶N` (and, when the library holds several documents, the document's title). */
export function renderSearch(query: string, quotes: readonly Quote[], options: { showDocument?: boolean } = {}): DiscordMessage {
  const heading = `**Passages for:** ${escapeLine(fitText(query.trim(), 200))}`;
  if (quotes.length === 0) return { content: `${heading}\nNo passage of the article uses these words.`, buttons: [] };
  const share = Math.floor((DISCORD_LIMITS.content - heading.length) / quotes.length) - 2;
  const lines = quotes.map((quote) => {
    const cite = `**¶${quote.paragraph}** ${options.showDocument ? `*${escapeLine(fitText(quote.title, 60))}* · ` : ''}`;
    return `${cite}${escapeLine(fitText(quote.text, Math.max(20, share - cite.length - 20)))}`;
  });
  return { content: fitText([heading, ...lines].join('\n'), DISCORD_LIMITS.content), buttons: [] };
}

/** `/passage` and *Show paragraph*: the whole paragraph verbatim, cut with `…` only where Discord's limit forces it. */
export function renderPassage(passage: Passage): DiscordMessage {
  const cite = citation({ ...passage, paragraph: passage.number });
  const above = headerLine(passage);
  const body = blockQuote({ text: passage.text, start: 0, highlights: [] }, DISCORD_LIMITS.content - cite.length - 1 - above.length);
  return { content: `${above}${body}\n${cite}`, buttons: [] };
}

/** `/sources`: the loaded documents with title and paragraph count. */
export function renderSources(documents: readonly DocumentInfo[]): DiscordMessage {
  const lines = [`**${documents.length === 1 ? 'One document' : `${documents.length} documents`} loaded:**`];
  let shown = 0;
  for (const document of documents) {
    const { author, site, date } = sourceParts(document.meta);
    const from = [author === undefined ? undefined : `by ${author}`, site, date].filter((part) => part !== undefined).map((part) => ` · ${escapeLine(part)}`).join('');
    const line = `• *${escapeLine(fitText(document.title, 200))}* — ${document.paragraphs} paragraph${document.paragraphs === 1 ? '' : 's'} (\`${document.id.replace(/`/g, "'")}\`)${from}`;
    if (lines.join('\n').length + line.length + 40 > DISCORD_LIMITS.content) break;
    lines.push(line);
    shown++;
  }
  if (shown < documents.length) lines.push(`… and ${documents.length - shown} more.`);
  return { content: lines.join('\n'), buttons: [] };
}

/** `/help`: what the bot does, with example questions about the loaded article. */
export function renderHelp(examples: readonly string[], title: string): DiscordMessage {
  const lines = [
    `I answer questions about *${escapeLine(fitText(title, 200))}* by quoting the sentence that says so, with its paragraph number (¶N). When the article doesn't say, I say so.`,
    '',
    '**Commands**',
    '`/ask question:` the answer, quoted and cited; buttons show more passages or the whole paragraph. A topic alone (`the deal`) gets the passages that name it',
    '`/search query:` the best five passages, one line each',
    '`/passage number:` a paragraph, verbatim',
    '`/sources` the loaded documents',
    '`/library add url:` or `file:`, `/library remove`, `/library list`: this server\'s articles (Manage Server)',
  ];
  if (examples.length > 0) lines.push('', '**Try**', ...examples.map((q) => `\`/ask question: ${q.replace(/`/g, "'")}\``));
  return { content: fitText(lines.join('\n'), DISCORD_LIMITS.content), buttons: [] };
}
