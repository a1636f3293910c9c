import { LRUCache } from 'lru-cache';
import { analyzePhrase } from '../chunk/analyze.js';
import type { Token } from '../chunk/token.js';
import type { Conversation, Turn } from '../types.js';
import { isGroupNoun, isNamedPlaceOrBody, isPersonNoun, isPlaceNoun } from '../wordnet/related.js';
import { asksForGist } from './gist.js';
import { isQuestionWord, parseQuestion, withVerbFound, type AnswerKind, type Question } from './question.js';
import { SPEECH_VERBS } from './spans.js';

/**
 * Reading a follow-up question with the conversation before it.
 *
 * A question leans on the previous one in two ways: a pronoun or demonstrative
 * with nothing in the question to stand for (*Who allowed it?*), or ellipsis, a
 * question with no verb that takes the previous question's frame (*On which
 * channel?*, *And of the second one?*). Both are told from the parts of speech
 * wink-nlp gives the question, never from the article's words; a question that
 * stands on its own is answered as it is, so a new topic starts afresh.
 *
 * A pronoun is replaced by what it most likely stands for in the previous turn:
 * its short answer or one of its noun phrases, picked by agreement (*he* a
 * person, *there* a place, *then* a date, *it* a singular thing, *they* a group),
 * by parallel role (a subject pronoun for the previous subject), and by
 * salience (a name the conversation keeps coming back to).
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

/** A question as the follow-up reading sees it: its verb found where the tagger took it for an adjective or a noun. */
function readQuestion(text: string): Question {
  return withVerbFound(parseQuestion(text));
}

/** What a pronoun agrees with. `event`: a stand-alone *that* or *this*, which stands for what the previous turn said happened. */
type Agreement = 'person' | 'thing' | 'group' | 'place' | 'date' | 'event';
/** Where a phrase stands in its question: before the verb, after it, or neither (the answer to *when*, *where*, *how much*). */
type Role = 'subject' | 'object' | 'adjunct';

const PRONOUNS: Readonly<Record<string, Agreement>> = {
  he: 'person', him: 'person', his: 'person', she: 'person', her: 'person', hers: 'person',
  it: 'thing', its: 'thing',
  they: 'group', them: 'group', their: 'group', these: 'group', those: 'group',
  there: 'place', then: 'date', that: 'event', this: 'event',
};
const POSSESSIVES = new Set(['his', 'its', 'their', 'hers']);
/** The negation of a verb, which a statement puts before it: *did | n't | the generators start* -> *the generators not start*. */
const NEGATIONS = new Set(["n't", 'n’t', 'not']);
/** What a demonstrative equated with the question word stands for, by that word: *Where is that?* asks of a place. */
const EQUATED: Readonly<Record<string, Agreement>> = { where: 'place', who: 'person', what: 'thing', which: 'thing' };
const DEMONSTRATIVES = new Set(['that', 'this', 'these', 'those']);
/** Verbs whose *it* announces a clause: *it takes years to*, *it means for X to*. English grammar, not any article's words. */
const EXPLETIVE_VERBS = new Set(['take', 'mean', 'cost', 'seem', 'appear', 'require']);
/** Verbs whose subject *it* is something that happened, as a stand-alone *that* is (*When did it happen?*). */
const EVENT_VERBS = new Set(['happen', 'occur']);
/** Articles, conjunctions and prepositions of three letters or more, which a name may hold (`the Bank of England`). */
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'from', 'with', 'nor']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s"]);
const NOUNS = new Set(['NOUN', 'PROPN']);
const PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
/** Most words of a short answer that can stand in for a pronoun; a longer one is a clause, not a name. */
const MAX_REFERENT_WORDS = 8;
/**
 * How much each preference counts beside agreement (0 to 2); set on conversations written for other articles
 * (`training/followups-own.json`); `carried` later, on the quake article (0.5 and 1 read all ten sets alike).
 */
const WEIGHTS = { parallel: 1, topic: 0.5, mention: 0.5, distance: 1, carried: 0.5 };
/** Most content words of an elliptical question (*On which channel?*, *And of the second one?*). */
const MAX_ELLIPSIS_WORDS = 3;

/**
 * A question as read with the conversation: `text` is what to answer; `changed`
 * when it differs from the question asked; `pronouns` when pronouns of the
 * question were replaced (its words as asked then still say something).
 */
export interface Resolved {
  text: string;
  changed: boolean;
  pronouns?: boolean;
  /** The question goes on from the previous one: it was read with it, or it opens with *and*, *but*, *what about*. */
  continues?: boolean;
}

/** Reads `question` with the conversation's last turns; a question that stands on its own comes back unchanged. */
export function resolveFollowUp(question: string, conversation: Conversation | undefined): Resolved {
  let turns = conversation?.turns ?? [];
  const unchanged = { text: question, changed: false };
  if (turns.length === 0 || question.trim() === '') return unchanged;
  if (cannotLean(question)) return CONJUNCTION_FIRST.test(question) ? { ...unchanged, continues: true } : unchanged;
  // `To do what?` asks what the previous question's event was for, as `Why?` does.
  if (PURPOSE.test(question)) question = question.replace(PURPOSE, 'Why?');
  const asked = readQuestion(question);
  const { tokens } = asked;
  const references = pronounsWithoutAntecedent(asked);
  const elliptical = isElliptical(tokens);
  if (references.length === 0 && !elliptical) return CONJUNCTION_FIRST.test(question) ? { ...unchanged, continues: true } : unchanged;

  let before = readQuestion((turns[turns.length - 1] as Turn).understood);
  // *What is this article about?* is no frame (its *it* is the article), and ends what went before; *Who wrote it?*
  // is one, answered with a name (*Where was he?*).
  if (asksForGist(before.text)) return unchanged;
  // Nor is a greeting (*hi*, *ok*) or a question with nothing to look up (*and?*, *😀*): the question before it is.
  while (!isFrame(before)) {
    turns = turns.slice(0, -1);
    const last = turns[turns.length - 1];
    if (!last) return unchanged;
    before = readQuestion(last.understood);
  }
  const previous = turns[turns.length - 1] as Turn;
  let text = question;
  if (references.length > 0) {
    // A name an earlier `who` got as its answer, named again in a question, is a person's: no *it* (*When did Poul Madsen found
    // the yard?* then *How many people does it employ?*). The previous answer itself may still be a firm's (*Who is buying the yard?*).
    // By surname too, as the next question was read with it (`Who wrote it?` -> `Subrat Patnaik`, then `Where was Patnaik?`).
    const people = turns
      .slice(0, -1)
      .filter((t) => /^\W*who\b/i.test(t.understood) && isReferent(t) && !isFirm(t.answer))
      .flatMap((t) => [t.answer.toLowerCase(), surname(t.answer).toLowerCase()]);
    const known = (referents: Referent[]): Referent[] => {
      for (const referent of referents) {
        if (referent.answer || !people.some((name) => name === referent.text.toLowerCase())) continue;
        referent.fits = { ...referent.fits, thing: undefined, person: Math.max(referent.fits.person ?? 0, 2) };
      }
      return referents;
    };
    // The turn before the previous one, only for a pronoun nothing in the previous turn fits (`he` after a question about a
    // report still finds the person), and one point lower.
    const earlier = turns[turns.length - 2];
    const farther = (): Referent[] => {
      if (!earlier) return [];
      const found = referentsOf(readQuestion(earlier.understood), earlier, turns.slice(0, -2)).filter((r) => !r.fits.event);
      for (const referent of found) referent.distance = 1;
      return known(found);
    };
    text = substitute(question, references, known(referentsOf(before, previous, turns.slice(0, -1))), farther);
  }
  const substituted = text !== question;
  if (elliptical) text = withFrameOf(text, substituted ? readQuestion(text).tokens : tokens, before, previous);
  text = text.replace(/\s+/g, ' ').trim();
  return text === question.trim() ? { ...unchanged, continues: true } : { text, changed: true, pronouns: substituted, continues: true };
}


// ---------------------------------------------------------------------------
// Finding what leans on the previous turn

/**
 * A question that opens with a coordinating conjunction (English's closed class) or *what about*, after a word and a
 * comma at most (*Ok, and who ...?*), goes on from the previous one: told from its first words, without analyzing it.
 */
const CONJUNCTION_FIRST = /^\W*(?:[\p{L}']+,\s*)?(?:(?:and|but|or|so|yet|nor)\b|(?:what|how) about\b)/iu;
const PRONOUN_WORD = new RegExp(`\\b(${Object.keys(PRONOUNS).join('|')})\\b`, 'i');
/** `To do what?`: an infinitive's purpose asked of the previous question's event. */
const PURPOSE = /^\s*to do what\s*\??\s*$/i;
/** Most words of a question that may be elliptical; a longer one without a pronoun stands on its own. */
const MAX_ELLIPSIS_LENGTH = 6;

/**
 * A question with none of the pronouns and too many words to be elliptical
 * cannot lean on the conversation: told without analyzing it, so most
 * questions cost nothing more in a conversation than alone.
 */
function cannotLean(question: string): boolean {
  // Nor can one without a letter or a digit (`😀`, `???`): it says nothing to read in a frame.
  if (!/[\p{L}\p{N}]/u.test(question)) return true;
  return !PRONOUN_WORD.test(question) && question.trim().split(/\s+/).length > MAX_ELLIPSIS_LENGTH;
}

/** Whether a question can frame the next: it has words to look up, and is more than a greeting. */
function isFrame(question: Question): boolean {
  return question.content.length > 0 && !question.tokens.every((t) => t.pos === 'INTJ' || t.pos === 'PUNCT');
}

/** A pronoun of the question that needs a referent from the conversation. */
interface Reference {
  token: Token;
  agreement: Agreement;
  role: Role;
  possessive: boolean;
}

/** Pronouns and stand-alone demonstratives with nothing in the question that they could stand for. */
function pronounsWithoutAntecedent(question: Question): Reference[] {
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
    // `Where is that?`, `Who is this?`: a demonstrative that a form of *be* equates with what is asked stands for the
    // previous answer (a place, a person, a thing), not for what happened.
    const equated = DEMONSTRATIVES.has(word) && standsAlone && BE.has(tokens[i - 1]?.text.toLowerCase() ?? '') ? EQUATED[tokens.find((t) => isQuestionWord(t.text))?.text.toLowerCase() ?? ''] : undefined;
    const agreement = saidSo || happened ? 'event' : (equated ?? PRONOUNS[word]);
    if (!agreement) return;
    // `Who makes that?`: the tagger reads a *that* ending the question as a conjunction.
    if (token.pos !== 'PRON' && token.pos !== 'DET' && token.pos !== 'ADV' && !(token.pos === 'SCONJ' && standsAlone)) return;
    // `this month`, `that agreement`: a determiner, not a pronoun; `then` means *at that time* only at the end.
    if ((DEMONSTRATIVES.has(word) || word === 'then') && !standsAlone && !happened) return;
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
    out.push({ token, agreement, role: verb === -1 || i < verb ? 'subject' : 'object', possessive });
  });
  return out;
}

/**
 * Whether the question word asks for the subject: *who bought*, *which firm
 * is buying*, *what law was passed* (a verb, or auxiliaries then a verb, right
 * after the question phrase), not *what does it cover* or *who is the minister*.
 */
function asksSubject(question: Question): boolean {
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
function countedSubject(tokens: readonly Token[]): [number, number] | undefined {
  const [from, to] = questionPhrase(tokens);
  if (!/^how$/i.test(tokens[from]?.text ?? '') || !/^(many|much)$/i.test(tokens[from + 1]?.text ?? '')) return undefined;
  const nouns = tokens.slice(from + 2, to);
  if (!nouns.some((t) => NOUNS.has(t.pos))) return undefined;
  let i = to;
  while (tokens[i]?.pos === 'ADV' || tokens[i]?.pos === 'PART') i++;
  // A verb right after the counted noun, or an auxiliary and a participle (`were treated`) or an infinitive (`had to
  // leave`, `has to be repaid`), not do-support (`did it sell`).
  let at = tokens[i + 1]?.text.toLowerCase() === 'to' ? i + 2 : i + 1;
  if (at === i + 2 && tokens[at]?.text.toLowerCase() === 'be') at++;
  const next = tokens[at];
  const verb = tokens[i]?.pos === 'VERB' || (tokens[i]?.pos === 'AUX' && !/^(do|does|did)$/i.test(tokens[i]?.text ?? '') && next?.pos === 'VERB');
  return verb ? [nouns[0]?.start ?? 0, nouns[nouns.length - 1]?.end ?? 0] : undefined;
}

/**
 * The things a `how many` question counts (*cars* in *How many cars is Veltra recalling?*), as token indexes
 * `[from, to)`; not what *how much* measures (*weight*, *money*), which is seldom what a pronoun goes on about.
 */
function countedNouns(tokens: readonly Token[], [from, to]: [number, number]): [number, number] | undefined {
  if (!/^how$/i.test(tokens[from]?.text ?? '') || !/^many$/i.test(tokens[from + 1]?.text ?? '')) return undefined;
  const head = tokens[to - 1];
  return to > from + 2 && head && isPlural(head) ? [from + 2, to] : undefined;
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
function isElliptical(tokens: readonly Token[]): boolean {
  const start = leadIn(tokens);
  const rest = tokens.slice(participleOpens(tokens, start) || prepositionOpens(tokens, start) ? start + 1 : start);
  if (rest.some((t, i) => t.pos === 'VERB' || t.pos === 'AUX' || takesObject(t, rest[i + 1], rest[i + 2]))) return false;
  const content = rest.filter((t) => t.term).length;
  // With a question word, only the asking phrase (`on which channel`); a longer verbless question (`What causes rock extension?`,
  // its verb tagged a noun) stands on its own. Without one, the new focus (`And of septicemic plague?`).
  const asks = rest.some((t) => isQuestionWord(t.text));
  // A noun phrase with nothing that ties it to the previous question (*and*, a preposition, a possessive: *And the
  // deal?*, *In cash or shares?*, *Hytera's?*) is a new topic typed alone (*the deal*), not the previous frame's.
  const tied = asks || start > 0 || rest[0]?.pos === 'ADP' || rest.some((t) => POSSESSIVE.test(t.text));
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
 * Whether the question, from `at`, is a past participle and the phrase of a question word after a preposition:
 * *Allowed by whom?*, *Compared with which price?*: the previous question's event, passive.
 */
function participleOpens(tokens: readonly Token[], at: number): boolean {
  const [participle, preposition] = [tokens[at], tokens[at + 1]];
  if (participle?.pos !== 'VERB' || !participle.term || participle.text.toLowerCase() === participle.term) return false;
  // `allowed`, `written`, `sent`: the endings of past participles (with `word !== term`, an inflected form).
  if (!/(ed|n|t)$/i.test(participle.text) || preposition?.pos !== 'ADP') return false;
  return tokens.slice(at + 2, at + 4).some((t) => isQuestionWord(t.text));
}

/** Whether the question, from `at`, opens with *according to*, a preposition of two words whose first the tagger reads as a verb. */
function prepositionOpens(tokens: readonly Token[], at: number): boolean {
  return tokens[at]?.text.toLowerCase() === 'according' && tokens[at + 1]?.text.toLowerCase() === 'to';
}

/** How many tokens open the question without asking anything: `and`, `but`, `so`, `ok,`, `what about`, `how about`. */
function leadIn(tokens: readonly Token[]): number {
  let i = 0;
  while (tokens[i]?.pos === 'CCONJ' || tokens[i]?.pos === 'PUNCT' || tokens[i]?.pos === 'INTJ') i++;
  const word = tokens[i]?.text.toLowerCase();
  if ((word === 'what' || word === 'how') && tokens[i + 1]?.text.toLowerCase() === 'about') i += 2;
  return i;
}

/**
 * The tokens `[from, to)` that ask: the question word, a preposition before it,
 * and the noun phrase after it (`On which channel`, `What kind of firm`);
 * `[0, 0]` when there is no question word.
 */
function questionPhrase(tokens: readonly Token[]): [number, number] {
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

// ---------------------------------------------------------------------------
// What the previous turn offers to stand for a pronoun

interface Referent {
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
  /** The lemma of its last noun when that is a common noun in the singular (`minister`): WordNet may know it as a person's. */
  head?: string;
  /** It was put in the previous question for one of its pronouns. */
  carried?: boolean;
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
function referentsOf(before: Question, turn: Turn, older: readonly Turn[]): Referent[] {
  const out: Referent[] = [];
  const { tokens } = before;
  const wh = questionPhrase(tokens);
  const verb = tokens.findIndex((t, i) => t.pos === 'VERB' && i >= wh[1]);
  const answerRole = answerRoleOf(before, wh);
  // `Who is the minister?` is answered with a person, although it is read as a definition; `Who is Lars Holm?` with what he is.
  const named = nounPhrases(tokens, wh[1]).some(([, to]) => tokens[to - 1]?.pos === 'PROPN');
  const asksName = before.kind === 'definition' && /^who$/i.test(tokens[wh[0]]?.text ?? '') && !named;
  const fits = asksName ? ANSWER_AGREEMENT.person : ANSWER_AGREEMENT[before.kind];
  if (fits && isReferent(turn) && !isMeasure(turn.answer)) {
    // A question that names its answer's kind (`which country`, `what law`, `who`) gets a referent as its answer.
    // Its content words: `the` of `the Harbour Survey` is in every question.
    const text = answerWithNoun(turn, before, wh);
    const terms = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2 && !FUNCTION_WORDS.has(word));
    // `1,200 members` is they, not it; `Tomas Berg`, whom the quote calls `Finance minister Tomas Berg`, is he or she.
    const plural = endsInPlural(turn.answer) ? { thing: undefined, group: Math.max(fits.group ?? 0, 1) } : {};
    const capitalized = turn.answer.split(/\s+/).every((word) => /^\p{Lu}/u.test(word));
    const person = capitalized && turn.quote && titledPeople(turn.quote.text, before).includes(turn.answer) ? { person: 2, thing: undefined, group: undefined } : {};
    out.push({ text, fits: { ...fits, ...plural, ...person }, role: answerRole, possessor: false, mentions: 0, terms, answer: true });
  } else {
    // `Who runs Norda Air?` with no name found: the `she` that follows is most likely that unknown person, not the firm;
    // unless the quote names one person by a title (`investor Dana Whitfield`), who most likely is that person.
    const titled = fits?.person && turn.answered && turn.quote ? titledPeople(turn.quote.text, before) : [];
    const [person] = titled;
    if (person !== undefined && titled.length === 1) {
      out.push({ text: person, fits: { person: fits?.person }, role: answerRole, possessor: false, mentions: 0, terms: person.toLowerCase().split(' ') });
    } else if (fits?.person) out.push({ text: '', fits: { person: fits.person }, role: answerRole, possessor: false, mentions: 0, terms: [], unknown: true });
    // `Which agency is examining the outage?` with no name found: the `it` that follows is the agency, not the outage.
    const noun = askedNoun(before, wh);
    if (fits && noun) out.push({ text: `the ${noun}`, fits: { thing: fits.thing, group: fits.group }, role: answerRole, possessor: false, mentions: 0, terms: noun.split(' ') });
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
  for (const [from, to] of nounPhrases(tokens, wh[1])) {
    const phrase = tokens.slice(from, to);
    const head = phrase[phrase.length - 1] as Token;
    const named = phrase.some((t) => t.pos === 'PROPN');
    const plural = isPlural(head);
    const dated = phrase.some((t) => t.entity === 'DATE');
    const role: Role = verb === -1 || from < verb ? 'subject' : 'object';
    const fit: Partial<Record<Agreement, number>> = dated
      ? { date: 1 }
      : // A common noun is no person to `he` or `she` (`the report`); a name may be.
        { person: named ? 1 : undefined, thing: plural ? undefined : 1, group: plural ? 2 : named ? 0.5 : undefined, place: named ? 0 : undefined };
    const possessor = tokens[from - 1]?.text.toLowerCase() === 'of' || tokens[to]?.text === "'s" || tokens[to]?.text === '’s';
    // `The council` opening the previous question is `the council` inside this one.
    const text = before.text.slice(phrase[0]?.start, head.end).replace(/^(The|A|An) /, (m) => (from === 0 ? m.toLowerCase() : m));
    // Not in the plural: `the soldiers` are they, not he.
    const common = head.pos === 'NOUN' && !named && head.term && !plural ? { head: head.term } : {};
    // What a pronoun of the previous question was read as: the same pronoun now most likely goes on standing for it.
    const carried = turn.understood !== turn.question && !turn.question.includes(text);
    out.push({ text, fits: fit, role, possessor, mentions: 0, terms: phrase.map((t) => t.term).filter(Boolean), ...common, ...(carried ? { carried } : {}) });
  }
  for (const referent of out) {
    referent.mentions = older.filter((t) => referent.terms.some((term) => t.understood.toLowerCase().includes(term))).length;
  }
  const event = eventOf(before, turn, wh, answerRole);
  if (event) out.push({ text: event, fits: { event: 1 }, role: 'subject', possessor: false, mentions: 0, terms: [] });
  return out;
}

/**
 * Where the answer to a question stands in what it asks: the subject of `who bought X`, the object of `what does X
 * cover`, the same thing as the subject of `who is the leader of X`; the answer to `when` or `where` is neither.
 */
function answerRoleOf(question: Question, wh: [number, number]): Role {
  if (asksSubject(question)) return 'subject';
  const verb = question.tokens.findIndex((t, i) => t.pos === 'VERB' && i >= wh[1]);
  return question.role ?? (verb === -1 && ['person', 'definition', 'entity', 'thing'].includes(question.kind) ? 'subject' : 'adjunct');
}

/**
 * Whether a name is a place's or a body's, not a person's: one WordNet knows
 * as a place or an organization (`Canada`, `the United States`, `The Hague`,
 * looked up as WordNet spells names, with and without a leading *the*), or one
 * of two words or more whose last is a common noun for a group or a place
 * (`Data Protection Commission`, `Conservative Party`, `Ashbury Town`). No
 * *he* or *she*.
 */
function isPlaceOrBody(name: string): boolean {
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
function isFirm(name: string): boolean {
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

/** Whether the turn's short answer is short enough to name something: a longer one is a clause. */
function isReferent(turn: Turn): boolean {
  const words = turn.answer.split(/\s+/).filter(Boolean).length;
  return turn.answered && words > 0 && words <= MAX_REFERENT_WORDS;
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
function isMeasure(answer: string): boolean {
  const words = wordsOf(answer);
  return words.length > 0 && words.every((t) => t.entity !== undefined && MEASURES.has(t.entity));
}

/** Runs of nouns, adjectives and numbers after `from` that end in a noun (`the Conservative Party`, `Trudeau's adviser`), with a leading determiner. */
function nounPhrases(tokens: readonly Token[], from: number): Array<[number, number]> {
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
      // A name may hold `of` (`the Bank of Nordhavn`, `the University of Chicago`): one referent, not two.
      if (i === end && tokens[i - 1]?.pos === 'PROPN' && tokens[i]?.text.toLowerCase() === 'of' && tokens[i + 1]?.pos === 'PROPN') i++;
    }
    // Not the first half of a word joined by a hyphen (`part` of `part-funded`).
    const joined = tokens[end]?.text === '-' && tokens[end]?.start === tokens[end - 1]?.end && tokens[end + 1]?.start === tokens[end]?.end;
    if (end > start && !joined && tokens.slice(start, end).some((t) => NOUNS.has(t.pos))) out.push([start, end]);
  }
  return out;
}

/**
 * What the previous turn said happened, for a stand-alone *that*: its question
 * without the question word and auxiliaries, with its short answer in the
 * place the question word held (*Who bought Norsat?* -> *Hytera bought Norsat*).
 */
function eventOf(before: Question, turn: Turn, wh: [number, number], answerRole: Role): string | undefined {
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

// ---------------------------------------------------------------------------
// Rewriting the question

/** The question with each pronoun replaced by its best referent, from the previous turn or else `farther` (left as it is when none fits). */
function substitute(question: string, references: readonly Reference[], referents: readonly Referent[], farther: () => Referent[]): string {
  let out = '';
  let at = 0;
  const used = new Set<Referent>();
  let older: Referent[] | undefined;
  for (const reference of references) {
    // Two pronouns of one clause are two things (*When did it report it?*), but a possessive may be the subject's (*What did he implicate in his book?*).
    const skip = reference.possessive ? new Set<Referent>() : used;
    const best = bestReferent(reference, referents, skip) ?? bestReferent(reference, (older ??= farther()), skip);
    if (!best || best.unknown) continue;
    if (!reference.possessive) used.add(best);
    const { token } = reference;
    // `that`, `there` and `then` keep their place in the sentence, with what they stand for beside them.
    let text = ['event', 'place', 'date'].includes(reference.agreement) ? `${token.text} (${best.text})` : reference.agreement === 'person' ? surname(best.text) : best.text;
    if (reference.possessive) text = /s$/i.test(text) ? `${text}'` : `${text}'s`;
    if (token.start === 0) text = capitalize(text);
    out += question.slice(at, token.start) + text;
    at = token.end;
  }
  return out + question.slice(at);
}

/**
 * The referent that fits the pronoun best: by agreement, the same role as the
 * pronoun's (parallelism: subject for subject, possessor for possessor), the
 * previous subject (the topic, as centering theory has it) and mentions in
 * earlier turns; the earliest on a tie (the answer first). Skips `used`.
 */
function bestReferent(reference: Reference, referents: readonly Referent[], used: ReadonlySet<Referent>): Referent | undefined {
  let best: Referent | undefined;
  let bestScore = -Infinity;
  for (const referent of referents) {
    const fit = referent.fits[reference.agreement] ?? personNoun(reference, referent);
    if (fit === undefined || used.has(referent) || personAsThing(reference, referent)) continue;
    // No place or body is `he` or `she`: looked up only for those, as a new name costs 1 to 5 ms. When it is the answer
    // (`Who runs Kvikly?` answered `Data Protection Commission`), the person asked for is still unknown.
    const body = reference.agreement === 'person' && isPlaceOrBody(referent.text);
    if (body && !referent.answer) continue;
    const score =
      fit +
      // A possessive's place is inside a noun phrase: it parallels a possessor, not a subject or an object.
      (!reference.possessive && referent.role === reference.role ? WEIGHTS.parallel : 0) +
      (reference.possessive && referent.possessor ? WEIGHTS.parallel : 0) +
      (referent.role === 'subject' ? WEIGHTS.topic : 0) +
      WEIGHTS.mention * referent.mentions +
      (referent.carried ? WEIGHTS.carried : 0) -
      WEIGHTS.distance * (referent.distance ?? 0);
    if (score > bestScore) {
      best = body ? { ...referent, unknown: true } : referent;
      bestScore = score;
    }
  }
  // The person asked for and not found may be described by the question itself (`Who is the leader of the party?`).
  if (best?.unknown) return referents.find((referent) => !used.has(referent) && personNoun(reference, referent) !== undefined) ?? best;
  return best;
}

/**
 * A common noun WordNet knows as a kind of person (`the transport minister`,
 * `the thieves`) fits *he* or *she* as a name does; looked up only for those
 * pronouns, as a new noun costs a WordNet walk.
 */
function personNoun(reference: Reference, referent: Referent): number | undefined {
  return reference.agreement === 'person' && referent.head && isPersonNoun(referent.head) ? 1 : undefined;
}

/** *It* for a common noun WordNet knows as a kind of person (*the finance minister*): no person is *it*. */
function personAsThing(reference: Reference, referent: Referent): boolean {
  return reference.agreement === 'thing' && !referent.answer && referent.head !== undefined && isPersonNoun(referent.head);
}

/**
 * An elliptical question in the previous question's frame. With a question
 * word, it replaces the previous one (*On which channel?* after *When did
 * Scheer say it?* -> *On which channel did Scheer say it?*); without, its words
 * replace the previous question's matching phrase (*And of septicemic plague?*
 * after *What is the mortality rate of pneumonic plague?*), or are added to it.
 */
function withFrameOf(question: string, tokens: readonly Token[], before: Question, previous: Turn): string {
  const start = leadIn(tokens);
  const own = tokens.slice(start).filter((t) => t.pos !== 'PUNCT');
  if (own.length === 0) return question;
  const words = question.slice(own[0]?.start, own[own.length - 1]?.end);
  const frame = before.tokens;
  const wh = questionPhrase(frame);
  const frameEnd = lastWord(frame);
  if (participleOpens(tokens, start)) {
    const asking = capitalize(question.slice(own[1]?.start, own[own.length - 1]?.end));
    // `Founded by whom?` after `When was the museum founded?`: the same verb, asked another way (`By whom was the museum founded?`).
    const passive = frame.some((t) => BE.has(t.text.toLowerCase())) && frame.slice(wh[1]).some((t) => t.pos === 'VERB' && t.text.toLowerCase() === own[0]?.text.toLowerCase());
    if (passive) return `${asking} ${before.text.slice(frame[wh[1]]?.start, frameEnd)}?`;
    // `Allowed by whom?` after `Who bought Norsat?`: `By whom was that (Hytera bought Norsat) allowed?`.
    const event = eventOf(before, previous, wh, answerRoleOf(before, wh));
    if (event) return `${asking} was that (${event}) ${own[0]?.text.toLowerCase()}?`;
  }
  if (own.some((t) => isQuestionWord(t.text))) {
    const frameEnd = asksWithoutObject(own) && !asksSubject(before) ? endBeforeStranded(frame) : lastWord(frame);
    const restAt = wh[1];
    const rest = before.text.slice(frame[restAt]?.start ?? before.text.length, frameEnd);
    const lead = restAt === 0 && rest ? rest.charAt(0).toLowerCase() + rest.slice(1) : rest;
    // `Why not?` after `Will the region pay?`: the negation goes before the frame's verb (`Why will the region not pay?`).
    const verbAt = frame.findIndex((t, i) => i >= restAt && t.pos === 'VERB');
    if (own.some((t) => NEGATIONS.has(t.text.toLowerCase())) && verbAt > restAt && !frame.some((t) => NEGATIONS.has(t.text.toLowerCase()))) {
      const asking = own.filter((t) => !NEGATIONS.has(t.text.toLowerCase())).map((t) => t.text).join(' ');
      const negated = `${lead.slice(0, (frame[verbAt]?.start ?? 0) - (frame[restAt]?.start ?? 0))}not ${before.text.slice(frame[verbAt]?.start, frameEnd)}`;
      return `${capitalize(asking)} ${negated}?`;
    }
    // `In which year?` after `Who established the fort?`: the answer becomes the subject, with do-support
    // (`In which year did Ribault establish the fort?`), so the question word still opens the question; with no
    // short answer to name, `they` stands for whoever it was (`Why did they criticize the law?`).
    const first = own[0]?.text.toLowerCase() ?? '';
    const verb = frame[restAt];
    const counted = countedSubject(frame);
    // `And how many aircraft?` after `How many firefighters are fighting the blaze?`: another count in the subject's place.
    const countsAgain = counted !== undefined && first === 'how' && /^(many|much)$/i.test(own[1]?.text ?? '') && own.slice(2).some((t) => NOUNS.has(t.pos));
    const asksSubjectAgain = first === 'who' || ((first === 'what' || first === 'which') && !PHRASE.has(own[1]?.pos ?? '')) || countsAgain;
    const after = before.text.slice(frame[restAt + 1]?.start ?? verb?.end ?? frameEnd, frameEnd);
    const subject = asksSubject(before) || counted ? subjectOf(before, wh, previous, counted) : undefined;
    if (subject && !asksSubjectAgain && verb?.pos === 'VERB' && verb.term) return `${capitalize(words)} ${doSupport(verb)} ${subject} ${verb.term}${after ? ` ${after}` : ''}?`;
    // `Where?` after `How many people were hurt?`: `Where were people hurt?`; `Since when?` after `Which road was closed?`:
    // `Since when was the road closed?`. Not with `they` for someone unknown (`When was they elected?`).
    // `had to leave` takes do-support as a verb does (`From where did people have to leave?`).
    const must = HAVE_TO[verb?.text.toLowerCase() ?? ''];
    if (subject && subject !== 'they' && !asksSubjectAgain && must && frame[restAt + 1]?.text.toLowerCase() === 'to') return `${capitalize(words)} ${must} ${subject} have ${after}?`;
    if (subject && subject !== 'they' && !asksSubjectAgain && verb?.pos === 'AUX') return `${capitalize(words)} ${verb.text} ${subject} ${after}?`;
    return countOfSubject(question, own, lead, frame.slice(restAt)) ?? `${capitalize(words)} ${lead}${objectAgain(own, before, wh, previous)}?`;
  }
  // `And third?` after `Which party came second?`: another rank in the place of the frame's.
  const rank = frame.findIndex((t, i) => i >= wh[1] && t.entity === 'ORDINAL');
  if (own.length === 1 && own[0]?.entity === 'ORDINAL' && rank >= 0) {
    return `${before.text.slice(0, frame[rank]?.start)}${words}${before.text.slice(frame[rank]?.end, frameEnd)}?`;
  }
  // `And Denmark?` after `Who else imposed restrictions?`, which names no one after its question phrase: the name stands
  // where the answer would, and the question asks whether it did so (`Did Denmark impose restrictions?`).
  const name = own.some((t) => t.pos === 'PROPN') && !isPossessive(own[own.length - 1]) && own[0]?.pos !== 'ADP';
  if (name && asksSubject(before) && !frame.slice(wh[1]).some((t) => t.pos === 'PROPN')) {
    const verb = frame[wh[1]];
    const after = before.text.slice(frame[wh[1] + 1]?.start ?? frameEnd, frameEnd);
    if (verb?.pos === 'VERB' && verb.term) return `${capitalize(doSupport(verb))} ${words} ${verb.term}${after ? ` ${after}` : ''}?`;
    if (verb?.pos === 'AUX' && after) return `${capitalize(verb.text.toLowerCase())} ${words} ${after}?`;
  }
  const phrases = nounPhrases(frame, wh[1]);
  // `of septicemic plague`: the previous phrase after the same preposition.
  const preposition = own[0]?.pos === 'ADP' ? own[0].text.toLowerCase() : undefined;
  // Added at the end of the frame, in its own case: `In cash or shares?` -> `How much is X paying in cash or shares?`.
  const added = `${before.text.slice(0, frameEnd)} ${own[0]?.pos === 'PROPN' ? words : words.charAt(0).toLowerCase() + words.slice(1)}?`;
  let target: [number, number] | undefined;
  if (preposition) {
    const after = phrases.filter(([from]) => frame[from - 1]?.text.toLowerCase() === preposition);
    const last = after[after.length - 1];
    // A phrase of a preposition the frame does not use adds to it rather than replacing one of its nouns.
    if (!last) return added;
    target = [last[0] - 1, last[1]];
  }
  if (!target) {
    const named = own.some((t) => t.pos === 'PROPN');
    target = (named ? phrases.find(([from, to]) => frame.slice(from, to).some((t) => t.pos === 'PROPN')) : undefined) ?? phrases[phrases.length - 1];
  }
  if (!target) return added;
  // `And Coral's?` after `What happened to Andes Salar's shares?`: another owner of the same thing.
  const last = own[own.length - 1];
  let owner = isPossessive(last) ? frame.slice(target[0], target[1]).findIndex(isPossessive) : -1;
  if (owner >= 0) target = [target[0], target[0] + owner + 1];
  // `And Atlantica's?` after `What happened to its shares?`: the owner is the possessive pronoun before the phrase.
  else if (isPossessive(last) && POSSESSIVES.has(frame[target[0] - 1]?.text.toLowerCase() ?? '')) {
    target = [target[0] - 1, target[0]];
    owner = 0;
  }
  // With no owner in the frame (`And Canada's?` after `When did Beijing agree?`), the name stands for the one it replaces.
  const put = isPossessive(last) && owner < 0 ? question.slice(own[0]?.start, own[own.length - 2]?.end) : words;
  const [from, to] = target;
  return `${before.text.slice(0, frame[from]?.start)}${put}${before.text.slice(frame[to - 1]?.end, frameEnd)}?`;
}

/**
 * `How many of them?` after `Why were people told to leave?`, its pronoun read
 * as the frame's subject: how many of that subject (`How many people were told
 * to leave?`). `lead` is the frame after its question phrase, `rest` its tokens;
 * `undefined` when the pronoun was read as no subject of the frame (*How much
 * of it?* after *Who will pay for the extension?*).
 */
function countOfSubject(question: string, own: readonly Token[], lead: string, rest: readonly Token[]): string | undefined {
  if (own[2]?.text.toLowerCase() !== 'of' || !/^(many|much)$/i.test(own[1]?.text ?? '')) return undefined;
  const whole = question.slice(own[3]?.start, own[own.length - 1]?.end);
  const phrase = whole.split(/\s+/);
  const words = lead.split(/\s+/);
  const at = words.findIndex((_, i) => phrase.every((word, j) => words[i + j] === word));
  const verb = words.indexOf(rest.find((t) => t.pos === 'VERB')?.text ?? '');
  if (whole === '' || at < 0 || at >= verb) return undefined;
  return `${capitalize(question.slice(own[0]?.start, own[1]?.end))} ${whole} ${[...words.slice(0, at), ...words.slice(at + phrase.length)].join(' ')}?`;
}

/**
 * Who or what did it in a question that asked for its subject, to put in that
 * place: the counted noun of `How many patients took part?` (its count is no
 * name), `it` for what happened, else the short answer, else the question's
 * own noun (`the road` of *Which road was closed?*), else `they` for whoever
 * it was. What was asked may own the subject: `Fjell-1's launch`, `the
 * rocket's launch` of *Which rocket's launch was postponed?*.
 */
function subjectOf(before: Question, wh: [number, number], previous: Turn, counted: [number, number] | undefined): string {
  if (counted) return before.text.slice(...counted);
  // `What happened to its shares?`: what happened is no one to name (`When did it happen to its shares?`).
  if (before.tokens.slice(wh[1]).some((t) => t.pos === 'VERB' && EVENT_VERBS.has(t.term))) return 'it';
  const { owned } = ownedBy(before, wh);
  if (isReferent(previous)) return `${answerWithNoun(previous, before, wh)}${owned}`;
  const noun = askedNoun(before, wh);
  return noun ? `the ${noun}${owned}` : 'they';
}

/** The noun a *which* or *what* question asks for: `road` of *Which road was closed?*; none for *who*, *what happened*. */
function askedNoun(before: Question, wh: [number, number]): string | undefined {
  const { owner } = ownedBy(before, wh);
  const nouns = owner.filter((t) => PHRASE.has(t.pos));
  const word = owner.find((t) => isQuestionWord(t.text));
  const which = /^(which|what)$/i.test(word?.text ?? '') && nouns.length > 0 && NOUNS.has(nouns[nouns.length - 1]?.pos ?? '');
  return which ? before.text.slice(nouns[0]?.start, nouns[nouns.length - 1]?.end) : undefined;
}

/**
 * A turn's short answer with the noun its question asked for, where the quote
 * says them side by side: `Green party` of *The opposition Green party ...*
 * for *Which party ...?* answered `Green`, `River Leam` for *Which river ...?*
 * answered `Leam`. The span model leaves the question's own words out of the
 * answer; what stands for the answer in the next question says more with them.
 */
function answerWithNoun(turn: Turn, before: Question, wh: [number, number]): string {
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
 * A short answer with the `the` the quote says before it (`the bank's
 * rate-setting committee`, `the increase`): the span model leaves it out, and
 * without it the tagger may read the answer's first noun as a verb (`did bank's
 * committee want`).
 */
function withArticle(answer: string, quote: string | undefined): string {
  if (!quote || /^the\s/i.test(answer)) return answer;
  const text = quote.toLowerCase();
  const wanted = `the ${answer.toLowerCase()}`;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const before = text[at - 1];
    const after = text[at + wanted.length];
    if ((before === undefined || /\s/.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return `the ${answer}`;
  }
  return answer;
}

/** The question phrase split at a possessive: `Which rocket` and `'s launch` of `Which rocket's launch`; `''` owned without one. */
function ownedBy(before: Question, [from, to]: [number, number]): { owner: Token[]; owned: string } {
  const phrase = before.tokens.slice(from, to);
  const at = phrase.findIndex(isPossessive);
  if (at < 0) return { owner: phrase, owned: '' };
  return { owner: phrase.slice(0, at), owned: before.text.slice(phrase[at]?.start, phrase[phrase.length - 1]?.end) };
}

/** Whether a token is the possessive `'s` (or `'` after a plural). */
function isPossessive(token: Token | undefined): boolean {
  return token?.pos === 'PART' && /^['’]s?$/i.test(token.text);
}

/** `did` for a verb in the past (`established`), `does` for a third person present (`leads`), else `do`. */
function doSupport(verb: Token): string {
  const word = verb.text.toLowerCase();
  if (word === verb.term) return 'do';
  return word.endsWith('s') && !verb.term.endsWith('s') ? 'does' : 'did';
}

/**
 * The object a frame's verb loses when its question word was that object and
 * the new one is not (*Why?* after *What did the committee want?*): the
 * previous answer (*Why did the committee want the increase?*); *that* for
 * what was said (*Where did Brandt say that?*); *it* for an answer that names
 * nothing (a measure, what was done, none).
 */
function objectAgain(own: readonly Token[], before: Question, wh: [number, number], previous: Turn): string {
  const words = before.tokens.filter((t) => t.pos !== 'PUNCT');
  // A verb ends the question, so its object was the question word; not a capitalized word the tagger calls a verb
  // (`tell the Westport Herald`), which is a name's.
  const verb = words[words.length - 1];
  if (!/^\p{Ll}/u.test(verb?.text ?? '')) return '';
  // What was done (`What did they do?`, whose `do` the tagger may read as an auxiliary) is `it`.
  const done = verb?.text.toLowerCase() === 'do' && words.length > 3;
  if (!asksWithoutObject(own) || (verb?.pos !== 'VERB' && !done) || (!done && answerRoleOf(before, wh) !== 'object')) return '';
  if (SPEECH_VERBS.has(verb.text.toLowerCase()) || SPEECH_VERBS.has(verb.term)) return ' that';
  const named = !done && isReferent(previous) && !isMeasure(previous.answer);
  return ` ${named ? answerWithNoun(previous, before, wh) : 'it'}`;
}

/**
 * Whether an elliptical question asks with no object for a preposition: its
 * question word is an adverb (*Where?*, *How long?*, not *How much?*) or comes
 * with its own preposition (*Since when?*, *On which channel?*).
 */
function asksWithoutObject(own: readonly Token[]): boolean {
  const word = own[0]?.text.toLowerCase() ?? '';
  if (own[0]?.pos === 'ADP' || prepositionOpens(own, 0)) return true;
  return word === 'where' || word === 'when' || word === 'why' || (word === 'how' && !/^(much|many)$/i.test(own[1]?.text ?? ''));
}

/** The do-support of *have to*, by the form of *have*: *had to leave* -> *did people have to leave*. */
const HAVE_TO: Readonly<Record<string, string>> = { had: 'did', has: 'does', have: 'do' };

/** Prepositions that a question word leaves at the end (*what for*, *who to*); not the particles of phrasal verbs (*walk out*, *give up*). */
const STRANDED = new Set(['for', 'to', 'of', 'with', 'about', 'from', 'at', 'by', 'into', 'against', 'like']);

/**
 * Where a question that does not ask for its subject ends without the
 * preposition its question word left at the end (*What was the contract
 * for?*): `Where?` then asks *Where was the contract?*, not *Where was the
 * contract for?*.
 */
function endBeforeStranded(tokens: readonly Token[]): number {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const last = words[words.length - 1];
  const stranded = last?.pos === 'ADP' && STRANDED.has(last.text.toLowerCase()) && words.length > 2;
  return stranded ? (words[words.length - 2]?.end ?? 0) : lastWord(tokens);
}

/** The offset after the question's last word (before its closing punctuation, but after a closing bracket: `that (...)`). */
function lastWord(tokens: readonly Token[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]?.pos !== 'PUNCT' || tokens[i]?.text === ')') return tokens[i]?.end ?? 0;
  return 0;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A person's name as the article goes on to call them: the surname (`Charles
 * W. Eliot` -> `Eliot`, `René Goulaine de Laudonnière` -> `Laudonnière`). The
 * sentences that say more about someone rarely repeat their full name, and
 * every extra name word would pull the search towards the one that does.
 */
function surname(name: string): string {
  const words = name.trim().split(/\s+/);
  const isName = words.length >= 2 && words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && i < words.length - 1 && /^\p{Ll}{1,3}$/u.test(w)));
  return isName ? (words[words.length - 1] as string) : name;
}

/** Nouns that are plural as they stand, whose lemma is themselves. */
const PLURAL_NOUNS = new Set(['people', 'police', 'cattle']);

/** A common noun whose surface form is not its lemma (`companies`, `breaches`, the irregular `children`, `men`), or one plural as it stands (`people`). */
function isPlural(token: Token): boolean {
  return token.pos === 'NOUN' && (token.word !== token.term || PLURAL_NOUNS.has(token.term));
}
