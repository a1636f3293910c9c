/**
 * Questions about the document itself rather than what it says (*Who wrote the
 * article?*, *What is this article about?*): what they may call it, and the
 * form they are matched in.
 */

/** What a question may call the document itself. */
export const DOCUMENT = String.raw`(?:it|this|that|(?:the|this|that) (?:article|story|piece|post|blog post|page|report|document|text|column|essay|news (?:story|article|report)))`;

/** Lower case, curly apostrophes straight, `who's` and `what's` spelled out, punctuation gone, spaces collapsed. */
export function normalizeAsked(question: string): string {
  return question
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(who|what)'s\b/g, '$1 is')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
