import { memoize, nlp, stem } from './nlp.js';
import type { Pos, Sentence, Token } from './token.js';

// Words that carry no content in a question or a sentence beyond what wink-nlp
// flags as stop words: the question words themselves and light verbs.
/** The question words: never search terms, and what the answer module reads a question's asking by (`isQuestionWord`). */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
const FUNCTION_POS = new Set<Pos>(['PUNCT', 'SYM', 'SPACE', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'PRON', 'AUX', 'X']);
const CONTENT_POS = new Set<Pos>(['PROPN', 'NUM', 'NOUN']);

// Abbreviations after which a capitalised word does not start a new sentence.
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm',
  'jr', 'sr', 'rev', 'hon', 'pres', 'supt', 'det', 'insp', 'no', 'vs', 'v', 'fig', 'vol', 'op', 'inc', 'corp',
  'ltd', 'co', 'bros', 'messrs', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'ca', 'approx', 'est', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd',
]);

/**
 * Splits a paragraph into sentences and tokens with wink-nlp, with offsets into
 * the paragraph, and repairs wink's splits inside tickers (`002583.SZ`,
 * `NII.TO`), after titles (`Mr.`), initials (`J.`), and before lower-case words.
 */
export function analyze(text: string): Sentence[] {
  const wink = nlp(text.length);
  const doc = wink.readDoc(text);
  const its = wink.its;
  const tokenList = doc.tokens();
  // wink-nlp's typings reject some `its` helpers (lemma, pos) that its docs use with `out`.
  const column = <T>(helper: unknown): T[] => tokenList.out(helper as Parameters<typeof tokenList.out>[0]) as unknown as T[];
  const values = column<string>(its.value);
  const pos = column<Pos>(its.pos);
  const lemmas = column<string>(its.lemma);
  const stopFlags = column<boolean>(its.stopWordFlag);
  const entityTypes = doc.entities().out(its.type) as string[];
  const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const sentenceSpans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

  const raw: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const found = text.indexOf(value, cursor);
    // wink-nlp keeps token text verbatim; the fallback only guards against a surprise.
    const start = found === -1 ? cursor : found;
    const end = found === -1 ? cursor : start + value.length;
    cursor = end;
    const tag = pos[i] ?? 'X';
    // `value` is wink-nlp's own copy of the text: equal to the slice, and already hashed for the memos below.
    const token: Token = { text: found === -1 ? '' : value, start, end, pos: tag, term: '', word: '', stem: '' };
    setTerms(token, lemmas[i] ?? value, stopFlags[i] === true);
    raw.push(token);
  });
  entitySpans.forEach(([first, last], k) => {
    for (let i = first; i <= last; i++) {
      const token = raw[i];
      if (token) token.entity = entityTypes[k] ?? 'ENTITY';
    }
  });

  const bounds = mergeSentences(text, raw, sentenceSpans);
  const tokens = mergeTickers(text, raw);
  const sentences: Sentence[] = [];
  let t = 0;
  for (const [start, end] of bounds) {
    const own: Token[] = [];
    while (t < tokens.length && (tokens[t]?.start ?? Infinity) < end) own.push(tokens[t++] as Token);
    const trimmed = trimSpan(text, start, end);
    if (trimmed[1] > trimmed[0]) sentences.push({ text: text.slice(trimmed[0], trimmed[1]), start: trimmed[0], end: trimmed[1], tokens: own });
  }
  return sentences;
}

/** Analyzes a question or a heading: its tokens, with offsets into it, sentences aside. */
export function analyzePhrase(text: string): Token[] {
  return analyze(text).flatMap((sentence) => sentence.tokens);
}

function setTerms(token: Token, lemma: string, stop: boolean): void {
  if (!/[\p{L}\p{N}]/u.test(token.text)) return;
  if (FUNCTION_POS.has(token.pos) && !/\d/.test(token.text) && !unplacedWord(token)) return;
  if (QUESTION_WORDS.has(token.text.toLowerCase())) return;
  if (stop && !CONTENT_POS.has(token.pos)) return;
  const folded = fold(lemma);
  const lower = token.pos === 'NUM' ? (NUMBER_WORDS.get(folded) ?? folded) : folded;
  token.term = lower;
  const { word, stem: stemmed } = surfaceForms(token.text);
  token.word = word;
  token.stem = stemmed !== lower && stemmed.length >= 3 ? stemmed : '';
}

/**
 * A word wink-nlp tags X, as it does a word it cannot place: a product's name
 * (*the Pro plan*, a table's *Pro | $12*), a foreign word (*de facto*, *Esprit*).
 * Letters only, so `e.g.` and symbols stay out: a word like this is content.
 */
function unplacedWord(token: Token): boolean {
  return token.pos === 'X' && /^\p{L}{2,}$/u.test(token.text);
}

/** Character ranges of sentences after undoing wink-nlp's wrong splits. */
function mergeSentences(text: string, tokens: Token[], spans: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [first, last] of spans) {
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last]?.end ?? start;
    const previous = merged[merged.length - 1];
    if (previous && continuesSentence(text, tokens, first, previous[1])) previous[1] = end;
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether the sentence starting at token `first` really continues the one ending at `previousEnd`. */
function continuesSentence(text: string, tokens: Token[], first: number, previousEnd: number): boolean {
  const head = tokens[first];
  if (!head) return false;
  // `002583.SZ`, `NII.TO`: no space after the dot means the dot was inside a word.
  if (head.start === previousEnd) return /^[\p{L}\p{N}]/u.test(head.text);
  // A sentence does not start with a lower-case word or with closing punctuation.
  if (/^[\p{Ll},;:)\]}%]/u.test(head.text)) return true;
  // `Mr. Smith`, `J. R. Smith`, `Norsat Inc. said`: a title, an initial or a company suffix before the dot.
  const word = wordBeforeDot(text, previousEnd);
  if (!word) return false;
  return TITLES.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/**
 * The word of letters right before the dot that ends at `end`, when it starts
 * the text or follows a space or `(`. Read backwards from the dot: matching a
 * regular expression against the text up to `end` would read the whole
 * paragraph at each sentence end, which is quadratic in a long paragraph.
 */
function wordBeforeDot(text: string, end: number): string | undefined {
  if (text[end - 1] !== '.') return undefined;
  let start = end - 1;
  while (start > 0) {
    // A letter outside the basic plane is two UTF-16 units, the second a low surrogate.
    const unit = text.charCodeAt(start - 1);
    const width = unit >= 0xdc00 && unit <= 0xdfff && start > 1 ? 2 : 1;
    if (!/^\p{L}$/u.test(text.slice(start - width, start))) break;
    start -= width;
  }
  if (start === end - 1 || (start > 0 && !/[\s(]/.test(text[start - 1] as string))) return undefined;
  return text.slice(start, end - 1);
}

/** Joins `002583` `.` `SZ` into one token `002583.SZ` (term `002583.sz`): tickers and codes stay whole. */
function mergeTickers(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const dot = tokens[i + 1];
    const tail = tokens[i + 2];
    if (
      dot?.text === '.' && tail && dot.start === token.end && tail.start === dot.end &&
      /^[\p{L}\p{N}]+$/u.test(token.text) && /^[\p{Lu}\p{N}]{1,6}$/u.test(tail.text)
    ) {
      const whole = text.slice(token.start, tail.end);
      out.push({ text: whole, start: token.start, end: tail.end, pos: 'PROPN', term: fold(whole), word: fold(whole), stem: '' });
      i += 2;
      continue;
    }
    out.push(token);
  }
  return out;
}

/**
 * Numbers written as words, as digits: `four packages` and `4 packages` are the
 * same term, as a question may write either. Only the words that stand alone
 * (compounds like `twenty-one` stay words).
 */
const NUMBER_WORDS = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']
    .map((word, value) => [word, String(value)] as const)
    .concat(['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, i) => [word, String((i + 3) * 10)] as const)),
);

/** Lower case without accents, so `Hervé` matches `Herve` and `Île` matches `Ile`. */
const fold = memoize((word: string): string => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());

/**
 * Longest token that gets a stem. The stemmer's regular expressions take time
 * growing with the square of a word's length (a 16,000-letter token took 1.5 s),
 * and no word of a language is this long: a longer token is a URL, a code or a
 * blob, matched exactly or not at all.
 */
const LONGEST_STEMMED = 64;

/**
 * A token's text folded, and its folded Porter stem (the same as folding
 * wink-nlp's `its.stem`, which runs the stemmer on every token; none for a
 * token longer than `LONGEST_STEMMED`): remembered together, as words repeat
 * and stemming was a fifth of chunking time.
 */
const surfaceForms = memoize((text: string): { word: string; stem: string } => ({
  word: fold(text),
  stem: text.length <= LONGEST_STEMMED ? fold(stem(text)) : '',
}));

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return [start, end];
}
