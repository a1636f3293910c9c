import type { Token } from '../chunk/token.js';

/** A possible short answer: a run of tokens `[first, last]` in a sentence, and what it looks like. */
export interface Candidate {
  first: number;
  last: number;
  shape: Shape;
}

/** What a candidate span looks like, to be matched against what the question wants. */
/** `clause`: a reason or purpose (`because ...`, `to ...`); `means`: how something is done (`by ...`). */
/** `statement`: what someone said, in quotation marks or after `said`. */
export type Shape = 'date' | 'number' | 'amount' | 'duration' | 'name' | 'phrase' | 'clause' | 'means' | 'statement';

/** Every shape, in a fixed order (the order of the model's features for them). */
export const SHAPES: readonly Shape[] = ['date', 'number', 'amount', 'duration', 'name', 'phrase', 'clause', 'means', 'statement'];

const NAME_JOINERS = new Set(['of', 'and', 'the', 'de', 'du', 'von', 'van', 'la', 'le', '&', 'al', 'bin', 'y']);
const REASON_MARKERS = new Set(['because', 'since', 'as', 'so', 'due', 'to', 'for', 'owing', 'thanks', 'amid', 'citing', 'blaming']);
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?', '(', ')', '—', '–']);

function entityShape(entity: string | undefined, token: Token): Shape | undefined {
  switch (entity) {
    case 'DATE':
    case 'TIME':
      return 'date';
    case 'MONEY':
      return 'amount';
    case 'DURATION':
      return 'duration';
    case 'CARDINAL':
    case 'PERCENT':
    case 'ORDINAL':
    case 'QUANTITY':
      // A bare four-digit number in running text is almost always a year.
      return /^(1[0-9]|20)\d\d$/.test(token.text) ? 'date' : 'number';
    default:
      return undefined;
  }
}

/** Whether a token says a number, in digits or in words: a number the tagger tagged, or an entity that is a date, a sum, a length or a count. */
export function saysNumber(token: Token): boolean {
  return token.pos === 'NUM' || entityShape(token.entity, token) !== undefined;
}

/** Every candidate span of a sentence: entities (dates, numbers, money), runs of proper names, noun phrases and clauses. */
export function candidates(tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  // Entities from wink-nlp, and bare numbers it left untyped.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const shape = /^\d{2,4}s$/.test(token.text) ? 'date' : entityShape(token.entity, token) ?? (token.pos === 'NUM' ? entityShape('CARDINAL', token) : undefined);
    if (!shape) continue;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1]?.entity !== undefined && tokens[last + 1]?.entity === token.entity) last++;
    // `the 10th century`, `3 million people`: a number with the noun it counts.
    const unit = tokens[last + 1];
    if (unit && (unit.pos === 'NOUN') && shape !== 'amount') last++;
    // `£304m`: wink-nlp types only some currencies as money; a number right after a currency sign is an amount.
    if (isCurrencySign(tokens[i - 1]) && (shape === 'number' || shape === 'date')) out.push({ first: i - 1, last, shape: 'amount' });
    else out.push({ first: i, last, shape: unit && /centur|year|decade/i.test(unit.text) ? 'date' : shape });
    i = last;
  }
  // Runs of proper names, joined by `of`, `and`, `the`: `Globe and Mail`, `Duke of Normandy`.
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.pos !== 'PROPN' && !(isCapitalizedNoun(tokens, i) && tokens[i + 1]?.pos === 'PROPN')) continue;
    let last = i;
    for (let j = i + 1; j < tokens.length; j++) {
      const token = tokens[j] as Token;
      if (token.pos === 'PROPN' || isCapitalizedNoun(tokens, j) || (isRegnalNumber(tokens, j) && j === last + 1)) last = j;
      else if (!NAME_JOINERS.has(token.text.toLowerCase())) break;
    }
    // `Tuesday`, `June`: days and months are dates, already candidates as such, not names of someone.
    if (isDateRun(tokens, i, last)) {
      i = last;
      continue;
    }
    // `Canadian satellite firm`, `Additional reporting`, `Formosa 4 project`: a name right before a common noun
    // (or a number then one) modifies it.
    let next = last + 1;
    while (tokens[next]?.pos === 'NUM') next++;
    const modifier = tokens[next]?.pos === 'NOUN' && last === i;
    out.push({ first: i, last, shape: modifier ? 'phrase' : 'name' });
    // The run without its joined parts, when it has any: `China` of `China and the United States`.
    for (let j = i; j <= last; j++) {
      if (tokens[j]?.pos !== 'PROPN' && j > i) {
        out.push({ first: i, last: j - 1, shape: 'name' });
        break;
      }
    }
    i = last;
  }
  // Noun phrases: optional determiner, modifiers, nouns; extended by `of` + noun phrase.
  for (let i = 0; i < tokens.length; i++) {
    if (!isNominal(tokens[i]) && tokens[i]?.pos !== 'DET' && tokens[i]?.pos !== 'ADJ') continue;
    let last = -1;
    let j = i;
    while (j < tokens.length && (isNominal(tokens[j]) || ['ADJ', 'DET', 'NUM'].includes(tokens[j]?.pos ?? '') || tokens[j]?.text === "'s" || tokens[j]?.text === '-' || hyphenated(tokens, j))) {
      if (isNominal(tokens[j])) last = j;
      j++;
    }
    if (last === -1) continue;
    if (tokens[last + 1]?.text.toLowerCase() === 'of' && isNominalStart(tokens[last + 2])) {
      let k = last + 2;
      let tail = -1;
      while (k < tokens.length && (isNominal(tokens[k]) || ['ADJ', 'DET', 'NUM'].includes(tokens[k]?.pos ?? ''))) {
        if (isNominal(tokens[k])) tail = k;
        k++;
      }
      if (tail !== -1) out.push({ first: i, last: tail, shape: 'phrase' });
    }
    out.push({ first: i, last, shape: 'phrase' });
    i = last;
  }
  // Clauses for why and how: from a marker (`because`, `to`; `by` for the means) to the next punctuation.
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.text.toLowerCase() ?? '';
    if (!REASON_MARKERS.has(word) && word !== 'by') continue;
    // `to lessen dependence` gives a purpose; `exports to the United States` does not.
    if (word === 'to' && tokens[i]?.pos !== 'PART') continue;
    let last = i;
    while (last + 1 < tokens.length && !CLAUSE_END.has(tokens[last + 1]?.text ?? '')) last++;
    if (last > i) out.push({ first: i, last, shape: word === 'by' ? 'means' : 'clause' });
  }
  out.push(...statements(tokens), ...years(tokens, out), ...joined(tokens, out));
  // A dateline (`RIGA (Reuters) -`) says where the story was filed and by whom, not what it reports: no answer starts there.
  const text = datelineEnd(tokens, tokens.length);
  return text === 0 ? out : out.filter((span) => span.first >= text);
}

/** What a number counts when it comes right before it. */
const COUNTED = new Set(['NOUN', 'PROPN', 'ADJ', 'SYM']);

/** Words that join two spans into one answer: `defensins and zinc`, `5,000 to 30,000`, `1759-60`. */
const JOINERS = new Set(['and', 'or', 'to', '-', '–', 'nor']);

/**
 * Two spans of one shape joined by `and`, `or` or `to` (`5,000 to 30,000`), and
 * a name followed by its number (`State Route 41`, `Apollo 11`).
 */
function joined(tokens: readonly Token[], spans: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const byFirst = new Map<number, Candidate[]>();
  for (const span of spans) {
    const list = byFirst.get(span.first);
    if (list) list.push(span);
    else byFirst.set(span.first, [span]);
  }
  for (const span of spans) {
    if (span.shape === 'clause' || span.shape === 'means' || span.shape === 'statement') continue;
    if (JOINERS.has(tokens[span.last + 1]?.text.toLowerCase() ?? '')) {
      for (const next of byFirst.get(span.last + 2) ?? []) {
        if (next.shape === span.shape) out.push({ first: span.first, last: next.last, shape: span.shape });
      }
    }
    if (span.shape === 'name' && tokens[span.last + 1]?.pos === 'NUM') {
      let last = span.last + 1;
      while (tokens[last + 1]?.pos === 'NUM') last++;
      // A number that counts what follows it (`Orsella 84 million euros`, `Norsat 3 ferries`) is an amount, not the name's number.
      if (!COUNTED.has(tokens[last + 1]?.pos ?? '')) out.push({ first: span.first, last, shape: 'name' });
    }
  }
  return out;
}

/** The year of each longer date (`2014` of `November 2014`): *what year* asks for it alone. */
function years(tokens: readonly Token[], spans: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const span of spans) {
    if (span.shape !== 'date' || span.first === span.last) continue;
    for (let i = span.first; i <= span.last; i++) if (/^\d{3,4}$/.test(tokens[i]?.text ?? '')) out.push({ first: i, last: i, shape: 'date' });
  }
  return out;
}

/** Forms of `say`, whose object is what was said (`say it`); wink-nlp gives them no term. */
export const SAY: ReadonlySet<string> = new Set(['say', 'says', 'said', 'saying']);
/** Forms of `tell`, whose object is who was told, not what. */
const TELL: ReadonlySet<string> = new Set(['tell', 'tells', 'told', 'telling']);
/** The forms of the verbs that report speech: `says`, `told`, `announced`. */
export const SPEECH_VERBS = new Set([
  ...SAY, ...TELL, 'announce', 'announces', 'announced', 'state', 'states', 'stated',
  'claim', 'claims', 'claimed', 'warn', 'warns', 'warned', 'insist', 'insists', 'insisted', 'argue', 'argues', 'argued',
]);
/** The marks that open and close what someone said. */
export const OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '"', '‘']);
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '"', '’']);
const STATEMENT_END = new Set(['.', ';', '!', '?', '”', '"']);

/**
 * What a sentence reports someone said: the words in quotation marks, the
 * clause after a speech verb (`says it is also a victim of hacking`), and the
 * clause before `, X said.`.
 */
function statements(tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const words = (first: number, last: number): void => {
    while (first <= last && (tokens[first]?.pos === 'PUNCT' || tokens[first]?.text.toLowerCase() === 'that')) first++;
    // Closing punctuation goes, but not the bracket that closes one opened inside: `($121 billion)`.
    while (last >= first && tokens[last]?.pos === 'PUNCT' && !(tokens[last]?.text === ')' && tokens.slice(first, last).some((t) => t.text === '('))) last--;
    if (last - first >= 2) out.push({ first, last, shape: 'statement' });
  };
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]?.text ?? '';
    if (OPENING_QUOTES.has(text) && (i === 0 || tokens[i - 1]?.end !== tokens[i]?.start || !/\w/.test(tokens[i - 1]?.text ?? ''))) {
      let close = i + 1;
      while (close < tokens.length && !CLOSING_QUOTES.has(tokens[close]?.text ?? '')) close++;
      words(i + 1, close - 1);
      i = close;
      continue;
    }
    if (!SPEECH_VERBS.has(text.toLowerCase()) || tokens[i]?.pos !== 'VERB') continue;
    let end = i + 1;
    while (end < tokens.length && !STATEMENT_END.has(tokens[end]?.text ?? '')) end++;
    // `said on Tuesday it had won ...`: when it was said comes first.
    let from = i + 1;
    if (tokens[from]?.pos === 'ADP' && isDateToken(tokens[from + 1])) from++;
    while (isDateToken(tokens[from])) from++;
    // `said in a statement on June 22`, `told CTV on Sunday`: where and when it was said, not what.
    const circumstance = TELL.has(text.toLowerCase()) || tokens[from]?.pos === 'ADP' || tokens[from]?.pos === 'PUNCT' || end - from <= 4;
    if (!circumstance) words(from, end - 1);
    // `Breaches had dropped, advisers said.`: the statement comes first, after any dateline (`LONDON (Reuters) -`).
    if (!circumstance) continue;
    let comma = i - 1;
    while (comma > 0 && tokens[comma]?.text !== ',') comma--;
    let quoted = false;
    for (let j = 0; j < comma && !quoted; j++) quoted = OPENING_QUOTES.has(tokens[j]?.text ?? '');
    if (comma > 0 && !quoted) words(datelineEnd(tokens, comma), comma - 1);
  }
  return out;
}

function isDateToken(token: Token | undefined): boolean {
  return token?.entity === 'DATE' || token?.entity === 'TIME';
}

/** Where a sentence's text starts after a dateline such as `LONDON (Reuters) -`, before `limit`; 0 without one. */
function datelineEnd(tokens: readonly Token[], limit: number): number {
  for (let i = 1; i < Math.min(limit, 8); i++) {
    if (/^[-–—]$/.test(tokens[i]?.text ?? '') && tokens[i - 1]?.text === ')') return i + 1;
  }
  return 0;
}

/** A participle joined by a hyphen to the word before it: `state-sponsored`, `China-based`. */
function hyphenated(tokens: readonly Token[], j: number): boolean {
  const token = tokens[j];
  const dash = tokens[j - 1];
  return token?.pos === 'VERB' && dash?.text === '-' && dash.end === token.start && tokens[j - 2]?.end === dash.start;
}

function isNominal(token: Token | undefined): boolean {
  return token?.pos === 'NOUN' || token?.pos === 'PROPN' || (token?.pos === 'NUM' && token.entity === undefined);
}

function isNominalStart(token: Token | undefined): boolean {
  return isNominal(token) || token?.pos === 'DET' || token?.pos === 'ADJ';
}

/** A king's or a pope's number after the name (`Richard I`, `Ethelred II`); the tagger reads `I` as a pronoun. */
const ROMAN_NUMERAL = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;

/** Whether token `i` is such a number right after a proper name. */
export function isRegnalNumber(tokens: readonly Token[], i: number): boolean {
  return ROMAN_NUMERAL.test(tokens[i]?.text ?? '') && tokens[i - 1]?.pos === 'PROPN';
}

/**
 * A capitalized common noun inside a sentence (`Sky` of `Sky Digital`, `HD` of
 * `BBC HD`): the tagger's reading of a word of a name it does not know. Not the
 * first word, where every word is capitalized.
 */
export function isCapitalizedNoun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return i > 0 && token?.pos === 'NOUN' && /^\p{Lu}/u.test(token.text) && !/^["“‘'(]$/.test(tokens[i - 1]?.text ?? '');
}

/** Whether a token is a currency sign (`£`, `$`, `€`, `¥`). */
export function isCurrencySign(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Sc}$/u.test(token.text);
}

/** Whether tokens `first` to `last` all belong to a date or time entity. */
function isDateRun(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const entity = tokens[i]?.entity;
    if (entity !== 'DATE' && entity !== 'TIME') return false;
  }
  return true;
}
