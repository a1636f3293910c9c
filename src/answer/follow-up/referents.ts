import { LRUCache } from 'lru-cache';
import { analyzePhrase } from '../../chunk/analyze.js';
import type { Token } from '../../chunk/token.js';
import type { Turn } from '../../types.js';
import { isBodyNoun, isGroupNoun, isNamedPlaceOrBody, isPersonNoun, isPlaceNoun } from '../../wordnet/related.js';
import { plainQuestion } from '../plain-question.js';
import type { AnswerKind, Question } from '../question.js';
import { CLOSING_QUOTES, OPENING_QUOTES } from '../spans.js';
import { GENDERS, NEGATIONS, PRONOUN_WORD, askedNoun, asksSubject, countedNouns, countedSubject, isPlural, isPossessive, nounPhrases, ownedBy, questionPhrase, spelledOut, writtenAsName, type Agreement, type Gender, type Role } from './parts.js';

/**
 * What the previous turn offers to stand for a pronoun: its short answer, its
 * question's noun phrases and what it said happened, each with what it agrees with.
 */

/**
 * The tokens of a turn's short answer or quote, remembered apart from the
 * questions' (a quote is analyzed once a turn, not once a follow-up, and does
 * not push questions out of their cache).
 */
const analyzed = new LRUCache<string, readonly Token[]>({ max: 64 });
function tokensOf(text: string): readonly Token[] {
  let tokens = analyzed.get(text);
  if (!tokens) analyzed.set(text, (tokens = analyzePhrase(text)));
  return tokens;
}

/** Articles, conjunctions and prepositions of three letters or more, which a name may hold (`the Bank of England`). */
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'from', 'with', 'nor']);

/** Most words of a short answer that can stand in for a pronoun; a longer one is a clause, not a name. */
const MAX_REFERENT_WORDS = 8;

export interface Referent {
  text: string;
  /** The pronouns it may stand for, with how well it fits each. */
  fits: Partial<Record<Agreement, number>>;
  role: Role;
  /** The phrase owned something in its question (`the rate of *the plague*`, `*Canada's* leader`): a possessive pronoun's likely referent. */
  possessor: boolean;
  /** How often the turns before the previous one mention it: the topic the conversation keeps coming back to. */
  mentions: number;
  /** 0 for the previous turn's, 1 for the turn's before it. */
  distance?: number;
  /** It is a turn's short answer, not a phrase of its question. */
  answer?: boolean;
  /** It is the answer a turn asked for but did not give (declined, or no short answer): a pronoun that stands for it is left as it is. */
  unknown?: boolean;
  /** It is such an answer told by what its question said happened to it (`the county approve`): a pronoun keeps its place, with that beside it. */
  described?: boolean;
  /** It is the thing an object question asked for of someone who acted (`What did the county approve?`): what the next *it* most likely goes on about. */
  focus?: boolean;
  /** The lemma of its last noun when that is a common noun in the singular (`minister`): WordNet may know it as a person's. */
  head?: string;
  /** The lemma of its last noun when that is a common noun, singular or plural (`pump` of `the pumps`). */
  noun?: string;
  /** Who an earlier question read it as: *she* (`female`) or *he* (`male`). */
  gender?: Gender;
  /** Its words as the question said them, when `text` added a *the* (a name typed in lower case may turn out a person's). */
  said?: string;
  /** It was put in the previous question for one of its pronouns. */
  carried?: boolean;
  /** It is who the previous question's pronoun left unread turned out to be: the one person its quote names by a title. */
  shown?: boolean;
  /** The previous question equated it with its answer (*Who is the education minister?*): one person with the answer. */
  equated?: boolean;
  /** Its content words, to find it in older turns. */
  terms: string[];
}

/** Answers of these kinds name something a pronoun can stand for; a number, a reason or a statement cannot. */
const ANSWER_AGREEMENT: Partial<Record<AnswerKind, Partial<Record<Agreement, number>>>> = {
  // `Who bought it?` is answered by people or firms: *they* as often as *he* or *she*.
  person: { person: 2, group: 2, thing: 0 },
  place: { place: 2, thing: 1 },
  date: { date: 2 },
  // `Which historian ...?`: the focus noun may name a person.
  entity: { thing: 3, group: 1, person: 1 },
  thing: { thing: 1, group: 1 },
  definition: { thing: 1 },
};

/** The previous turn's short answer and noun phrases, each with what it may stand for. */
export function referentsOf(before: Question, turn: Turn, older: readonly Turn[]): Referent[] {
  const out: Referent[] = [];
  const { tokens } = before;
  const wh = questionPhrase(tokens);
  const verb = tokens.findIndex((t, i) => t.pos === 'VERB' && i >= wh[1]);
  const answerRole = answerRoleOf(before, wh);
  // `Who is the minister?` is answered with a person, although it is read as a definition; `Who is Lars Holm?` with what he is.
  const named = nounPhrases(tokens, wh[1]).some(([, to]) => tokens[to - 1]?.pos === 'PROPN');
  const asksName = before.kind === 'definition' && /^who$/i.test(tokens[wh[0]]?.text ?? '') && !named;
  const fits = asksName ? ANSWER_AGREEMENT.person : ANSWER_AGREEMENT[before.kind];
  // Asked what a body, a person or a place did something to, the thing is what a next *it* most likely stands for (*How
  // much will it cost?*); asked what a thing did, the thing itself (*What did the study find?*, then *Where was it published?*).
  const subject = verb === -1 ? undefined : nounPhrases(tokens, wh[1]).find(([from]) => from < verb);
  const focus = answerRole === 'object' && (fits?.thing ?? 0) > 0 && subject !== undefined && acts(tokens.slice(...subject)) ? { focus: true } : {};
  // The people the quote names by a title, read once for the readings below that ask.
  let titledInQuote: string[] | undefined;
  const titled = (): string[] => (titledInQuote ??= turn.quote ? titledPeople(turn.quote.text, before) : []);
  if (fits && isReferent(turn) && !isMeasure(turn.answer)) {
    // A question that names its answer's kind (`which country`, `what law`, `who`) gets a referent as its answer.
    // One the quote names after a title (`Tomas Berg` of `Finance minister Tomas Berg`), with the title or without, is a
    // person, who goes on by name.
    const name = titled().find((person) => turn.answer === person || turn.answer.endsWith(` ${person}`));
    const text = name ?? (fits === ANSWER_AGREEMENT.person ? withoutAffiliation(answerWithNoun(turn, before, wh)) : answerWithNoun(turn, before, wh));
    // Its content words: `the` of `the Harbour Survey` is in every question.
    const terms = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2 && !FUNCTION_WORDS.has(word));
    // `1,200 members` is they, not it; a person is he or she.
    const plural = endsInPlural(turn.answer) ? { thing: undefined, group: Math.max(fits.group ?? 0, 1) } : {};
    const person = name !== undefined ? { person: 2, thing: undefined, group: 1 } : {};
    out.push({ text, fits: { ...fits, ...plural, ...person }, role: answerRole, possessor: false, mentions: 0, terms, answer: true, ...focus });
  } else {
    // `Who runs Norda Air?` with no name found: the `she` that follows is most likely that unknown person, not the firm;
    // unless the quote names one person by a title (`investor Dana Whitfield`), who most likely is that person.
    const byTitle = fits?.person && turn.answered ? titled() : [];
    const [person] = byTitle;
    if (person !== undefined && byTitle.length === 1) {
      out.push({ text: person, fits: { person: fits?.person }, role: answerRole, possessor: false, mentions: 0, terms: person.toLowerCase().split(' ') });
    } else if (fits?.person) {
      // Whoever it was may be a firm or a group (*Who else bid?*, then *Why did they lose?*): *they* as much as *he* or *she*.
      out.push({ text: '', fits: { person: fits.person, group: fits.group }, role: answerRole, possessor: false, mentions: 0, terms: [], unknown: true });
    }
    // `Which agency is examining the outage?` with no name found: the `it` that follows is the agency, not the outage; and
    // `What temperature did Spain record?`, answered with a number: the `it` that follows is the temperature (not a share
    // of something, `What share of its workforce ...?`, whose `it` is that something).
    const noun = askedNoun(before, wh);
    // `What did the county approve?` with no short answer: the `it` that follows is most likely what was approved, which
    // only what the question said happened to it tells (`How much will it (the county approve) cost?`). Not an answer
    // too long to name something (`What did the study find?`): the `it` that follows is then the study.
    const event = !noun && turn.answer === '' && answerRole === 'object' && fits?.thing ? eventOf(before, turn, wh, answerRole) : undefined;
    if (event) out.push({ text: event, fits: { thing: fits?.thing }, role: answerRole, possessor: false, mentions: 0, terms: [], answer: true, described: true, ...focus });
    const nounFits = fits ?? (noun && !noun.includes(' of ') ? { thing: 1 } : undefined);
    if (nounFits && noun) out.push({ text: `the ${noun}`, fits: { thing: nounFits.thing, group: nounFits.group }, role: answerRole, possessor: false, mentions: 0, terms: noun.split(' ') });
  }
  // `How many cars is Veltra recalling?`: what was counted is what a *they* that follows most likely stands for.
  const counted = countedNouns(tokens, wh);
  if (counted) {
    const [from, to] = counted;
    const head = tokens[to - 1] as Token;
    const text = before.text.slice(tokens[from]?.start, head.end);
    const role: Role = countedSubject(tokens) ? 'subject' : 'object';
    out.push({ text, fits: { group: 2 }, role, possessor: false, mentions: 0, terms: tokens.slice(from, to).map((t) => t.term).filter(Boolean) });
  }
  const leaned = PRONOUN_WORD.test(turn.question);
  for (const [from, to] of nounPhrases(tokens, wh[1])) {
    const phrase = tokens.slice(from, to);
    const head = phrase[phrase.length - 1] as Token;
    const named = phrase.some((t) => t.pos === 'PROPN');
    const plural = isPlural(head);
    const dated = phrase.some((t) => t.entity === 'DATE');
    const role: Role = verb === -1 || from < verb ? 'subject' : 'object';
    const fit = phraseFits(named, plural, dated);
    const possessor = tokens[from - 1]?.text.toLowerCase() === 'of' || tokens[to]?.text === "'s" || tokens[to]?.text === '’s';
    // `The council` opening the previous question is `the council` inside this one.
    const said = before.text.slice(phrase[0]?.start, head.end).replace(/^(The|A|An) /, (m) => (from === 0 ? m.toLowerCase() : m));
    // A singular common noun said without its determiner (`stake` of *its stake*) goes in with *the*: `Will the stake
    // sell?`, not `Will stake sell?`.
    // Not a name typed in lower case (`basso`, which the quote writes `Basso`).
    const bare = head.pos === 'NOUN' && !named && !plural && !dated && (phrase[0]?.pos === 'NOUN' || phrase[0]?.pos === 'ADJ') && !writtenAsName(head.text, turn.quote?.text);
    // Named again, what was new is known: `a stronger quake` is then `the stronger quake`.
    const text = bare ? `the ${said}` : definite(said);
    const asSaid = bare ? { said } : {};
    // Not in the plural: `the soldiers` are they, not he. A person's noun after a name that qualifies it (`the Dutch
    // painter`) is still no *it*.
    const common = head.pos === 'NOUN' && head.term ? { ...(named ? {} : { noun: head.term }), ...(plural ? {} : { head: head.term }) } : {};
    // What a pronoun of the previous question was read as: the same pronoun now most likely goes on standing for it.
    // Not what an ellipsis's frame put in (*the mortality rate* of *And of septicemic plague?*): that was no pronoun.
    const carried = leaned && turn.understood !== turn.question && !turn.question.includes(said);
    out.push({ text, fits: fit, role, possessor, mentions: 0, terms: phrase.map((t) => t.term).filter(Boolean), ...common, ...asSaid, ...(carried ? { carried } : {}), ...(asksName ? { equated: true } : {}) });
    // The owner a name makes of a phrase (`Alpenrail` of `Alpenrail's shares`) is a referent of its own, as `the
    // rate of the plague` offers `the plague`: *How many people does it employ?* goes on about Alpenrail.
    const owner = ownerName(phrase);
    if (owner) out.push({ text: before.text.slice(owner[0]?.start, owner[owner.length - 1]?.end), fits: phraseFits(true, false, false), role, possessor: true, mentions: 0, terms: owner.map((t) => t.term).filter(Boolean) });
  }
  // `When did he start?` left unread, answered by a quote about `Harbour master Leif Sandvik`: the quote tells who he was,
  // and the same pronoun most likely goes on standing for him.
  const unread = tokens.find((t) => GENDERS[t.text.toLowerCase()] !== undefined);
  const shown = unread && turn.answered ? titled() : [];
  if (unread && shown.length === 1 && !out.some((r) => r.text === shown[0])) {
    const person = shown[0] as string;
    const role: Role = verb === -1 || unread.start < (tokens[verb]?.start ?? 0) ? 'subject' : 'object';
    out.push({ text: person, fits: { person: 2 }, role, possessor: false, mentions: 0, terms: person.toLowerCase().split(' '), carried: true, shown: true, gender: GENDERS[unread.text.toLowerCase()] });
  }
  for (const referent of out) {
    referent.mentions = older.filter((t) => referent.terms.some((term) => t.understood.toLowerCase().includes(term))).length;
  }
  const event = eventOf(before, turn, wh, answerRole);
  if (event) out.push({ text: event, fits: { event: 1 }, role: 'subject', possessor: false, mentions: 0, terms: [] });
  return out;
}

/** The pronouns a noun phrase of the question may stand for, by whether it holds a name, ends in a plural or says a date. */
function phraseFits(named: boolean, plural: boolean, dated: boolean): Partial<Record<Agreement, number>> {
  if (dated) return { date: 1 };
  // A common noun is no person to `he` or `she` (`the report`); a name may be.
  return { person: named ? 1 : undefined, thing: plural ? undefined : 1, group: plural ? 2 : named ? 0.5 : undefined, place: named ? 0 : undefined };
}

/** The name before a possessive inside a noun phrase (`Alpenrail` of `Alpenrail's shares`), when the phrase goes on past it. */
function ownerName(phrase: readonly Token[]): readonly Token[] | undefined {
  const at = phrase.findIndex(isPossessive);
  if (at <= 0 || at === phrase.length - 1) return undefined;
  const owner = phrase.slice(phrase[0]?.pos === 'DET' ? 1 : 0, at);
  return owner.length > 0 && owner.every((t) => t.pos === 'PROPN') ? owner : undefined;
}

/** Whether a noun phrase names someone who acts: a name, or a common noun WordNet first knows as a person, a body or a place (*the county*). */
function acts(phrase: readonly Token[]): boolean {
  const head = phrase[phrase.length - 1];
  if (phrase.some((t) => t.pos === 'PROPN')) return true;
  return head !== undefined && head.pos === 'NOUN' && (isPersonNoun(head.term) || isBodyNoun(head.term) || isPlaceNoun(head.term));
}

/**
 * Where the answer to a question stands in what it asks: the subject of `who bought X`, the object of `what does X
 * cover`, the same thing as the subject of `who is the leader of X`; the answer to `when` or `where` is neither.
 */
export function answerRoleOf(question: Question, wh: [number, number]): Role {
  if (asksSubject(question)) return 'subject';
  const verb = question.tokens.findIndex((t, i) => t.pos === 'VERB' && i >= wh[1]);
  return question.role ?? (verb === -1 && ['person', 'definition', 'entity', 'thing'].includes(question.kind) ? 'subject' : 'adjunct');
}

/**
 * A person's name without the body it is given with (`Marta Kowalski` of
 * `Marta Kowalski of the University of Krakow`): the person is who a *she*
 * goes on about. Not a body's own name (`Bank of England`, `Royal Bank of
 * Scotland`): *of the* must follow a name of two words or more that is no
 * place's or body's.
 */
function withoutAffiliation(answer: string): string {
  const at = answer.search(/\s+of\s+the\s+/);
  const name = at < 0 ? '' : answer.slice(0, at);
  const words = name.split(/\s+/);
  return words.length >= 2 && words.every((word) => /^\p{Lu}/u.test(word)) && !isPlaceOrBody(name) ? name : answer;
}

/**
 * Whether a name is a place's or a body's, not a person's: one WordNet knows
 * as a place or an organization (`Canada`, `the United States`, `The Hague`,
 * looked up as WordNet spells names, with and without a leading *the*), or one
 * of two words or more whose last is a common noun for a group or a place
 * (`Data Protection Commission`, `Conservative Party`, `Ashbury Town`). No
 * *he* or *she*.
 */
export function isPlaceOrBody(name: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}.'-]+/u).filter(Boolean);
  const last = words[words.length - 1];
  return (
    isNamedPlaceOrBody(words.join('_')) ||
    (words[0] === 'the' && isNamedPlaceOrBody(words.slice(1).join('_'))) ||
    (words.length > 1 && last !== undefined && (isGroupNoun(last) || isPlaceNoun(last))) ||
    isFirm(name)
  );
}

/** The legal forms that end a firm's name (`Coral Metals Ltd`, `Andes Salar SA`, `Siemens AG`): no person's. */
const LEGAL_FORMS = new Set(['ltd', 'limited', 'inc', 'corp', 'co', 'plc', 'llc', 'llp', 'sa', 'ag', 'gmbh', 'nv', 'bv', 'spa', 'ab', 'asa', 'oyj', 'se', 'sas', 'pty']);

/** Whether a name ends in a firm's legal form. */
export function isFirm(name: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return LEGAL_FORMS.has(words[words.length - 1] ?? '');
}

/**
 * The people a quote names after a title (`investor Dana Whitfield`, `chairman
 * Neil Okoro`: a common noun WordNet knows as a person's, then a name), but
 * not those the question names: news introduces a person so.
 */
function titledPeople(quote: string, question: Question): string[] {
  const asked = new Set(question.tokens.map((t) => t.text.toLowerCase()));
  const tokens = tokensOf(quote);
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const title = tokens[i - 1] as Token;
    if (tokens[i]?.pos !== 'PROPN' || title.pos !== 'NOUN' || !/^\p{Ll}/u.test(title.text) || !isPersonNoun(title.term)) continue;
    let last = i;
    while (tokens[last + 1]?.pos === 'PROPN') last++;
    const name = tokens.slice(i, last + 1);
    if (!name.some((t) => asked.has(t.text.toLowerCase()))) out.add(quote.slice(name[0]?.start, name[name.length - 1]?.end));
    i = last;
  }
  return [...out];
}

/** A pronoun of a turn's question and the words its reading put in its place. */
export interface Reading {
  pronoun: string;
  text: string;
}

/**
 * The names a turn's question was read with for its pronouns (*Who did she
 * sell it to?* read *Who did Vos sell Harbour to?*: *Vos* for *she*, *Harbour*
 * for *it*), so that a later question does not read a person as *it* or a
 * thing as *she*. Found by lining up the question as asked with its reading,
 * pronoun by pronoun; none from a reading that put in more than names (*that
 * (...)*, an ellipsis's frame).
 */
export function readingsOf(turn: Turn): Reading[] {
  let found = readings.get(turn);
  if (!found) readings.set(turn, (found = lineUp(turn)));
  return found;
}

/** Each turn's readings, worked out once: the next few questions each read the turn again. */
const readings = new WeakMap<Turn, Reading[]>();

function lineUp(turn: Turn): Reading[] {
  const asked = spelledOut(plainQuestion(turn.question));
  const read = turn.understood;
  if (asked === read || read.includes('(')) return [];
  const out: Reading[] = [];
  const pronouns = [...asked.matchAll(new RegExp(PRONOUN_WORD.source, 'gi'))];
  let shift = 0;
  for (const [k, pronoun] of pronouns.entries()) {
    const start = pronoun.index + shift;
    // What the question says between this pronoun and the next is in the reading too, after what replaced this one.
    const gap = asked.slice(pronoun.index + pronoun[0].length, pronouns[k + 1]?.index ?? asked.length);
    const end = gap === '' ? read.length : read.indexOf(gap, start);
    if (end < start) break;
    const text = read.slice(start, end);
    shift += text.length - pronoun[0].length;
    // A name, or one word typed in lower case (`basso`); not a slice cut elsewhere than at a replacement's edges.
    const named = /^\p{Lu}/u.test(text) || /^\p{Ll}+$/u.test(text.replace(/['’]s?$/, ''));
    if (named && text.toLowerCase() !== pronoun[0].toLowerCase()) out.push({ pronoun: pronoun[0].toLowerCase(), text: text.replace(/['’]s?$/, '') });
  }
  return out;
}

/**
 * Whether the turn's short answer names something: a longer one is a clause, and one its quote gives between
 * quotation marks is words someone said (*called the plan "cultural vandalism"*), which no pronoun stands for.
 */
export function isReferent(turn: Turn): boolean {
  const words = turn.answer.split(/\s+/).filter(Boolean).length;
  return turn.answered && words > 0 && words <= MAX_REFERENT_WORDS && !quoted(turn.answer, turn.quote?.text);
}

/** Whether `text` stands between quotation marks in `quote`. */
function quoted(text: string, quote: string | undefined): boolean {
  if (!quote) return false;
  for (let at = quote.indexOf(text); at >= 0; at = quote.indexOf(text, at + 1)) {
    if (OPENING_QUOTES.has(quote[at - 1] ?? '') && CLOSING_QUOTES.has(quote[at + text.length] ?? '')) return true;
  }
  return false;
}

/** A short answer's words, its punctuation aside. */
function wordsOf(answer: string): Token[] {
  return tokensOf(answer).filter((t) => t.pos !== 'PUNCT');
}

/** Whether a short answer's last word is a common noun in the plural (`1,200 members`, `the children`). */
function endsInPlural(answer: string): boolean {
  const last = wordsOf(answer).pop();
  return last !== undefined && isPlural(last);
}

/** Entities that measure rather than name. */
const MEASURES = new Set(['MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL', 'QUANTITY']);

/**
 * Whether a short answer is only a measure (*3 million euros*, *14%*, *six*):
 * no *it* or *they* stands for an amount, though *about 300 flights* names
 * what it counts.
 */
export function isMeasure(answer: string): boolean {
  const words = wordsOf(answer);
  return words.length > 0 && words.every((t) => t.entity !== undefined && MEASURES.has(t.entity));
}

/**
 * What the previous turn said happened, for a stand-alone *that*: its question
 * without the question word and auxiliaries, with its short answer in the
 * place the question word held (*Who bought Norsat?* -> *Hytera bought Norsat*).
 */
export function eventOf(before: Question, turn: Turn, wh: [number, number], answerRole: Role): string | undefined {
  const all = before.tokens.slice(wh[1]).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'AUX');
  // `Why didn't the generators start?`: the negation goes before the verb (`the generators not start`), not first.
  const rest = all.filter((t) => !NEGATIONS.has(t.text.toLowerCase()));
  if (rest.length === 0) return undefined;
  const verb = rest.findIndex((t) => t.pos === 'VERB');
  const negated = rest.length < all.length && verb > 0;
  // Without what an earlier `that` stood for, or every `after that?` would carry all the ones before it.
  let clause = negated
    ? `${before.text.slice(rest[0]?.start, rest[verb - 1]?.end)} not ${before.text.slice(rest[verb]?.start, rest[rest.length - 1]?.end)}`
    : before.text.slice(rest[0]?.start, rest[rest.length - 1]?.end);
  while (/\([^()]*\)?/.test(clause)) clause = clause.replace(/\s*\([^()]*\)?/g, '');
  clause = clause.trim();
  if (clause === '') return undefined;
  // A reason or a manner is no part of what happened (`the region not pay`, not `... encourage further attacks`).
  const answer = isReferent(turn) && before.kind !== 'reason' && before.kind !== 'manner' ? turn.answer : '';
  if (answerRole !== 'subject') return `${clause} ${answer}`.trim();
  const { owned } = ownedBy(before, wh);
  return answer ? `${answer}${owned} ${clause}` : clause;
}

/**
 * A turn's short answer with the noun its question asked for, where the quote
 * says them side by side: `Green party` of *The opposition Green party ...*
 * for *Which party ...?* answered `Green`, `River Leam` for *Which river ...?*
 * answered `Leam`. The span model leaves the question's own words out of the
 * answer; what stands for the answer in the next question says more with them.
 */
export function answerWithNoun(turn: Turn, before: Question, wh: [number, number]): string {
  const noun = askedNoun(before, wh);
  const quote = turn.quote?.text;
  // Not a person's title (`historian Francis Aidan Gasquet`): a person goes on by surname.
  if (!noun || !quote || isPersonNoun(noun.split(' ').pop() ?? '')) return withArticle(turn.answer, quote);
  for (const joined of [`${turn.answer} ${noun}`, `${noun} ${turn.answer}`]) {
    const at = quote.toLowerCase().indexOf(joined.toLowerCase());
    if (at >= 0) return quote.slice(at, at + joined.length);
  }
  return withArticle(turn.answer, quote);
}

/**
 * A phrase introduced with `a` or `an`, named again: `the` (`a stronger quake` -> `the stronger quake`). Not a name's own
 * `A` or `An` (`An Post`, `A Coruña`): the article is in lower case.
 */
function definite(phrase: string): string {
  return phrase.replace(/^an?\s+/, 'the ');
}

/**
 * A short answer with the article the quote says before it, as `the`
 * (`the bank's rate-setting committee`, `the increase`; `a new bridge` named
 * again is `the new bridge`): the span model leaves it out, and without it the
 * tagger may read the answer's first noun as a verb (`did bank's committee
 * want`).
 */
function withArticle(answer: string, quote: string | undefined): string {
  if (/^an?\s/.test(answer)) return definite(answer);
  if (!quote || /^the\s/i.test(answer)) return answer;
  const text = quote.toLowerCase();
  for (const article of ['the', 'a', 'an']) {
    const wanted = `${article} ${answer.toLowerCase()}`;
    for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      const before = text[at - 1];
      const after = text[at + wanted.length];
      // `A` or `An` in capitals only where the quote starts (`A new bridge ...`), not a name's own (`... An Post`).
      const named = article !== 'the' && at > 0 && quote[at] !== article[0];
      if (!named && (before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return `the ${answer}`;
    }
  }
  return answer;
}
