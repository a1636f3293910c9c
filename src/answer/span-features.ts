import type { Chunk } from '../chunk/chunk.js';
import type { Token } from '../chunk/token.js';
import { ANSWER_KINDS, isQuestionWord, kindNoun, type AnswerKind, type Question } from './question.js';
import { SHAPES, type Candidate } from './spans.js';
import { isKindOf } from '../wordnet/related.js';

/**
 * The features of a candidate short answer, by name: what the span model
 * weighs to pick the words a reader would underline. Nothing here is a weight.
 * Most are one-hot (the question's kind with the span's shape, parts of speech
 * at its edges) or hashed words around the span; the model file lists the names
 * it was fitted with, in this order.
 */
const ENTITIES = ['DATE', 'TIME', 'MONEY', 'CARDINAL', 'PERCENT', 'ORDINAL', 'QUANTITY', 'DURATION'] as const;
const EDGE_POS = ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'VERB', 'ADP', 'PRON', 'PART', 'PUNCT', 'SCONJ', 'ADV'] as const;
const ROLES = ['subject', 'object', 'none'] as const;
const LENGTHS = ['1', '2', '3', '4to6', 'over6'] as const;
/** Buckets of the hashed words around a span, alone and with the question's kind. */
const WORD_BUCKETS = 32;
const KIND_WORD_BUCKETS = 64;
/** Question nouns that ask for a year or a century: `what year`, `which century`. */
const YEAR_FOCUS = new Set(['year', 'century', 'decade']);
/** What *who* and *where* ask for when no noun says it: the WordNet kind their answer is. */
const IMPLICIT_FOCUS: Partial<Record<AnswerKind, string>> = { person: 'person', place: 'location' };

export const SPAN_FEATURE_NAMES: readonly string[] = [
  ...ANSWER_KINDS.flatMap((kind) => SHAPES.map((shape) => `${kind}_${shape}`)),
  ...SHAPES.map((shape) => `shape_${shape}`),
  ...ENTITIES.map((entity) => `entity_${entity}`),
  ...EDGE_POS.map((pos) => `firstPos_${pos}`),
  ...EDGE_POS.map((pos) => `lastPos_${pos}`),
  ...EDGE_POS.map((pos) => `beforePos_${pos}`),
  ...EDGE_POS.map((pos) => `afterPos_${pos}`),
  'propnShare', 'nounShare', 'verbShare', 'numShare',
  'length', ...LENGTHS.map((l) => `length_${l}`), ...ANSWER_KINDS.map((kind) => `lengthFor_${kind}`),
  'distance', 'noMatched', 'distanceLeft', 'distanceRight', 'matchedJustBefore', 'matchedJustAfter', 'matchedInside',
  ...ROLES.flatMap((role) => [`leftOfVerb_${role}`, `rightOfVerb_${role}`, `justBeforeVerb_${role}`, `justAfterVerb_${role}`]),
  'afterPassiveBy',
  'askedShare', 'trimmed',
  'position', 'atStart', 'atEnd', 'commaBefore', 'commaAfter', 'quoted',
  'yearAsked_year', 'yearAsked_notYear', 'focusInSpan', 'focusJustAfter', 'focusJustBefore', 'focusKind', 'askedKind', 'listForSeveral', 'listForOne', 'nameAsked',
  'slotBefore', 'slotAfter', 'kindOfFocusJustAfter', 'kindOfFocusJustBefore',
  ...range(WORD_BUCKETS).map((b) => `before#${b}`),
  ...range(WORD_BUCKETS).map((b) => `after#${b}`),
  ...range(KIND_WORD_BUCKETS).map((b) => `kindBefore#${b}`),
  ...range(KIND_WORD_BUCKETS).map((b) => `kindAfter#${b}`),
  ...range(WORD_BUCKETS).map((b) => `kindFirst#${b}`),
];

const INDEX = new Map(SPAN_FEATURE_NAMES.map((name, i) => [name, i]));
const at = (name: string): number => INDEX.get(name) as number;
const KIND_SHAPE = at(`${ANSWER_KINDS[0]}_${SHAPES[0]}`);
const SHAPE = at(`shape_${SHAPES[0]}`);
const ENTITY = at(`entity_${ENTITIES[0]}`);
const FIRST_POS = at(`firstPos_${EDGE_POS[0]}`);
const LAST_POS = at(`lastPos_${EDGE_POS[0]}`);
const BEFORE_POS = at(`beforePos_${EDGE_POS[0]}`);
const AFTER_POS = at(`afterPos_${EDGE_POS[0]}`);
const LENGTH_FOR = at(`lengthFor_${ANSWER_KINDS[0]}`);
const BEFORE = at('before#0');
const AFTER = at('after#0');
const KIND_BEFORE = at('kindBefore#0');
const KIND_AFTER = at('kindAfter#0');
const KIND_FIRST = at('kindFirst#0');
const LENGTH = at('length_1');
const VERB_SIDE = at('leftOfVerb_subject');
const F_YEARASKED_YEAR = at('yearAsked_year');
const F_YEARASKED_NOTYEAR = at('yearAsked_notYear');
const F_AFTERPASSIVEBY = at('afterPassiveBy');
const F_ASKEDSHARE = at('askedShare');
const F_ATEND = at('atEnd');
const F_ATSTART = at('atStart');
const F_COMMAAFTER = at('commaAfter');
const F_COMMABEFORE = at('commaBefore');
const F_DISTANCE = at('distance');
const F_DISTANCELEFT = at('distanceLeft');
const F_DISTANCERIGHT = at('distanceRight');
const F_FOCUSINSPAN = at('focusInSpan');
const F_FOCUSJUSTAFTER = at('focusJustAfter');
const F_FOCUSJUSTBEFORE = at('focusJustBefore');
const F_FOCUSKIND = at('focusKind');
const F_KINDOF_FOCUSJUSTAFTER = at('kindOfFocusJustAfter');
const F_KINDOF_FOCUSJUSTBEFORE = at('kindOfFocusJustBefore');
const F_ASKEDKIND = at('askedKind');
const F_LISTFORSEVERAL = at('listForSeveral');
const F_LISTFORONE = at('listForOne');
const F_SLOTBEFORE = at('slotBefore');
const F_SLOTAFTER = at('slotAfter');
const F_LENGTH = at('length');
const F_MATCHEDINSIDE = at('matchedInside');
const F_MATCHEDJUSTAFTER = at('matchedJustAfter');
const F_MATCHEDJUSTBEFORE = at('matchedJustBefore');
const F_NAMEASKED = at('nameAsked');
const F_NOMATCHED = at('noMatched');
const F_NOUNSHARE = at('nounShare');
const F_NUMSHARE = at('numShare');
const F_POSITION = at('position');
const F_PROPNSHARE = at('propnShare');
const F_QUOTED = at('quoted');
const F_TRIMMED = at('trimmed');
const F_VERBSHARE = at('verbShare');

/** A candidate span as the model sees it: trimmed of the question's words, with how many of them are still inside. */
export interface SpanCandidate extends Candidate {
  /** Whether the candidate lost words of the question at its edges. */
  trimmed: boolean;
  /** Share of its content words that are the question's. */
  askedShare: number;
}

/** The question's side of the features, worked out once per sentence. */
interface Setting {
  chunk: Chunk;
  question: Question;
  kind: AnswerKind;
  role: (typeof ROLES)[number];
  matched: readonly number[];
  /** Matched tokens that are verbs: the verb the question asks about. */
  verbs: number[];
  /** The word the answer would follow, and the one it would precede, in the question said as a statement (see `slotOf`). */
  slot: { before?: string; after?: string };
  /** The hash of `kind|`, from which the kind-and-word features hash on. */
  kindHash: number;
  /** Whether the question asks for several things (see `asksSeveral`). */
  several: boolean;
  /** Whether it asks what kind of thing (*what kind of firm*, see `kindNoun`): answered by the words before the noun, not a name after it. */
  kindOf: boolean;
}

/**
 * The feature rows of a sentence's candidate spans (`SPAN_FEATURE_NAMES.length`
 * numbers each), for the question; `matched` are the sentence's tokens that
 * match a question word.
 */
export function spanRows(chunk: Chunk, question: Question, matched: readonly number[], spans: readonly SpanCandidate[]): Float64Array {
  const width = SPAN_FEATURE_NAMES.length;
  const rows = new Float64Array(spans.length * width);
  // A question for a name picks its span as a question for any named thing does.
  const kind = question.name ? 'entity' : question.kind;
  const setting: Setting = {
    chunk,
    question,
    kind,
    role: question.role ?? 'none',
    matched,
    verbs: matched.filter((i) => chunk.tokens[i]?.pos === 'VERB'),
    slot: slotOf(question),
    kindHash: hash(`${kind}|`),
    several: asksSeveral(question),
    kindOf: kindNoun(question.tokens) !== undefined,
  };
  spans.forEach((span, s) => fill(rows, s * width, span, setting));
  return rows;
}

function fill(row: Float64Array, o: number, span: SpanCandidate, setting: Setting): void {
  const { chunk, question, kind, role, matched, verbs } = setting;
  const roleIndex = ROLES.indexOf(role);
  const tokens = chunk.tokens;
  const { first, last } = span;
  const length = last - first + 1;
  const kindIndex = ANSWER_KINDS.indexOf(kind);
  const shapeIndex = SHAPES.indexOf(span.shape);
  row[o + KIND_SHAPE + kindIndex * SHAPES.length + shapeIndex] = 1;
  row[o + SHAPE + shapeIndex] = 1;
  const entity = ENTITIES.indexOf(tokens[first]?.entity as (typeof ENTITIES)[number]);
  if (entity >= 0) row[o + ENTITY + entity] = 1;
  const firstPos = EDGE_POS.indexOf(tokens[first]?.pos as (typeof EDGE_POS)[number]);
  if (firstPos >= 0) row[o + FIRST_POS + firstPos] = 1;
  const lastPos = EDGE_POS.indexOf(tokens[last]?.pos as (typeof EDGE_POS)[number]);
  if (lastPos >= 0) row[o + LAST_POS + lastPos] = 1;
  // The words just outside: a noun after the span (`men's ice | hockey`) or a determiner before it cuts a phrase in two.
  const beforePos = EDGE_POS.indexOf(tokens[first - 1]?.pos as (typeof EDGE_POS)[number]);
  if (beforePos >= 0) row[o + BEFORE_POS + beforePos] = 1;
  const afterPos = EDGE_POS.indexOf(tokens[last + 1]?.pos as (typeof EDGE_POS)[number]);
  if (afterPos >= 0) row[o + AFTER_POS + afterPos] = 1;
  let names = 0;
  let nouns = 0;
  let verbsIn = 0;
  let numbers = 0;
  for (let i = first; i <= last; i++) {
    const pos = tokens[i]?.pos;
    if (pos === 'PROPN') names++;
    else if (pos === 'NOUN') nouns++;
    else if (pos === 'VERB') verbsIn++;
    else if (pos === 'NUM') numbers++;
  }
  row[o + F_PROPNSHARE] = names / length;
  row[o + F_NOUNSHARE] = nouns / length;
  row[o + F_VERBSHARE] = verbsIn / length;
  row[o + F_NUMSHARE] = numbers / length;
  row[o + F_LENGTH] = Math.log(length);
  row[o + LENGTH + (length <= 3 ? length - 1 : length <= 6 ? 3 : 4)] = 1;
  row[o + LENGTH_FOR + kindIndex] = Math.log(length);

  // Where the question's words stand around the span.
  let left = Infinity;
  let right = Infinity;
  let inside = 0;
  for (const i of matched) {
    if (i < first) left = Math.min(left, first - i - 1);
    else if (i > last) right = Math.min(right, i - last - 1);
    else inside++;
  }
  const near = Math.min(left, right);
  row[o + F_DISTANCE] = Math.log1p(Math.min(near, 20));
  row[o + F_NOMATCHED] = matched.length === inside ? 1 : 0;
  row[o + F_DISTANCELEFT] = Math.log1p(Math.min(left, 20));
  row[o + F_DISTANCERIGHT] = Math.log1p(Math.min(right, 20));
  row[o + F_MATCHEDJUSTBEFORE] = left === 0 || (left === 1 && isLight(tokens[first - 1])) ? 1 : 0;
  row[o + F_MATCHEDJUSTAFTER] = right === 0 || (right === 1 && isLight(tokens[last + 1])) ? 1 : 0;
  row[o + F_MATCHEDINSIDE] = inside > 0 ? 1 : 0;

  // Which side of the question's verb the span stands on: the subject before it, the object after it.
  let verb = -1;
  for (const v of verbs) if (verb === -1 || gap(v, first, last) < gap(verb, first, last)) verb = v;
  if (verb >= 0) {
    if (verb > last) {
      row[o + VERB_SIDE + roleIndex * 4] = 1;
      if (onlyLight(tokens, last + 1, verb)) row[o + VERB_SIDE + roleIndex * 4 + 2] = 1;
    } else if (verb < first) {
      row[o + VERB_SIDE + roleIndex * 4 + 1] = 1;
      if (onlyLight(tokens, verb + 1, first)) row[o + VERB_SIDE + roleIndex * 4 + 3] = 1;
      // `which is being developed by Danish investor X`: a passive verb's doer is the one after `by`.
      if (tokens[verb + 1]?.text.toLowerCase() === 'by' && first - verb <= 5) row[o + F_AFTERPASSIVEBY] = 1;
    }
  }

  row[o + F_ASKEDSHARE] = span.askedShare;
  row[o + F_TRIMMED] = span.trimmed ? 1 : 0;
  const count = tokens.length;
  row[o + F_POSITION] = count > 1 ? first / (count - 1) : 0;
  row[o + F_ATSTART] = first === 0 ? 1 : 0;
  row[o + F_ATEND] = last >= count - 1 || (last === count - 2 && tokens[count - 1]?.pos === 'PUNCT') ? 1 : 0;
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  row[o + F_COMMABEFORE] = before?.text === ',' ? 1 : 0;
  row[o + F_COMMAAFTER] = after?.text === ',' ? 1 : 0;
  row[o + F_QUOTED] = /^["“‘']$/.test(before?.text ?? '') ? 1 : 0;

  // What the question's noun asks for: `what year` wants a year, `which newspaper` a name beside `newspaper`.
  const focus = question.focus;
  if (focus !== undefined && YEAR_FOCUS.has(focus)) row[o + (length === 1 && /^\d{3,4}s?$/.test(tokens[first]?.text ?? '') ? F_YEARASKED_YEAR : F_YEARASKED_NOTYEAR)] = 1;
  if (focus !== undefined) {
    for (let i = first; i <= last; i++) if (tokens[i]?.term === focus) row[o + F_FOCUSINSPAN] = 1;
    if (after?.term === focus) row[o + F_FOCUSJUSTAFTER] = 1;
    if (before?.term === focus || (isLight(before) && tokens[first - 2]?.term === focus)) row[o + F_FOCUSJUSTBEFORE] = 1;
    row[o + F_FOCUSKIND] = isKindOfFocus(tokens, first, last, focus) ? 1 : 0;
    if (setting.kindOf && row[o + F_FOCUSJUSTAFTER] === 1) row[o + F_KINDOF_FOCUSJUSTAFTER] = 1;
    if (setting.kindOf && row[o + F_FOCUSJUSTBEFORE] === 1) row[o + F_KINDOF_FOCUSJUSTBEFORE] = 1;
  }
  // *who* asks for a person and *where* for a place as *which person* would: a span WordNet knows as one (`the transport minister`, `Paris`).
  const implicit = focus === undefined ? IMPLICIT_FOCUS[kind] : undefined;
  if (implicit !== undefined) row[o + F_ASKEDKIND] = isKindOfFocus(tokens, first, last, implicit) ? 1 : 0;
  // A list (`Amsterdam and the area of West Frisia`), for a question that asks for several or for one.
  let list = false;
  for (let i = first; i <= last && !list; i++) list = /^(and|or|,)$/i.test(tokens[i]?.text ?? '');
  if (list) row[o + (setting.several ? F_LISTFORSEVERAL : F_LISTFORONE)] = 1;
  row[o + F_NAMEASKED] = question.name ? 1 : 0;
  const { slot } = setting;
  if (slot.before !== undefined && wordBefore(tokens, first) === slot.before) row[o + F_SLOTBEFORE] = 1;
  if (slot.after !== undefined && wordAfter(tokens, last) === slot.after) row[o + F_SLOTAFTER] = 1;

  // The words around the span (`in`, `by`, `because`), alone and with the kind of question.
  const beforeWord = wordOf(before, '<s>');
  const afterWord = wordOf(after, '</s>');
  row[o + BEFORE + (hash(beforeWord) % WORD_BUCKETS)] = 1;
  row[o + AFTER + (hash(afterWord) % WORD_BUCKETS)] = 1;
  // `kindHash` is the hash of `kind|`: hashing on from it gives the hash of `kind|word` without building the string.
  const { kindHash } = setting;
  row[o + KIND_BEFORE + (hash(beforeWord, kindHash) % KIND_WORD_BUCKETS)] = 1;
  row[o + KIND_AFTER + (hash(afterWord, kindHash) % KIND_WORD_BUCKETS)] = 1;
  row[o + KIND_FIRST + (hash(wordOf(tokens[first], ''), kindHash) % WORD_BUCKETS)] = 1;
}

/**
 * Whether the question asks for several things: a number above one or a plural noun between its question word and
 * its verb (*What two areas ...?*, *Which enzymes ...?*).
 */
function asksSeveral(question: Question): boolean {
  const { tokens } = question;
  const at = tokens.findIndex((t) => isQuestionWord(t.text));
  if (at < 0) return false;
  for (const token of tokens.slice(at + 1)) {
    if (token.pos === 'VERB' || token.pos === 'AUX') return false;
    if (token.pos === 'NUM' && !/^(one|1)$/i.test(token.text)) return true;
    // A plural: an inflected form ending in *s* (`areas` of `area`; not `news`, whose lemma is itself).
    if (token.pos === 'NOUN' && token.term !== '' && /s$/i.test(token.text) && !token.text.toLowerCase().endsWith(token.term)) return true;
  }
  return false;
}

/** Whether the span names a kind or an instance of the question's noun (WordNet): `basalt` for *what rock*, `the Danube` for *which river*. */
function isKindOfFocus(tokens: readonly Token[], first: number, last: number, focus: string): boolean {
  // The head of a noun phrase is its last word: `the Danube river` is a river, `harbour was built of basalt in 1880` no rock.
  const token = tokens[last];
  if (!token || (token.pos !== 'NOUN' && token.pos !== 'PROPN')) return false;
  // A name is looked up whole (`new_york`), a common noun by its lemma.
  const name = tokens.slice(first, last + 1).filter((t) => t.pos === 'PROPN').map((t) => t.text.toLowerCase()).join('_');
  return isKindOf(token.term || token.text.toLowerCase(), focus) || (name !== '' && name.includes('_') && isKindOf(name, focus));
}

/**
 * Where the answer goes in the question said as a statement: after the
 * preposition that opens the question (*In which year* -> *in [1880]*) or ends
 * it (*What was the mill built of?* -> *of [basalt]*), and before the word that
 * follows the question phrase (*Which company bought Norsat?* -> *[Hytera]
 * bought*). Words as `wordOf` gives them, terms for content words.
 */
function slotOf(question: Question): { before?: string; after?: string } {
  const { tokens } = question;
  const at = tokens.findIndex((t) => isQuestionWord(t.text));
  if (at < 0) return {};
  let end = at + 1;
  while (['NOUN', 'ADJ', 'PROPN', 'ADV'].includes(tokens[end]?.pos ?? '') && tokens[end]?.text.toLowerCase() !== 'else') end++;
  let next = end;
  while (tokens[next]?.pos === 'AUX' || tokens[next]?.pos === 'PART') next++;
  const following = tokens[next];
  let last = tokens.length - 1;
  while (last > end && tokens[last]?.pos === 'PUNCT') last--;
  const opening = tokens[at - 1]?.pos === 'ADP' ? tokens[at - 1] : undefined;
  const stranded = tokens[last]?.pos === 'ADP' && last > end ? tokens[last] : undefined;
  const before = opening ?? stranded;
  return {
    ...(before ? { before: wordOf(before, '') } : {}),
    ...(following && following.pos !== 'PUNCT' && following.term ? { after: following.term } : {}),
  };
}

/** The word before a span, past a determiner (`of [the] mill`). */
function wordBefore(tokens: readonly Token[], first: number): string {
  const i = tokens[first - 1]?.pos === 'DET' ? first - 2 : first - 1;
  return wordOf(tokens[i], '');
}

/** The term of the word after a span, past light words (`Hytera [has] bought`). */
function wordAfter(tokens: readonly Token[], last: number): string | undefined {
  let i = last + 1;
  while (i <= last + 2 && isLight(tokens[i])) i++;
  return tokens[i]?.term || undefined;
}

function gap(v: number, first: number, last: number): number {
  return v < first ? first - v : v - last;
}

/** Particles, adverbs, auxiliaries and determiners: words that may stand between a verb and its subject or object. */
function isLight(token: Token | undefined): boolean {
  return token !== undefined && (token.pos === 'PART' || token.pos === 'ADV' || token.pos === 'AUX' || token.pos === 'DET');
}

function onlyLight(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isLight(tokens[i])) return false;
  return true;
}

/** A word as lexical context: lower case; numbers as `0`, so that `1999` and `2001` read alike. */
function wordOf(token: Token | undefined, none: string): string {
  if (!token) return none;
  const lower = token.text.toLowerCase();
  return /\d/.test(lower) ? '0' : lower;
}

/** FNV-1a: a fixed, fast hash, so a word lands in the same bucket in training and in use; `from` goes on from the hash of a prefix. */
function hash(text: string, from = 0x811c9dc5): number {
  let h = from;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
