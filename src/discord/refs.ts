import { createHash } from 'node:crypto';
import type { Engine } from '../engine.js';
import type { Quote } from '../types.js';

/**
 * Button custom ids carry everything a click needs (document, paragraph,
 * offsets), so buttons keep working after the bot restarts: nothing is kept in
 * memory between the answer and the click. Documents are named by a short
 * hash of their id, to stay within Discord's 100 characters.
 */
export const BUTTON_PREFIX = 'ask';

export function documentKey(documentId: string): string {
  return createHash('sha1').update(documentId).digest('base64url').slice(0, 8);
}

/** Finds a loaded document by its key; `undefined` when it is no longer loaded. */
export function documentByKey(engine: Engine, key: string): string | undefined {
  return engine.documents().find((document) => documentKey(document.id) === key)?.id;
}

/** `ask:more:<key>.<p>.<start>.<end>,...`: the quotes after the first (bylines, which are not paragraphs, left out). */
export function moreId(quotes: readonly Quote[]): string | undefined {
  const paragraphs = quotes.filter((q) => !q.byline);
  if (paragraphs.length === 0) return undefined;
  return `${BUTTON_PREFIX}:more:${paragraphs.map((q) => `${documentKey(q.documentId)}.${q.paragraph}.${q.start}.${q.end}`).join(',')}`;
}

/** `ask:para:<key>.<p>`: the whole paragraph of a quote; none for a byline. */
export function paragraphId(quote: Quote | undefined): string | undefined {
  return quote && !quote.byline ? `${BUTTON_PREFIX}:para:${documentKey(quote.documentId)}.${quote.paragraph}` : undefined;
}

/** `ask:thread`: open a thread on the answer the button sits on. Needs nothing more: the answer is the clicked message. */
export const THREAD_ID = `${BUTTON_PREFIX}:thread`;

export interface QuoteLocation {
  key: string;
  paragraph: number;
  start: number;
  end: number;
}

/** Parses a button's custom id; `undefined` for anything malformed (ids come from Discord, but treat them as input). */
export function parseButtonId(customId: string): { action: 'more' | 'para' | 'thread'; locations: QuoteLocation[] } | undefined {
  if (customId === THREAD_ID) return { action: 'thread', locations: [] };
  const match = /^ask:(more|para):([\w.,-]{1,90})$/.exec(customId);
  if (!match) return undefined;
  const action = match[1] as 'more' | 'para';
  const locations: QuoteLocation[] = [];
  for (const part of (match[2] ?? '').split(',')) {
    const [key, paragraph, start, end] = part.split('.');
    const numbers = [paragraph, start ?? '0', end ?? '0'].map(Number);
    if (!key || numbers.some((n) => !Number.isInteger(n) || n < 0)) return undefined;
    locations.push({ key, paragraph: numbers[0] as number, start: numbers[1] as number, end: numbers[2] as number });
  }
  return { action, locations };
}
