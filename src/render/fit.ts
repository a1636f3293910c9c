/** Discord's hard limits on what a message may hold. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedDescription: 4096,
  embedTotal: 6000,
  embedFields: 25,
  customId: 100,
  choiceName: 100,
  choices: 25,
} as const;

const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` characters, cutting after the last sentence
 * end that fits, else at the last word boundary, and marking the cut with `…`.
 * Never splits a surrogate pair.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let room = max - ELLIPSIS.length;
  if (isLowSurrogate(text.charCodeAt(room))) room--;
  const head = text.slice(0, room);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd >= room / 2) return `${head.slice(0, sentenceEnd + 1)} ${ELLIPSIS}`;
  const space = head.lastIndexOf(' ');
  return `${space >= room / 2 ? head.slice(0, space) : head}${ELLIPSIS}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
