/**
 * Hostile text, as fast-check arbitraries, and the checks every message the bot sends must pass:
 * within Discord's limits, pinging no one, and no markdown that came from users or documents.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { DiscordMessage } from '../../src/render/discord.js';
import { DISCORD_LIMITS } from '../../src/render/fit.js';

/** Pieces people use to break bots: mentions, markdown, bidi and zero-width controls, control characters, scripts. */
export const FRAGMENTS = [
  '@everyone', '@here', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>',
  '</ask:123456789012345678>', '```', '```js\n', '`', '**', '__', '~~', '||', '*', '_', '\\', '> ', '>>> ', '# ', '-# ', '- ', '1. ',
  '[click](https://evil.example)', '<https://evil.example>', 'https://evil.example/@everyone',
  '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u200b', '\u200d', '\ufeff', '\u00ad',
  '\u0000', '\u0007', '\u001b[31m', '\t', '\r\n', '\n', '\u2028', '\u0085',
  'مرحبا بالعالم', 'שלום עולם', '你好世界', '👨‍👩‍👧‍👦', '🇨🇦', 'é', 'Z̴̡̛a̷l̶g̸o̵',
  'who bought Norsat?', 'Hytera', 'cyber espionage', 'the', 'of', 'and', 'what', 'who',
] as const;

const STOP_WORDS = ['the', 'of', 'a', 'an', 'and', 'to', 'in', 'is', 'was', 'it', 'what', 'who', 'which', 'did', 'does', '?'] as const;

/** A question made of hostile fragments and random Unicode, up to a few hundred characters. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 24 })
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));

/** Only stop words and question marks: nothing to search for. */
export const stopWordsOnly: fc.Arbitrary<string> = fc.array(fc.constantFrom(...STOP_WORDS), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

/** Far longer than the 300 characters Discord lets a user type, as a client bypassing the UI could send. */
export const veryLong: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 300, max: 2500 }))
  .map(([fragment, times]) => `who bought Norsat ${fragment} `.repeat(Math.ceil(times / 20)).slice(0, times * 2));

export const anyQuestion: fc.Arbitrary<string> = fc.oneof({ weight: 8, arbitrary: hostileText }, { weight: 1, arbitrary: stopWordsOnly }, { weight: 1, arbitrary: veryLong });

/** Discord counts characters (code points); JavaScript lengths are code units, never fewer. */
export function expectWithinLimits(message: DiscordMessage): void {
  expect(message.content.length).toBeGreaterThan(0);
  expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.buttons.length).toBeLessThanOrEqual(5);
  for (const button of message.buttons) {
    expect(button.customId.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(button.label.length).toBeLessThanOrEqual(80);
  }
}

/**
 * Markdown that reaches Discord unescaped, other than the bot's own: bold `**` and the italic title
 * of a `¶N · *title*` citation. Empty when user and document text cannot format the message.
 * Inside a bare URL Discord formats nothing (and discord.js leaves it alone); a lone `|`, `~` or `[`
 * is plain text, `||`, `~~` and `[label](url)` are not.
 */
export function strayMarkup(content: string): string[] {
  return content.split('\n').flatMap((line) => {
    const ours = line.replace(/^(¶\d+ · )\*(.*)\*$/, '$1$2');
    const rest = ours.replace(/\\[\s\S]/g, '').replace(/https?:\/\/\S*/g, '').replace(/\*\*/g, '');
    return rest.match(/[*_`]|\|\||~~|\[[^\]]*\]\(/g) ?? [];
  });
}

/** What every message body the bot sends to Discord must carry: mentions parse nothing, content within the limit. */
export function expectSafeBody(body: { content?: string | null; allowed_mentions?: unknown } & object): void {
  expect(body).toMatchObject({ allowed_mentions: { parse: [] } });
  expect([...String(body.content ?? '')].length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
}
