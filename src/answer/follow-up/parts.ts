import type { Token } from '../../chunk/token.js';
import { isEnglishWord } from '../../wordnet/related.js';
import { NOUNS, type Question, isQuestionWord, parseQuestion, withVerbFound } from '../question.js';

/**
 * The parts of a question the follow-up reading works with, from wink-nlp's tags:
 * its question phrase, what it asks for (subject, a count), its noun phrases,
 * and what a pronoun may agree with.
 */

/** What a pronoun agrees with. `event`: a stand-alone *that* or *this*, which stands for what the previous turn said happened. */
export type Agreement = 'person' | 'thing' | 'group' | 'place' | 'date' | 'event';
/** Where a phrase stands in its question: before the verb, after it, or neither (the answer to *when*, *where*, *how much*). */
export type Role = 'subject' | 'object' | 'adjunct';

export const PRONOUNS: Readonly<Record<string, Agreement>> = {
  he: 'person', him: 'person', his: 'person', she: 'person', her: 'person', hers: 'person',
  it: 'thing', its: 'thing',
  they: 'group', them: 'group', their: 'group', these: 'group', those: 'group',
  there: 'place', then: 'date', that: 'event', this: 'event',
};
/** The pronouns that say who they stand for is a woman or a man. */
export type Gender = 'female' | 'male';
export const GENDERS: Readonly<Record<string, Gender>> = { she: 'female', her: 'female', hers: 'female', he: 'male', him: 'male', his: 'male' };
/** Any of the pronouns, as a word. */
export const PRONOUN_WORD = new RegExp(`\\b(${Object.keys(PRONOUNS).join('|')})\\b`, 'i');
export const POSSESSIVES = new Set(['his', 'its', 'their', 'hers']);

/** The negation of a verb, which a statement puts before it: *did | n't | the generators start* -> *the generators not start*. */
export const NEGATIONS = new Set(["n't", 'n’t', 'not']);

/** Verbs whose subject *it* is something that happened, as a stand-alone *that* is (*When did it happen?*). */
export const EVENT_VERBS = new Set(['happen', 'occur']);

export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s"]);
export { NOUNS };
export const PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/** A question word or a pronoun with a contracted *is* or *has*, whose *'s* is never a possessive. */
const CONTRACTED = /^(what|who|when|where|how|why|that|there|it|he|she)$/i;
/** Words after which a contracted *'s* is *has*: `what's been`, `who's got`. */
const AFTER_HAS = /^(been|got|gotten|had)$/i;
/**
 * Participles after *'s* and a pronoun that make it *has*: `what's it done`, `what's she said`, `where's he gone`. Any
 * other is a passive's *is*: `what's it called`, `how's it made`.
 */
const PERFECT_AFTER_PRONOUN = /^(done|said|gone|been|got|gotten|had)$/i;

/**
 * The question with its contracted *is* or *has* spelled out (`what's closing` -> `what is closing`, `what's it done`
 * -> `what has it done`), as typed in a chat: read in a frame, *'s* would be taken for a possessive or left hanging
 * (*For how long 's closing?*). After a question word or a pronoun *'s* is always a verb; after a noun only where no
 * noun phrase follows it (*which one's next*, not *which firm's shares*).
 */
export function spelledOut(text: string): string {
  if (!/['’]s\b/i.test(text)) return text;
  const { tokens } = parseQuestion(text);
  let out = '';
  let from = 0;
  tokens.forEach((token, i) => {
    if (!/^['’]s$/i.test(token.text)) return;
    const [before, next, then] = [tokens[i - 1], tokens[i + 1], tokens[i + 2]];
    if (!before || before.end !== token.start) return;
    if (!CONTRACTED.test(before.text) && !((NOUNS.has(before.pos) || before.pos === 'NUM') && isAfterIs(next, then))) return;
    // *has* before a participle: `what's been`, or a pronoun and then one that is no passive (`what's it done`).
    const perfect = AFTER_HAS.test(next?.text ?? '') || (next?.pos === 'PRON' && PERFECT_AFTER_PRONOUN.test(then?.text ?? ''));
    out += `${text.slice(from, token.start)} ${perfect ? 'has' : 'is'}`;
    from = token.end;
  });
  return out + text.slice(from);
}

/**
 * Whether `next` (then `then`) can follow a contracted *is* but not a possessive *'s*, which a noun phrase follows: a
 * determiner or a preposition (`which one's the biggest`, `whose car's in it`), or an adjective or adverb that no noun
 * follows (`which one's next`, not `which firm's big plant`).
 */
function isAfterIs(next: Token | undefined, then: Token | undefined): boolean {
  if (next?.pos === 'DET' || next?.pos === 'ADP') return true;
  return (next?.pos === 'ADJ' || next?.pos === 'ADV') && !PHRASE.has(then?.pos ?? '');
}

/**
 * A question as the follow-up reading sees it: its verb found where the tagger took it for an adjective or a noun, and
 * the apostrophe of a plural's possessive (*Kalevi Networks' workforce*), which the tagger reads as punctuation, a
 * possessive.
 */
export function readQuestion(text: string): Question {
  const question = withVerbFound(parseQuestion(text));
  const { tokens } = question;
  const possessive = (t: Token, i: number): boolean =>
    t.pos === 'PUNCT' && /^['’]$/.test(t.text) && tokens[i - 1]?.end === t.start && /s$/i.test(tokens[i - 1]?.text ?? '') && PHRASE.has(tokens[i + 1]?.pos ?? '');
  if (!tokens.some(possessive)) return question;
  return { ...question, tokens: tokens.map((t, i) => (possessive(t, i) ? { ...t, pos: 'PART' as const } : t)) };
}

/**
 * The tokens `[from, to)` that ask: the question word, a preposition before it,
 * and the noun phrase after it (`On which channel`, `What kind of firm`);
 * `[0, 0]` when there is no question word.
 */
export function questionPhrase(tokens: readonly Token[]): [number, number] {
  const at = tokens.findIndex((t) => isQuestionWord(t.text));
  if (at === -1) return [0, 0];
  const from = at > 0 && tokens[at - 1]?.pos === 'ADP' ? at - 1 : at;
  let to = at + 1;
  const word = tokens[at]?.text.toLowerCase();
  // `how many people`, `how much money`, `what kind of firm`, `who else`.
  if (word === 'how' && (tokens[to]?.pos === 'ADJ' || tokens[to]?.pos === 'ADV')) to++;
  if (tokens[to]?.text.toLowerCase() === 'else') to++;
  if (word !== 'who' && word !== 'why' && word !== 'when' && word !== 'where') {
    while (PHRASE.has(tokens[to]?.pos ?? '') || (tokens[to]?.text.toLowerCase() === 'of' && NOUNS.has(tokens[to + 1]?.pos ?? '') && to > at + 1)) to++;
    // `Which rocket's launch`: what the question word asks for owns the phrase's noun.
    if (to > at + 1 && isPossessive(tokens[to]) && NOUNS.has(tokens[to + 1]?.pos ?? '')) {
      to++;
      while (PHRASE.has(tokens[to]?.pos ?? '')) to++;
    }
  }
  return [from, to];
}

/** How many tokens open the question without asking anything: `and`, `but`, `so`, `ok,`, `what about`, `how about`. */
export function leadIn(tokens: readonly Token[]): number {
  let i = 0;
  while (tokens[i]?.pos === 'CCONJ' || tokens[i]?.pos === 'PUNCT' || tokens[i]?.pos === 'INTJ') i++;
  const word = tokens[i]?.text.toLowerCase();
  if ((word === 'what' || word === 'how') && tokens[i + 1]?.text.toLowerCase() === 'about') i += 2;
  return i;
}

/** Whether the question, from `at`, opens with *according to*, a preposition of two words whose first the tagger reads as a verb. */
export function prepositionOpens(tokens: readonly Token[], at: number): boolean {
  return tokens[at]?.text.toLowerCase() === 'according' && tokens[at + 1]?.text.toLowerCase() === 'to';
}

/**
 * Whether the question word asks for the subject: *who bought*, *which firm
 * is buying*, *what law was passed* (a verb, or auxiliaries then a verb, right
 * after the question phrase), not *what does it cover* or *who is the minister*.
 */
export function asksSubject(question: Question): boolean {
  if (question.role === 'subject') return true;
  const { tokens } = question;
  const [from, to] = questionPhrase(tokens);
  if (to === from || !/^(who|what|which)$/i.test(tokens[from]?.text ?? '')) return false;
  let i = to;
  while (tokens[i]?.pos === 'AUX' || tokens[i]?.pos === 'ADV' || tokens[i]?.pos === 'PART') i++;
  // Right after it too, past `else`, which the tagger's reading of the role does not skip (`Who else bought it?`).
  return tokens[i]?.pos === 'VERB';
}

/**
 * The noun a `how many` or `how much` question counts when it is the subject, as the offsets of its words:
 * *patients* in *How many patients took part?*; `undefined` for *How many ferries did it sell?*.
 */
export function countedSubject(tokens: readonly Token[]): [number, number] | undefined {
  const [from, to] = questionPhrase(tokens);
  if (!/^how$/i.test(tokens[from]?.text ?? '') || !/^(many|much)$/i.test(tokens[from + 1]?.text ?? '')) return undefined;
  const nouns = tokens.slice(from + 2, to);
  if (!nouns.some((t) => NOUNS.has(t.pos))) return undefined;
  let i = to;
  while (tokens[i]?.pos === 'ADV' || tokens[i]?.pos === 'PART') i++;
  // A verb right after the counted noun, or auxiliaries and a participle (`were treated`, `have been ripped up`) or an
  // infinitive (`had to leave`, `has to be repaid`), not do-support (`did it sell`).
  let at = tokens[i + 1]?.text.toLowerCase() === 'to' ? i + 2 : i + 1;
  while (tokens[at]?.pos === 'AUX' || tokens[at]?.pos === 'ADV' || tokens[at]?.pos === 'PART') at++;
  const next = tokens[at];
  const verb = tokens[i]?.pos === 'VERB' || (tokens[i]?.pos === 'AUX' && !/^(do|does|did)$/i.test(tokens[i]?.text ?? '') && next?.pos === 'VERB');
  return verb ? [nouns[0]?.start ?? 0, nouns[nouns.length - 1]?.end ?? 0] : undefined;
}

/**
 * The things a `how many` question counts (*cars* in *How many cars is Veltra recalling?*), as token indexes
 * `[from, to)`; not what *how much* measures (*weight*, *money*), which is seldom what a pronoun goes on about.
 */
export function countedNouns(tokens: readonly Token[], [from, to]: [number, number]): [number, number] | undefined {
  if (!/^how$/i.test(tokens[from]?.text ?? '') || !/^many$/i.test(tokens[from + 1]?.text ?? '')) return undefined;
  const head = tokens[to - 1];
  return to > from + 2 && head && isPlural(head) ? [from + 2, to] : undefined;
}

/** Runs of nouns, adjectives and numbers after `from` that end in a noun (`the Conservative Party`, `Trudeau's adviser`), with a leading determiner. */
export function nounPhrases(tokens: readonly Token[], from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = from;
  while (i < tokens.length) {
    const start = i;
    if (tokens[i]?.pos === 'DET' && PHRASE.has(tokens[i + 1]?.pos ?? '')) i++;
    else if (!PHRASE.has(tokens[i]?.pos ?? '')) {
      i++;
      continue;
    }
    let end = i;
    while (i < tokens.length && (PHRASE.has(tokens[i]?.pos ?? '') || (tokens[i]?.pos === 'PART' && tokens[i]?.text.includes("'")))) {
      i++;
      if (NOUNS.has(tokens[i - 1]?.pos ?? '') || tokens[i - 1]?.pos === 'NUM') end = i;
      // A name may hold `of` or `&` (`the Bank of Nordhavn`, `Lindqvist & Sohn`): one referent, not two.
      if (i === end && tokens[i - 1]?.pos === 'PROPN' && /^(of|&)$/i.test(tokens[i]?.text ?? '') && tokens[i + 1]?.pos === 'PROPN') i++;
    }
    // Not the first half of a word joined by a hyphen (`part` of `part-funded`).
    const joined = tokens[end]?.text === '-' && tokens[end]?.start === tokens[end - 1]?.end && tokens[end + 1]?.start === tokens[end]?.end;
    if (end > start && !joined && tokens.slice(start, end).some((t) => NOUNS.has(t.pos))) out.push([start, end]);
  }
  return out;
}

/** The question phrase split at a possessive: `Which rocket` and `'s launch` of `Which rocket's launch`; `''` owned without one. */
export function ownedBy(before: Question, [from, to]: [number, number]): { owner: Token[]; owned: string } {
  const phrase = before.tokens.slice(from, to);
  const at = phrase.findIndex(isPossessive);
  if (at < 0) return { owner: phrase, owned: '' };
  return { owner: phrase.slice(0, at), owned: before.text.slice(phrase[at]?.start, phrase[phrase.length - 1]?.end) };
}

/** The noun a *which* or *what* question asks for: `road` of *Which road was closed?*; none for *who*, *what happened*. */
export function askedNoun(before: Question, wh: [number, number]): string | undefined {
  const { owner } = ownedBy(before, wh);
  const nouns = owner.filter((t) => PHRASE.has(t.pos));
  const word = owner.find((t) => isQuestionWord(t.text));
  const which = /^(which|what)$/i.test(word?.text ?? '') && nouns.length > 0 && NOUNS.has(nouns[nouns.length - 1]?.pos ?? '');
  return which ? before.text.slice(nouns[0]?.start, nouns[nouns.length - 1]?.end) : undefined;
}

/** Whether a token is the possessive `'s` (or `'` after a plural). */
export function isPossessive(token: Token | undefined): boolean {
  return token?.pos === 'PART' && /^['’]s?$/i.test(token.text);
}

/** Nouns that are plural as they stand, whose lemma is themselves. */
const PLURAL_NOUNS = new Set(['people', 'police', 'cattle']);

/** A common noun whose surface form is not its lemma (`companies`, `breaches`, the irregular `children`, `men`), or one plural as it stands (`people`). */
export function isPlural(token: Token): boolean {
  return token.pos === 'NOUN' && (token.word !== token.term || PLURAL_NOUNS.has(token.term));
}

/** The offset after the question's last word (before its closing punctuation, but after a closing bracket: `that (...)`). */
export function lastWord(tokens: readonly Token[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]?.pos !== 'PUNCT' || tokens[i]?.text === ')') return tokens[i]?.end ?? 0;
  return 0;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A person's name as the article goes on to call them: the surname (`Charles
 * W. Eliot` -> `Eliot`, `René Goulaine de Laudonnière` -> `Laudonnière`). The
 * sentences that say more about someone rarely repeat their full name, and
 * every extra name word would pull the search towards the one that does.
 */
export function surname(name: string): string {
  const words = name.trim().split(/\s+/);
  const isName = words.length >= 2 && words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && i < words.length - 1 && /^\p{Ll}{1,3}$/u.test(w)));
  return isName ? (words[words.length - 1] as string) : name;
}

/**
 * Whether the quote writes a word typed in lower case as a name: capitalized inside a sentence, or at its start when
 * it is no English word (`voss` is `Voss` in *Voss, which employs 28,000 people*; `building` of *Building work will
 * start* is no name).
 */
export function writtenAsName(word: string, quote: string | undefined): boolean {
  if (!quote || !/^\p{Ll}/u.test(word)) return false;
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  for (let at = quote.indexOf(name); at >= 0; at = quote.indexOf(name, at + 1)) {
    const before = quote.slice(0, at);
    const after = quote[at + name.length];
    if (/[\p{L}\p{N}]$/u.test(before) || (after !== undefined && /[\p{L}\p{N}]/u.test(after))) continue;
    const opens = /^\W*$/u.test(before) || /[.!?]["”’)]*\s*$/u.test(before);
    if (!opens || !isEnglishWord(word)) return true;
  }
  return false;
}
