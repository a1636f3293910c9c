import type { Token } from '../../chunk/token.js';
import { type Question, isQuestionWord } from '../question.js';
import { SAY, SPEECH_VERBS } from '../spans.js';
import { BE, EVENT_VERBS, NOUNS, PHRASE, POSSESSIVES, PRONOUN_WORD, PRONOUNS, asksSubject, isPlural, leadIn, prepositionOpens, questionPhrase, type Agreement, type Role } from './parts.js';

/**
 * Whether a question leans on the previous turn: the pronouns with nothing in
 * the question to stand for, and the ellipsis of a question without a verb.
 */

/**
 * A question that opens with a coordinating conjunction (English's closed class) or *what about*, after a word and a
 * comma at most (*Ok, and who ...?*), goes on from the previous one: told from its first words, without analyzing it.
 */
export const CONJUNCTION_FIRST = /^\W*(?:[\p{L}']+,\s*)?(?:(?:and|but|or|so|yet|nor)\b|(?:what|how) about\b)/iu;

/**
 * Set phrases that ask a question of the previous one's event in words of their own: *To do what?*, *How come?*,
 * *What for?*, *Why though?* and *How so?* ask why, *Says who?* who said so. English idioms, not any article's words.
 */
const SET_QUESTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:to do what|how come|what for|why though|how so)$/, 'Why?'],
  [/^(?:(?:says|said) who|who (?:says|said)(?: so)?)$/, 'Who said so?'],
];

/** The question a set phrase stands for (`Why?` for *How come?*), or `undefined` for any other question. */
export function setQuestion(question: string): string | undefined {
  const words = question.trim().toLowerCase().replace(/[\s?!.]+$/u, '');
  return SET_QUESTIONS.find(([phrase]) => phrase.test(words))?.[1];
}

/** Most words of a question that may be elliptical; a longer one without a pronoun stands on its own. */
const MAX_ELLIPSIS_LENGTH = 6;

/** Most content words of an elliptical question (*On which channel?*, *And of the second one?*). */
const MAX_ELLIPSIS_WORDS = 3;

/** What a demonstrative equated with the question word stands for, by that word: *Where is that?* asks of a place. */
const EQUATED: Readonly<Record<string, Agreement>> = { where: 'place', who: 'person', what: 'thing', which: 'thing' };

export const DEMONSTRATIVES: ReadonlySet<string> = new Set(['that', 'this', 'these', 'those']);

const PLURAL_DEMONSTRATIVES = new Set(['these', 'those']);

/** Verbs whose *it* announces a clause: *it takes years to*, *it means for X to*. English grammar, not any article's words. */
const EXPLETIVE_VERBS = new Set(['take', 'mean', 'cost', 'seem', 'appear', 'require']);

/**
 * A question with none of the pronouns and too many words to be elliptical
 * cannot lean on the conversation: told without analyzing it, so most
 * questions cost nothing more in a conversation than alone.
 */
export function cannotLean(question: string): boolean {
  // Nor can one without a letter or a digit (`😀`, `???`): it says nothing to read in a frame.
  if (!/[\p{L}\p{N}]/u.test(question)) return true;
  return !PRONOUN_WORD.test(question) && question.trim().split(/\s+/).length > MAX_ELLIPSIS_LENGTH;
}

/** Whether a question can frame the next: it has words to look up, and is more than a greeting. */
export function isFrame(question: Question): boolean {
  return question.content.length > 0 && !question.tokens.every((t) => t.pos === 'INTJ' || t.pos === 'PUNCT');
}

/** A pronoun of the question that needs a referent from the conversation. */
export interface Reference {
  token: Token;
  agreement: Agreement;
  role: Role;
  possessive: boolean;
  /** It is the subject of a verb of saying (*What did they say?*): someone or a body, not a thing. */
  speaks?: boolean;
  /** It is what *say* says (*When did he say it?*): a statement, not a thing the previous question named. */
  said?: boolean;
}

/** Pronouns and stand-alone demonstratives with nothing in the question that they could stand for. */
export function pronounsWithoutAntecedent(question: Question): Reference[] {
  const { tokens } = question;
  const verb = tokens.findIndex((t) => t.pos === 'VERB');
  const wh = questionPhrase(tokens);
  const out: Reference[] = [];
  tokens.forEach((token, i) => {
    const word = token.text.toLowerCase();
    // `Who said so?`, `Why do they think so?`: *so* at the end, after a verb, stands for what was said, as *that* does.
    const saidSo = word === 'so' && tokens[i - 1]?.pos === 'VERB' && (!tokens[i + 1] || tokens[i + 1]?.pos === 'PUNCT');
    const next = tokens[i + 1];
    // `When did it happen?`, `Why did that happen?`: the subject of *happen* is what happened.
    const happened = (word === 'it' || word === 'that' || word === 'this') && EVENT_VERBS.has(next?.term ?? '');
    const standsAlone = !next || next.pos === 'PUNCT';
    // `By how much was that up?`, `What was that about?`: a demonstrative before a preposition or particle that ends the question.
    const beforeParticle = next !== undefined && ['ADP', 'ADV', 'PART'].includes(next.pos) && (!tokens[i + 2] || tokens[i + 2]?.pos === 'PUNCT');
    // `Where is that?`, `Who is this?`: a demonstrative that a form of *be* equates with what is asked stands for the
    // previous answer (a place, a person, a thing), not for what happened.
    const equated = DEMONSTRATIVES.has(word) && standsAlone && BE.has(tokens[i - 1]?.text.toLowerCase() ?? '') ? EQUATED[tokens.find((t) => isQuestionWord(t.text))?.text.toLowerCase() ?? ''] : undefined;
    const agreement = saidSo || happened ? 'event' : (equated ?? PRONOUNS[word]);
    if (!agreement) return;
    // `Who makes that?`: the tagger reads a *that* ending the question as a conjunction.
    if (token.pos !== 'PRON' && token.pos !== 'DET' && token.pos !== 'ADV' && !(token.pos === 'SCONJ' && (standsAlone || beforeParticle))) return;
    // `How long does that take?`: a demonstrative the tagger reads as a pronoun, between an auxiliary and a verb, is the subject.
    const subject = DEMONSTRATIVES.has(word) && token.pos === 'PRON' && tokens[i - 1]?.pos === 'AUX' && next?.pos === 'VERB';
    // `this month`, `that agreement`: a determiner, not a pronoun; `then` means *at that time* only at the end.
    if ((DEMONSTRATIVES.has(word) || word === 'then') && !standsAlone && !happened && !subject && !(DEMONSTRATIVES.has(word) && beforeParticle)) return;
    // `are there`, `there were`: existential, not a place.
    if (word === 'there' && (tokens[i - 1]?.pos === 'AUX' || BE.has(next?.text.toLowerCase() ?? '') || ['AUX', 'VERB', 'ADV'].includes(next?.pos ?? ''))) return;
    if (word === 'it' && isExpletive(tokens, i)) return;
    // `her plan` is possessive, `asked her` is not.
    const possessive = POSSESSIVES.has(word) || (word === 'her' && PHRASE.has(next?.pos ?? ''));
    // `Who moved his court?`, `Who said he would resign?`: bound by the question word, which asks for the subject.
    const bound = asksSubject(question) && verb !== -1 && i > verb && (possessive || ['VERB', 'AUX'].includes(next?.pos ?? ''));
    // What the question word asks for is no antecedent (*What road did they build?*, *How many ferries can they build?*,
    // *Which university was he an alumnus of?*), unless it asks for the subject, which binds it (*Which footballer said he ...?*).
    const asked = asksSubject(question) ? ([0, 0] as [number, number]) : wh;
    if (bound || hasAntecedent(tokens, i, agreement, asked)) return;
    const role = verb === -1 || i < verb ? 'subject' : 'object';
    const said = tokens[verb];
    // `What was it told?`: the subject of a passive is who was spoken to, which anyone or anything may be. A speech verb's
    // participle (`told`, `said`, `warned`) after a form of *be*: not `is it saying`, nor `what's it say`.
    const participle = said !== undefined && (/ed$/i.test(said.text) || ['said', 'told'].includes(said.text.toLowerCase()));
    const passive = participle && tokens.slice(0, verb).some((t) => BE.has(t.text.toLowerCase()));
    const speaks = role === 'subject' && verb !== -1 && said !== undefined && !passive && (SPEECH_VERBS.has(said.term) || SPEECH_VERBS.has(said.text.toLowerCase()));
    // `When did he say it?`, not `What did he say about it?`, whose *it* is what was talked about.
    const statement = agreement === 'thing' && !possessive && SAY.has(tokens[i - 1]?.text.toLowerCase() ?? '');
    out.push({ token, agreement, role, possessive, ...(speaks ? { speaks } : {}), ...(statement ? { said: statement } : {}) });
  });
  return out;
}

/**
 * An *it* that stands for nothing: *makes it difficult to*, *is it easier to*,
 * *it is possible to*, *was it thought that*, *how long ago was it when*: an
 * adjective or a verb soon after it, then the clause it announces.
 */
function isExpletive(tokens: readonly Token[], at: number): boolean {
  for (let i = at + 1; i <= at + 3 && i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const after = tokens[i + 1]?.text.toLowerCase() ?? '';
    if (['that', 'when', 'whether'].includes(token.text.toLowerCase())) return true;
    // `difficult to`, `easier than`; not a participle (`What is it designed to do?`).
    if (token.pos === 'ADJ' && !/ed$/i.test(token.text) && tokens.slice(i + 1).some((t) => ['to', 'that', 'than'].includes(t.text.toLowerCase()))) return true;
    if (token.pos === 'VERB' && after === 'that') return true;
    // `how long did it take to`, `what does it mean for X to`, `what did it cost to`.
    if (i === at + 1 && token.pos === 'VERB' && EXPLETIVE_VERBS.has(token.term || token.text.toLowerCase()) && tokens.slice(i + 1).some((t) => t.text.toLowerCase() === 'to')) return true;
    if (token.pos === 'PUNCT') return false;
  }
  return false;
}

/**
 * Whether a noun of the question agrees with the pronoun: one before it (*What
 * did Apple say about its profits?*), or after a comma that follows it (*After
 * its re-opening, what did the theatre show?*); not in `asked`, the phrase of
 * a question word asking for an object.
 */
function hasAntecedent(tokens: readonly Token[], at: number, agreement: Agreement, asked: [number, number]): boolean {
  if (agreement !== 'person' && agreement !== 'thing' && agreement !== 'group') return false;
  const comma = tokens.findIndex((t, i) => i > at && t.text === ',');
  return tokens.some((token, i) => {
    // `How many of those have cut their hours?`: a plural demonstrative standing as the subject (a verb after it, no noun) binds the *their*.
    if (agreement === 'group' && i < at && PLURAL_DEMONSTRATIVES.has(token.text.toLowerCase()) && ['AUX', 'VERB'].includes(tokens[i + 1]?.pos ?? '')) return true;
    if (!NOUNS.has(token.pos) || (i > at && (comma === -1 || i < comma))) return false;
    // The thing asked for is not what the pronoun stands for in *What road did they build?*.
    if (i >= asked[0] && i < asked[1]) return false;
    // A plural noun is not an *it*; anything else may be (`the company`, `Apple`); a group may be named in the singular (`the council`, `ctenophore`).
    return agreement !== 'thing' || token.pos === 'PROPN' || !isPlural(token);
  });
}

/**
 * No verb and few content words once a leading *and*, *but*, *ok* or *what about*
 * is set aside, and a question word or something else that ties it to the
 * previous question: *Why?*, *On which channel?*, *And Hytera's?*, *Who else?*;
 * an interjection alone (*hi*, *ok*) asks nothing.
 */
export function isElliptical(tokens: readonly Token[]): boolean {
  const start = leadIn(tokens);
  const rest = tokens.slice(participleOpens(tokens, start) || prepositionOpens(tokens, start) ? start + 1 : start);
  if (rest.some((t, i) => t.pos === 'VERB' || t.pos === 'AUX' || takesObject(t, rest[i + 1], rest[i + 2]) || takesPlace(t, rest[i - 1], rest[i + 1]))) return false;
  const content = rest.filter((t) => t.term).length;
  // With a question word, only the asking phrase (`on which channel`); a longer verbless question (`What causes rock extension?`,
  // its verb tagged a noun) stands on its own. Without one, the new focus (`And of septicemic plague?`).
  const asks = rest.some((t) => isQuestionWord(t.text));
  // A noun phrase with nothing that ties it to the previous question (*and*, a preposition, a possessive: *And the
  // deal?*, *In cash or shares?*, *Hytera's?*) is a new topic typed alone (*the deal*), not the previous frame's.
  // Alternatives (*Cash or shares?*) offer answers to the previous question, as a preposition's phrase does.
  const tied = asks || start > 0 || rest[0]?.pos === 'ADP' || rest.some((t) => POSSESSIVE.test(t.text) || /^or$/i.test(t.text));
  return tied && rest.some((t) => t.pos !== 'PUNCT') && content <= (asks ? 2 : MAX_ELLIPSIS_WORDS);
}

const POSSESSIVE = /^['’]s$/;

/** Pronouns that can only be objects: the word before one is a verb. */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'me', 'us']);

/**
 * A word tagged a noun that takes an object pronoun is a verb the tagger took
 * for a noun after another noun (*How many vehicles **use** it?*): the
 * question has its verb, and is no ellipsis.
 */
function takesObject(token: Token, next: Token | undefined, after: Token | undefined): boolean {
  if (token.pos !== 'NOUN' || next === undefined) return false;
  const word = next.text.toLowerCase();
  // *her* is an object where no noun follows it (*Who coaches her?*), a possessive where one does (*her coach*).
  return OBJECT_PRONOUNS.has(word) || (word === 'her' && (after === undefined || after.pos === 'PUNCT'));
}

/**
 * A word tagged a noun, right after another noun and before *there* or *here*, is a verb the tagger took for a noun of
 * a compound (*How many people **work** there?*): a noun phrase does not end in *there* after two nouns. (*How many
 * people there?*, one noun, is an ellipsis.)
 */
function takesPlace(token: Token, previous: Token | undefined, next: Token | undefined): boolean {
  return token.pos === 'NOUN' && (previous?.pos === 'NOUN' || previous?.pos === 'PROPN') && /^(there|here)$/i.test(next?.text ?? '');
}

/**
 * Whether the question, from `at`, is a past participle and the phrase of a question word after a preposition:
 * *Allowed by whom?*, *Compared with which price?*: the previous question's event, passive.
 */
export function participleOpens(tokens: readonly Token[], at: number): boolean {
  const [participle, preposition] = [tokens[at], tokens[at + 1]];
  if (participle?.pos !== 'VERB' || !participle.term || participle.text.toLowerCase() === participle.term) return false;
  // `allowed`, `written`, `sent`: the endings of past participles (with `word !== term`, an inflected form).
  if (!/(ed|n|t)$/i.test(participle.text) || preposition?.pos !== 'ADP') return false;
  return tokens.slice(at + 2, at + 4).some((t) => isQuestionWord(t.text));
}
