/**
 * Markdown's emphasis, strike-through and spoiler marks around words (`**who**`,
 * `_Norsat_`, `~~old~~`, `||spoiler||`): a mark, words that start and end with
 * a letter or digit, the same mark, neither touching a word outside. One inside
 * a word (`max_tokens`, `__init__`) or alone (`2 * 3`, `2**8`) is kept.
 */
const EMPHASIS = /(^|[^\p{L}\p{N}])(\*\*|__|~~|\|\||\*|_)(?=[\p{L}\p{N}])(.*?[\p{L}\p{N}])\2(?![\p{L}\p{N}])/gu;

/** Unicode's full-width forms of ASCII's `!` to `~`, and how far each stands from its ASCII letter. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * A question as its words, without how it was typed: Markdown marks
 * (`**who** bought ||Norsat||?`, inline code), invisible characters (a soft
 * hyphen or a zero-width space pasted inside a word splits it in two), accents
 * typed as separate marks (composed, NFC, as text usually stores them) and runs
 * of white space. Answers still show the question as asked; this is what is
 * analyzed. Full-width Latin letters, digits and punctuation (`ＷＨＯ ＢＯＵＧＨＴ ＮＯＲＳＡＴ？`, as
 * Chinese and Japanese keyboards type them) become ASCII; other compatibility
 * forms are kept (`km²` must still match `km²`).
 */
export function plainQuestion(text: string): string {
  let plain = text;
  // Marks may nest (`***who***`, `**_who_**`) and a format character may stand between a letter and its accent: each pass
  // takes off one layer, until a pass changes nothing (NFC is idempotent, and every other change shortens the text).
  for (let next = once(plain); next !== plain; next = once(plain)) plain = next;
  return plain.replace(/\s+/g, ' ').trim();
}

function once(text: string): string {
  return (
    text
      .normalize('NFC')
      // Format characters (soft hyphen, zero-width spaces and joiners, byte-order mark, direction marks) carry no letter.
      .replace(/\p{Cf}/gu, '')
      .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
      .replace(/`+/g, '')
      .replace(EMPHASIS, '$1$3')
  );
}
