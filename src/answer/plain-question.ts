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
 * Letters and digits styled by code point rather than by font: the mathematical
 * alphanumerics that "fancy text" generators and social media bios use
 * (`𝐰𝐡𝐨`, `𝕨𝕙𝕠`, `𝘸𝘩𝘰`), the letterlike symbols among them (`ℕ`, `ℎ`) and
 * circled letters (`Ⓝ`). Each becomes its ASCII letter or digit (its NFKC
 * form) when it has one; the rest of NFKC is not applied (see `plainQuestion`).
 */
const STYLED = /[\u{1D400}-\u{1D7FF}\u2100-\u214F\u24B6-\u24E9]/gu;

function unstyled(c: string): string {
  const plain = c.normalize('NFKC');
  return /^[A-Za-z0-9]$/.test(plain) ? plain : c;
}

/**
 * A question as its words, without how it was typed: Markdown marks
 * (`**who** bought ||Norsat||?`, inline code), invisible characters (a soft
 * hyphen or a zero-width space pasted inside a word splits it in two), accents
 * typed as separate marks (composed, NFC, as text usually stores them) and runs
 * of white space. Answers still show the question as asked; this is what is
 * analyzed. Full-width Latin letters, digits and punctuation (`ＷＨＯ ＢＯＵＧＨＴ ＮＯＲＳＡＴ？`, as
 * Chinese and Japanese keyboards type them) become ASCII, and so do letters
 * styled by code point (`𝕨𝕙𝕠 bought ℕ𝕠𝕣𝕤𝕒𝕥?`); other compatibility forms are
 * kept (`km²` must still match `km²`).
 */
export function plainQuestion(text: string): string {
  let plain = text;
  // Marks may nest (`***who***`, `**_who_**`) and a format character may stand between a letter and its accent: each pass
  // takes off one layer, until a pass changes nothing (NFC is idempotent, and every other change shortens the text).
  for (let next = once(plain); next !== plain; next = once(plain)) plain = next;
  return withoutChatter(plain.replace(/\s+/g, ' ').trim());
}

/** Greetings, thanks and politeness opening a question typed in a chat (`hey, `, `ok. `, `thx! `): not what it asks. */
const OPENING = /^(?:(?:hey|hi|hello|ok|okay|thanks|thank you|thx|ty|pls|plz|please|hmm+|um+|uh+)\b[\s,.!:;-]*)+(?=\S)/i;
/** *Please* anywhere (`why pls`, `who runs it please`). */
const PLEASE = /\s*\b(?:pls|plz|please)\b[\s,]*/gi;
/** A request to answer a question that follows it (`can you tell me`, `do you know`), as typed in a chat. */
const REQUEST = "(?:(?:can|could|would) you tell (?:me|us)|tell (?:me|us)|(?:do|does) (?:you|anyone) know|i(?: want| would like|'d like) to know|any idea)[\\s,]+";
/** The question asked inside such a request: a question word's (`do you know who leads it`) or a yes-or-no one (`can you tell me if everyone agreed`). */
const EMBEDDED = new RegExp(`^${REQUEST}(?:(?:if|whether)\\s+|(?=(?:who|whom|whose|what|which|when|where|why|how)\\b))`, 'i');

/**
 * Forms typed in a chat that the tagger does not know (`gonna` is read as a noun, `whats` as a name), as written: the
 * spoken ones, and a question word's *'s* typed without its apostrophe.
 */
const SPELLED: Readonly<Record<string, string>> = {
  gonna: 'going to', wanna: 'want to', whats: "what's", whos: "who's", wheres: "where's", whens: "when's", hows: "how's",
};
const SPOKEN = new RegExp(`\\b(?:${Object.keys(SPELLED).join('|')})\\b`, 'gi');

/** A chat form as written, capitalized as typed (`Whats` -> `What's`). */
function spelled(word: string): string {
  const written = SPELLED[word.toLowerCase()] ?? word;
  return /^\p{Lu}\p{Ll}/u.test(word) ? written.charAt(0).toUpperCase() + written.slice(1) : written;
}

/**
 * A question without the chatter around it in a chat: an opening greeting or
 * thanks, *please*, and a request to answer it (*can you tell me if*, *do you
 * know*), which would be read as words to look up; and *gonna*, *wanna*,
 * *whats* spelled out. *Tell me about Norsat* keeps its request, which asks for a topic.
 */
function withoutChatter(text: string): string {
  const bare = text.replace(OPENING, '').replace(PLEASE, ' ').trim().replace(EMBEDDED, '').replace(SPOKEN, spelled);
  // A question that was nothing but chatter (`thanks!`, `please`) stays as typed: declining it says so.
  return /[\p{L}\p{N}]/u.test(bare) ? bare.replace(/\s+([?!.])$/u, '$1').trim() : text;
}

function once(text: string): string {
  return (
    text
      .normalize('NFC')
      // Format characters (soft hyphen, zero-width spaces and joiners, byte-order mark, direction marks) carry no letter.
      .replace(/\p{Cf}/gu, '')
      .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
      .replace(STYLED, unstyled)
      .replace(/`+/g, '')
      .replace(EMPHASIS, '$1$3')
  );
}
