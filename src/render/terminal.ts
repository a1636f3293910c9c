import type { Answer, Conversation, DocumentInfo, DocumentMeta, Passage, Quote } from '../types.js';
import { sourceParts } from './source.js';

/** How to render for a terminal. */
export interface RenderOptions {
  /** Emit ANSI styles (bold, colour, highlighted words). Off: plain text, nothing to strip. */
  color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

// Raw SGR codes rather than `util.styleText`: on Node 20 it is missing before
// 20.12 and decides by itself whether process.stdout may be coloured, which
// would make these functions depend on the process they run in.
const SGR: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

function paint(text: string, styles: readonly Style[], options: RenderOptions): string {
  if (!options.color || styles.length === 0 || text === '') return text;
  const open = styles.map((s) => `\x1b[${SGR[s][0]}m`).join('');
  const close = styles.map((s) => `\x1b[${SGR[s][1]}m`).reverse().join('');
  return `${open}${text}${close}`;
}

// C0 controls, DEL and C1 controls (U+009B is a one-character CSI on some terminals).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Line and paragraph separators and the bidi embeddings, overrides and isolates,
// which can reorder what the reader sees (Trojan Source).
const INVISIBLE_LAYOUT = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from a document, a question or an error safe to print: tabs and
 * line breaks become spaces, other control characters become their visible
 * Control Pictures (ESC shows as `␛`), and layout-changing invisibles become `�`,
 * so nothing read from outside can move the cursor, recolour or reorder the terminal.
 */
export function sanitize(text: string): string {
  return text
    .replace(/[\t\n\r\v\f]/g, ' ')
    .replace(CONTROL, (c) => {
      const code = c.charCodeAt(0);
      if (code < 0x20) return String.fromCharCode(0x2400 + code);
      return code === 0x7f ? '\u2421' : '\ufffd';
    })
    .replace(INVISIBLE_LAYOUT, (c) => (c === '\u2028' || c === '\u2029' ? ' ' : '\ufffd'));
}

/**
 * One JSON line for machines. `JSON.stringify` already escapes C0 controls; this
 * also escapes DEL, C1 controls and layout invisibles, which it leaves raw, so
 * the line is terminal-safe and still parses to the very same value.
 */
export function renderJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Longest question echoed back; a pasted essay should not fill the screen twice. */
const MAX_ECHO = 200;

/** The header that introduces one answer among several (`» who bought Norsat?`). */
export function renderQuestion(question: string, options: RenderOptions): string {
  return paint(`» ${echo(question)}`, ['bold'], options);
}

/** A question shown back: sanitized, on one line, at most `MAX_ECHO` characters. */
function echo(question: string): string {
  const clean = sanitize(question).trim();
  return clean.length > MAX_ECHO ? `${clean.slice(0, MAX_ECHO)}…` : clean;
}

/** What the next question will lean on, for the REPL's `:context`: the conversation's turns, oldest first. */
export function renderContext(conversation: Conversation, options: RenderOptions): string {
  if (conversation.turns.length === 0) return 'No conversation yet: the next question stands on its own.';
  const turns = conversation.turns.map((turn, i) => {
    const reading = turn.understood === turn.question ? '' : `\n     ${paint(`understood as: ${echo(turn.understood)}`, ['dim'], options)}`;
    const got = turn.answered ? (turn.answer === '' ? 'answered by the quoted passage' : echo(turn.answer)) : 'declined';
    return `  ${i + 1}. ${echo(turn.question)}${reading}\n     ${paint('→', ['dim'], options)} ${got}`;
  });
  return [paint('The next question may lean on:', ['bold'], options), ...turns].join('\n');
}

/**
 * An answer as a person reads it: the short answer (or why the engine declined)
 * first, then each quote with its `¶N` citation and title. The quotes of a
 * declined answer are headed as closest passages, not an answer.
 */
export function renderAnswer(answer: Answer, options: RenderOptions): string {
  const lines: string[] = [];
  // A follow-up read with the conversation: the reading first, so a wrong one is seen before the answer to it.
  if (answer.understood !== undefined) lines.push(paint(`Understood as: ${echo(answer.understood)}`, ['dim'], options));
  if (answer.answered) {
    const confidence = paint(`(confidence ${Math.round(answer.confidence * 100)}%)`, ['dim'], options);
    const short = answer.answer === '' ? 'See the quoted passage.' : sanitize(answer.answer);
    lines.push(`${paint(short, ['bold', 'green'], options)}  ${confidence}`);
  } else {
    const reason = sanitize(answer.reason ?? 'The article does not answer this question.');
    lines.push(`${paint('No answer:', ['bold', 'yellow'], options)} ${reason}`);
  }
  if (answer.quotes.length > 0) {
    lines.push('');
    if (!answer.answered) {
      const heading = answer.quotes.length === 1 ? 'Closest passage (not an answer):' : 'Closest passages (not an answer):';
      lines.push(paint(heading, ['yellow'], options));
    }
    lines.push(answer.quotes.map((quote) => renderQuote(quote, options)).join('\n\n'));
  }
  return lines.join('\n');
}

/** A quote block: citation line, a table row's header row (dim), then the verbatim sentence with the matched words highlighted. */
export function renderQuote(quote: Quote, options: RenderOptions): string {
  const relative = quote.highlights.map(([s, e]): [number, number] => [s - quote.start, e - quote.start]);
  return `${citation(quote, options)}\n${headerLine(quote, '  │ ', options)}  │ ${highlight(quote.text, relative, options)}`;
}

/** Above a table row, its table's header row, dim, after `indent`: what the row's cells are. Nothing for prose. */
function headerLine(quote: Pick<Quote, 'header'>, indent: string, options: RenderOptions): string {
  return quote.header === undefined ? '' : `${indent}${paint(sanitize(quote.header), ['dim'], options)}\n`;
}

/** The loaded documents, for `:sources`. */
export function renderSources(documents: readonly DocumentInfo[], options: RenderOptions): string {
  const heading = paint(documents.length === 1 ? '1 document:' : `${documents.length} documents:`, ['bold'], options);
  const entries = documents.map((d) => {
    const where = d.source === undefined ? '' : ` · ${sanitize(d.source)}`;
    const count = d.paragraphs === 1 ? '1 paragraph' : `${d.paragraphs} paragraphs`;
    const from = describeSource(d.meta);
    return `  ${paint(sanitize(d.id), ['cyan'], options)}  ${sanitize(d.title)}\n    ${paint(`${count}${where}`, ['dim'], options)}${from ? `\n    ${paint(from, ['dim'], options)}` : ''}`;
  });
  return [heading, ...entries].join('\n');
}

/** A whole paragraph, for `:passage N`. */
export function renderPassage(passage: Passage, options: RenderOptions): string {
  return `${citation({ ...passage, paragraph: passage.number }, options)}\n${headerLine(passage, '  ', options)}  ${sanitize(passage.text)}`;
}

/** An error line (a `NewsbotError` message is already one line starting with `newsbot:`). */
export function renderError(message: string, options: RenderOptions): string {
  return paint(sanitize(message), ['red'], options);
}

/**
 * `¶8 · Title`, with the section when the document has headings (`¶5 · Who paid · Title`),
 * and the author, site, date and address when known (` · by Jane Doe · Site · 2024-03-18 · https://…`);
 * a byline quote is cited as `byline · Title`.
 */
function citation(quote: Pick<Quote, 'paragraph' | 'title' | 'meta' | 'section' | 'byline'>, options: RenderOptions): string {
  const from = describeSource(quote.byline ? { ...quote.meta, byline: undefined } : quote.meta);
  const where = quote.byline ? 'byline' : `¶${quote.paragraph}`;
  const section = quote.section === undefined ? '' : `${sanitize(quote.section.slice(0, 80))} · `;
  return `${paint(where, ['bold', 'cyan'], options)} · ${paint(`${section}${sanitize(quote.title)}${from ? ` · ${from}` : ''}`, ['dim'], options)}`;
}

/** Author, site, date and address of a document, sanitized, joined by ` · `; `''` when none is known. */
function describeSource(meta: DocumentMeta | undefined): string {
  const { author, site, date, link } = sourceParts(meta);
  return [author === undefined ? undefined : `by ${author}`, site, date, link].filter((part): part is string => !!part).map(sanitize).join(' · ');
}

/**
 * Highlights ranges of `text` (offsets into it). Ranges are clipped, sorted and
 * merged first, since they come from another module and may overlap. Each piece
 * is sanitized on its own so offsets still refer to the original text.
 */
function highlight(text: string, ranges: ReadonlyArray<[number, number]>, options: RenderOptions): string {
  if (!options.color) return sanitize(text);
  const merged: Array<[number, number]> = [];
  const clipped = ranges
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  for (const [s, e] of clipped) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of merged) {
    out += sanitize(text.slice(at, s)) + paint(sanitize(text.slice(s, e)), ['bold', 'yellow'], options);
    at = e;
  }
  return out + sanitize(text.slice(at));
}
