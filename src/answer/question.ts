import { LRUCache } from 'lru-cache';
import { analyzePhrase, QUESTION_WORDS } from '../chunk/analyze.js';
import type { Token } from '../chunk/token.js';
import { SPEECH_VERBS, type Shape } from './spans.js';

/** What a question's answer must contain, from its question word. */
export type AnswerKind =
  | 'person' // who, whom, whose
  | 'place' // where
  | 'date' // when, what year, which century
  | 'number' // how many, what percentage
  | 'amount' // how much
  | 'duration' // how long
  | 'reason' // why
  | 'manner' // how
  | 'entity' // which X, what X: a named thing preferred
  | 'definition' // who is X, what is X
  | 'thing' // what ...: a noun phrase
  | 'statement' // what did X say / tell: what was said
  | 'confirmation'; // does X cover Y, is X ...: yes or no, which only the quoted sentence can say

/** Every answer kind, in a fixed order (the order of the model's features for them). */
export const ANSWER_KINDS: readonly AnswerKind[] = [
  'person', 'place', 'date', 'number', 'amount', 'duration', 'reason', 'manner', 'entity', 'definition', 'thing', 'statement', 'confirmation',
];

/** Kinds whose answer must have a shape of its own (a date, a number, an amount): a sentence without one cannot answer. */
export function isStrict(kind: AnswerKind): boolean {
  return kind === 'date' || kind === 'number' || kind === 'amount' || kind === 'duration';
}

/**
 * The shapes of span that can say what a strict kind asks for (a year the
 * tagger took for a number, a sum of money counted), for saying why a question
 * is declined: not a weight, the span model weighs the spans.
 */
export const SAID_BY: Readonly<Partial<Record<AnswerKind, readonly Shape[]>>> = {
  date: ['date', 'number'],
  number: ['number', 'amount'],
  amount: ['amount', 'number'],
  duration: ['duration', 'number', 'date'],
};

/** A question after analysis: its content tokens and the kind of answer it wants. */
export interface Question {
  text: string;
  tokens: Token[];
  /** Tokens with a search term: what must be found in the article. */
  content: Token[];
  kind: AnswerKind;
  /** The noun after `what`/`which` (`year`, `newspaper`), lemmatized, when there is one. */
  focus?: string;
  /** The X of a `what is the X of Y` question (`capital` in *What is the capital of Canada?*): the article must say it. */
  relation?: string;
  /** Whether the question word stands for the subject (`who bought X`) or the object (`what does X cover`) of its verb. */
  role?: 'subject' | 'object';
  /**
   * Set for a question for a name (`What is the name of the ferry?`, `What was
   * the naval base called?`), whose short answer is picked as a name. `framing`:
   * the terms that only put the question so (`name`, `call`, `know`), which count
   * where the article uses them and are not missed where it does not; `named`:
   * the terms of the thing named (`naval`, `base`), which the article must use.
   */
  name?: NameQuestion;
}

/** See `Question.name`. */
export interface NameQuestion {
  framing: string[];
  named: string[];
}

const DATE_NOUNS = new Set(['year', 'date', 'century', 'decade', 'month', 'day', 'time', 'era', 'period', 'age', 'season', 'week']);
const NUMBER_NOUNS = new Set(['number', 'percentage', 'percent', 'proportion', 'amount', 'population', 'size', 'rate', 'cost', 'price', 'sum', 'total', 'score', 'temperature', 'height', 'length', 'distance', 'share']);
const PERSON_NOUNS = new Set(['person', 'people', 'man', 'woman', 'king', 'queen', 'leader', 'ruler', 'president', 'official', 'author', 'founder', 'owner', 'ceo', 'chairman', 'emperor', 'duke', 'pope', 'minister', 'general', 'politician', 'player', 'member', 'son', 'daughter', 'father', 'mother', 'wife', 'husband', 'name']);
const PLACE_NOUNS = new Set(['country', 'city', 'place', 'region', 'area', 'town', 'state', 'province', 'location', 'continent', 'island', 'nation', 'territory', 'village', 'county', 'capital']);
const HOW_NUMBER = new Set(['many', 'old', 'far', 'big', 'large', 'tall', 'high', 'often', 'fast', 'heavy', 'deep', 'wide']);
const COPULA = new Set(['is', 'was', 'are', 'were', "'s"]);
/** The first words of a yes-or-no question. */
const YES_NO_OPENERS = new Set([
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'shall', 'has', 'have', 'had', 'may', 'might', 'must',
  "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "won't", "hasn't", "haven't",
]);
const QUESTION_WORD = /^(who|whom|whose|what|which)$/i;

/**
 * Questions read lately. A follow-up reads its words and the previous turn's
 * reading again, then asks both: without this, one follow-up ran wink-nlp on
 * the same texts up to five times. Few, because only the last turns come back.
 */
const recent = new LRUCache<string, Question>({ max: 16 });

/** Analyzes a question: its tokens, what to look up, and what kind of answer it wants. The result is shared: never change it. */
export function parseQuestion(text: string): Question {
  let question = recent.get(text);
  if (!question) recent.set(text, (question = analyzed(text)));
  return question;
}

function analyzed(text: string): Question {
  const tokens = analyzePhrase(text);
  const name = nameQuestion(tokens);
  const content = tokens.filter((token) => token.term);
  const { kind, focus } = answerKind(tokens);
  const role = questionRole(tokens);
  const asked = name ? undefined : relation(tokens);
  return {
    text, tokens, content, kind,
    ...(focus === undefined ? {} : { focus }),
    ...(asked === undefined ? {} : { relation: asked }),
    ...(role === undefined ? {} : { role }),
    ...(name ? { name } : {}),
  };
}

/**
 * The question with the *get* of a passive (*who got fined*, *when did it
 * get built*) as no word to look up: there it is an auxiliary, as *was* is,
 * and an article that says *was fined* never says *got*. Chat English: `ask`
 * reads questions so, while the models were fitted on SQuAD's written ones,
 * where *get* is nearly always a verb of its own.
 */
export function withoutPassiveGet(question: Question): Question {
  const { tokens } = question;
  return withoutWordsAt(question, (i) => {
    if (tokens[i]?.term !== 'get') return false;
    let next = i + 1;
    while (tokens[next]?.pos === 'ADV') next++;
    const participle = tokens[next];
    return participle?.pos === 'VERB' && /(?:ed|en|wn|t)$/i.test(participle.text) && participle.text.toLowerCase() !== participle.term;
  });
}

/**
 * The question with the *going* of a future (*who is going to name them*, *what
 * is going to happen*) as no word to look up: there it is an auxiliary, as
 * *will* is, and an article that says *will name* never says *going*. Not the
 * *going* of a move (*going to school*, whose *to* is a preposition). As
 * `withoutPassiveGet`, only as `ask` reads questions.
 */
export function withoutGoingTo(question: Question): Question {
  const { tokens } = question;
  return withoutWordsAt(question, (i) => tokens[i]?.text.toLowerCase() === 'going' && tokens[i + 1]?.text.toLowerCase() === 'to' && tokens[i + 1]?.pos === 'PART' && tokens[i + 2]?.pos === 'VERB');
}

/** The question with the tokens `picked` says are auxiliaries as no words to look up; the question itself when none is. */
function withoutWordsAt(question: Question, picked: (i: number) => boolean): Question {
  const { tokens } = question;
  if (!tokens.some((_token, i) => picked(i))) return question;
  const read = tokens.map((token, i) => (picked(i) ? { ...token, term: '', word: '', stem: '' } : token));
  return { ...question, tokens: read, content: read.filter((token) => token.term) };
}

/**
 * The question with its verb found where wink-nlp tagged it otherwise: a past
 * participle taken for an adjective right after `who` or `what` (*Who edited
 * it?*), a verb taken for a noun right after `who` (*Who coaches her?*), or
 * the verb after *did* or a modal taken for a noun of the subject
 * (*What did China promise?*, *What will the new line charge?*, read as *China
 * promise* and *new line charge*). Read without its verb, a follow-up looks
 * elliptical or gives a phrase that is no referent. And the subject between
 * an auxiliary and the verb, taken for a verb (*Why were people told to
 * leave?*). The question itself when none. (The ranking features keep
 * wink-nlp's tags, which the models were fitted on.)
 */
export function withVerbFound(question: Question): Question {
  const { tokens } = question;
  const swapped = swappedAfterDo(tokens);
  const at = participleAsAdjective(tokens) ?? nounAfterWho(tokens) ?? verbAsNoun(tokens) ?? progressiveAsNoun(tokens) ?? swapped?.[1];
  // `the union call`: the subject the verb was taken with, an adjective after a determiner, is a noun.
  const adjective = at !== undefined && tokens[at - 1]?.pos === 'ADJ' && tokens[at - 2]?.pos === 'DET' ? at - 1 : undefined;
  const subject = subjectAsVerb(tokens) ?? swapped?.[0] ?? adjective;
  if (at === undefined && subject === undefined) return question;
  const repaired = tokens.map((token, i) => (i === at ? { ...token, pos: 'VERB' as const } : i === subject ? { ...token, pos: 'NOUN' as const } : token));
  const role = questionRole(repaired);
  const { role: _tagged, ...rest } = question;
  return { ...rest, tokens: repaired, ...(role === undefined ? {} : { role }) };
}

/**
 * A word tagged a verb between an auxiliary and another verb (*were | people |
 * told*): in a question the auxiliary comes before its subject, so it is the
 * subject, a noun. Not a participle or gerund (*was | being | built*, tagged an
 * auxiliary anyway), which keeps its verb.
 */
function subjectAsVerb(tokens: readonly Token[]): number | undefined {
  const at = tokens.findIndex((token, i) => token.pos === 'VERB' && token.text.toLowerCase() === token.term && tokens[i - 1]?.pos === 'AUX' && tokens[i + 1]?.pos === 'VERB');
  return at === -1 ? undefined : at;
}

/** The auxiliaries a bare verb follows: do-support and the modals. */
const MODALS = 'will|would|can|could|shall|should|may|might|must';
const MODAL = new RegExp(`^(${MODALS})$`, 'i');
const DO_OR_MODAL = new RegExp(`^(do|does|did|${MODALS})$`, 'i');

function participleAsAdjective(tokens: readonly Token[]): number | undefined {
  const at = tokens.findIndex((token, i) => token.pos === 'ADJ' && /ed$/i.test(token.text) && /^(who|what)$/i.test(tokens[i - 1]?.text ?? ''));
  return at === -1 ? undefined : at;
}

/**
 * A word tagged a noun right after *who*, when no verb follows (*Who coaches her?*, *Who trains Chepkoech?*): *who*
 * takes no noun, as *which* and *whose* do (*which coach*), so it is the verb.
 */
function nounAfterWho(tokens: readonly Token[]): number | undefined {
  const at = tokens.findIndex((token, i) => token.pos === 'NOUN' && /^who$/i.test(tokens[i - 1]?.text ?? ''));
  return at === -1 || tokens.slice(at + 1).some((token) => token.pos === 'VERB' || token.pos === 'AUX') ? undefined : at;
}

/**
 * After *do*, *did* or a modal (*will*, *can*): the last noun of the phrase that follows, when a noun stands before it
 * and no *be*, *have* or *do* after it is the verb (*Who will the new director be?*, *What will the finance minister
 * do?*); a modal after it opens the clause it governs (*What did analysts say would be ...?*). Only when no verb
 * follows, or the one that does is governed by *to* (*Where does Kvikly plan to list its shares?*): the verb
 * do-support asks for comes first.
 */
function verbAsNoun(tokens: readonly Token[]): number | undefined {
  const aux = tokens.findIndex((token) => token.pos === 'AUX' && DO_OR_MODAL.test(token.text));
  if (aux === -1) return undefined;
  // The subject's phrase: a determiner opens it, and the next one opens the object (`the council delay | the vote`).
  let end = tokens[aux + 1]?.pos === 'DET' ? aux + 2 : aux + 1;
  // A reflexive pronoun stays with the subject (`Does coffee itself lower ...?`).
  while (['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(tokens[end]?.pos ?? '') || (end > aux + 1 && REFLEXIVE.test(tokens[end]?.text ?? ''))) end++;
  const last = end - 1;
  const after = tokens[end];
  const governed = after?.pos === 'PART' && after.text.toLowerCase() === 'to' && tokens[end + 1]?.pos === 'VERB';
  if (!governed && tokens.some((token) => token.pos === 'VERB')) return undefined;
  if (after?.pos === 'AUX' && !MODAL.test(after.text)) return undefined;
  // A determiner and an adjective alone are a noun phrase too (`the rich`, and `the union`, which the tagger calls an adjective).
  const before = tokens.slice(aux + 1, last);
  const subject = before.some((token) => token.pos === 'NOUN' || token.pos === 'PROPN') || (before.length === 2 && before[0]?.pos === 'DET' && before[1]?.pos === 'ADJ');
  // An adjective before a determiner is a verb too: no noun phrase goes on past it (`Does coffee | lower | the risk?`).
  const verb = tokens[last]?.pos === 'NOUN' || (tokens[last]?.pos === 'ADJ' && after?.pos === 'DET');
  return last > aux + 1 && verb && subject ? last : undefined;
}

const REFLEXIVE = /^(itself|themselves|himself|herself)$/i;

/**
 * A progressive verb taken for a noun of its subject (*When is the new plant | opening?*, *Why is Berg & Dahl |
 * closing | the yard?*): a word in *-ing* after a noun, that ends the question or comes before a determiner, with a
 * form of *be* before them and no other verb. A noun in *-ing* right after a determiner or an adjective (*the
 * building*, *its biggest offering*) stays.
 */
function progressiveAsNoun(tokens: readonly Token[]): number | undefined {
  if (tokens.some((t) => t.pos === 'VERB')) return undefined;
  const at = tokens.findIndex((word, i) => {
    if (word.pos !== 'NOUN' || !/ing$/i.test(word.text) || !NOUNS.has(tokens[i - 1]?.pos ?? '')) return false;
    const next = tokens[i + 1];
    return (next === undefined || next.pos === 'PUNCT' || next.pos === 'DET') && tokens.slice(0, i).some((t) => t.pos === 'AUX' && COPULA.has(t.text.toLowerCase()));
  });
  return at === -1 ? undefined : at;
}

/** The parts of speech of a noun: a common noun or a name. */
export const NOUNS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/**
 * A subject and its verb tagged the other way round after *do* or a modal (*What did | stocks | return?*, read as
 * the verb *stocks* and the noun *return*): a plural noun's *-s* looks like a verb's. `[subject, verb]` when the
 * question ends so.
 */
function swappedAfterDo(tokens: readonly Token[]): [number, number] | undefined {
  const aux = tokens.findIndex((token) => token.pos === 'AUX' && DO_OR_MODAL.test(token.text));
  const [subject, verb, end] = [tokens[aux + 1], tokens[aux + 2], tokens[aux + 3]];
  if (aux === -1 || subject?.pos !== 'VERB' || !/s$/i.test(subject.text) || verb?.pos !== 'NOUN') return undefined;
  return end === undefined || end.pos === 'PUNCT' ? [aux + 1, aux + 2] : undefined;
}

/** The noun a `what is the X of Y` question asks for: however often the article names Y, it must use X to say what it is. */
function relation(tokens: readonly Token[]): string | undefined {
  const [asker, copula, article, noun, of] = tokens;
  if (!asker || !/^(what|who|which)$/i.test(asker.text) || !COPULA.has(copula?.text.toLowerCase() ?? '')) return undefined;
  if (article?.pos !== 'DET' || noun?.pos !== 'NOUN' || of?.text.toLowerCase() !== 'of') return undefined;
  return noun.term || undefined;
}

/** `who bought`, `which paper broke`: a verb right after the question word (and its noun) asks for the subject; `what does ... cover`, the object. */
function questionRole(tokens: readonly Token[]): 'subject' | 'object' | undefined {
  let i = tokens.findIndex((token) => QUESTION_WORD.test(token.text));
  if (i === -1) return undefined;
  i++;
  while (tokens[i] && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[i]?.pos ?? '')) i++;
  const next = tokens[i];
  if (next?.pos === 'VERB') return 'subject';
  if (next?.pos === 'AUX' && !COPULA.has(next.text.toLowerCase())) return 'object';
  return undefined;
}

/** Whether a word is a question word (*who*, *which*, *how*), in any case. */
export function isQuestionWord(text: string): boolean {
  return QUESTION_WORDS.has(text.toLowerCase());
}

function answerKind(tokens: readonly Token[]): { kind: AnswerKind; focus?: string } {
  const words = tokens.map((token) => token.text.toLowerCase());
  const at = words.findIndex((word) => QUESTION_WORDS.has(word));
  if (at === -1) return { kind: YES_NO_OPENERS.has(words[0] ?? '') ? 'confirmation' : 'thing' };
  const word = words[at] as string;
  const next = words[at + 1] ?? '';
  switch (word) {
    case 'who':
    case 'whom':
    case 'whose':
      return isDefinition(tokens, at) ? { kind: 'definition' } : { kind: 'person' };
    case 'when':
      return { kind: 'date' };
    case 'where':
      return { kind: 'place' };
    case 'why':
      return { kind: 'reason' };
    case 'how':
      if (next === 'much') return { kind: 'amount' };
      if (next === 'long') return { kind: 'duration' };
      if (HOW_NUMBER.has(next)) return { kind: 'number' };
      return { kind: 'manner' };
    default: {
      const focus = focusNoun(tokens, at + 1);
      if (focus === undefined && asksWhatWasSaid(tokens, at)) return { kind: 'statement' };
      if (focus === undefined) return isDefinition(tokens, at) ? { kind: 'definition' } : { kind: 'thing' };
      if (DATE_NOUNS.has(focus)) return { kind: 'date', focus };
      if (NUMBER_NOUNS.has(focus)) return { kind: 'number', focus };
      if (PERSON_NOUNS.has(focus)) return { kind: 'person', focus };
      if (PLACE_NOUNS.has(focus)) return { kind: 'place', focus };
      return { kind: 'entity', focus };
    }
  }
}

/**
 * `What is the name of the ferry ...?`, `What was the naval base called?`,
 * `... known as?`: a question for a name, whatever the thing named is. Returns
 * the terms of the words that put it so (`name`, `call`, `know`) and of the
 * thing named (`ferry`, `naval base`), or `undefined` for another question.
 */
function nameQuestion(tokens: readonly Token[]): NameQuestion | undefined {
  const at = tokens.findIndex((token) => /^(what|which)$/i.test(token.text));
  if (at === -1) return undefined;
  const lower = (i: number): string => tokens[i]?.text.toLowerCase() ?? '';
  // The words of a noun phrase from `from` on: `holding company`, `naval base`.
  const phrase = (from: number): string[] => {
    const out: string[] = [];
    for (let i = from; NAMED_POS.has(tokens[i]?.pos ?? 'X'); i++) if (tokens[i]?.term) out.push(tokens[i]?.term as string);
    return out;
  };
  if (COPULA.has(lower(at + 1)) && lower(at + 2) === 'the' && lower(at + 3) === 'name' && lower(at + 4) === 'of') {
    const from = lower(at + 5) === 'the' || lower(at + 5) === 'a' ? at + 6 : at + 5;
    return { framing: [tokens[at + 3]?.term ?? 'name'], named: phrase(from) };
  }
  let last = tokens.length - 1;
  while (last > 0 && tokens[last]?.pos === 'PUNCT') last--;
  const framed = /^(called|named)$/i.test(lower(last)) ? last : lower(last) === 'as' && lower(last - 1) === 'known' ? last - 1 : -1;
  if (framed === -1) return undefined;
  const from = COPULA.has(lower(at + 1)) && (lower(at + 2) === 'the' || lower(at + 2) === 'a') ? at + 3 : -1;
  return { framing: [tokens[framed]?.term ?? ''], named: from === -1 ? [] : phrase(from) };
}

const NAMED_POS = new Set(['NOUN', 'ADJ', 'PROPN']);

/**
 * `What did Andrew Scheer say?`, `What does China say about the accusations?`,
 * `What did the official tell the paper?`: `what`, then do-support, then a
 * speech verb that is the question's last verb (in *What did Microsoft announce
 * it would rename SkyDrive to?* what was said is not what is asked).
 */
function asksWhatWasSaid(tokens: readonly Token[], at: number): boolean {
  if (tokens[at]?.text.toLowerCase() !== 'what' || !DO_SUPPORT.has(tokens[at + 1]?.text.toLowerCase() ?? '')) return false;
  const verbs = tokens.slice(at + 2).filter((token) => token.pos === 'VERB');
  return verbs.length === 1 && SPEECH_VERBS.has(verbs[0]?.text.toLowerCase() ?? '');
}

const DO_SUPPORT = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should', 'might', 'may', 'must']);

/** Nouns that only say that something is of a kind: *what kind of firm* asks for a firm. */
const KIND_NOUNS = new Set(['kind', 'kinds', 'type', 'types', 'sort', 'sorts']);

/**
 * The `kind` of `what kind of firm`, `which other types of`: a kind noun and
 * `of` right after the question word and its adjectives; `undefined` when the
 * question has none. An article seldom says *kind* where it answers one.
 */
export function kindNoun(tokens: readonly Token[]): Token | undefined {
  const at = tokens.findIndex((token) => /^(what|which)$/i.test(token.text));
  if (at === -1) return undefined;
  let i = at + 1;
  while (tokens[i]?.pos === 'ADJ') i++;
  return startsKindOf(tokens, i) ? tokens[i] : undefined;
}

/** Whether token `i` is a kind noun followed by `of` (*kind of*, *types of*). */
function startsKindOf(tokens: readonly Token[], i: number): boolean {
  return KIND_NOUNS.has(tokens[i]?.text.toLowerCase() ?? '') && tokens[i + 1]?.text.toLowerCase() === 'of';
}

/** The noun right after `what`/`which` (skipping adjectives): `what trade goal` -> `goal`. */
function focusNoun(tokens: readonly Token[], from: number): string | undefined {
  let focus: string | undefined;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.pos === 'ADJ' || token.pos === 'NUM') continue;
    // `what kind of firm` asks for a firm: the kind noun only says so.
    if (focus === undefined && startsKindOf(tokens, i)) {
      i++;
      continue;
    }
    if (token.pos === 'NOUN' || (token.pos === 'PROPN' && focus !== undefined)) {
      focus = token.term || token.text.toLowerCase();
      continue;
    }
    break;
  }
  return focus;
}

/** `Who is Andrew Scheer?`, `What was the Domesday Book?`: a copula then only the thing asked about. */
function isDefinition(tokens: readonly Token[], at: number): boolean {
  const verb = tokens[at + 1];
  if (!verb || !COPULA.has(verb.text.toLowerCase())) return false;
  const rest = tokens.slice(at + 2).filter((token) => token.pos !== 'PUNCT');
  return rest.length > 0 && rest.every((token) => token.pos !== 'VERB' && token.pos !== 'ADP');
}
