import type { Token } from '../../chunk/token.js';
import type { Turn } from '../../types.js';
import { isEnglishWord, isGroupNoun, isPersonNoun, relatedWords } from '../../wordnet/related.js';
import { type Question, isQuestionWord } from '../question.js';
import { SPEECH_VERBS } from '../spans.js';
import { participleOpens } from './leaning.js';
import { BE, EVENT_VERBS, NEGATIONS, NOUNS, PHRASE, POSSESSIVES, askedNoun, asksSubject, capitalize, countedNouns, countedSubject, isPlural, isPossessive, lastWord, leadIn, nounPhrases, ownedBy, prepositionOpens, questionPhrase, writtenAsName } from './parts.js';
import { answerRoleOf, answerWithNoun, eventOf, isMeasure, isReferent } from './referents.js';

/** An elliptical question read in the previous question's frame (*On which channel?*, *Why not?*, *And Hytera's?*). */

/**
 * An elliptical question in the previous question's frame. With a question
 * word, it replaces the previous one (*On which channel?* after *When did
 * Scheer say it?* -> *On which channel did Scheer say it?*); without, its words
 * replace the previous question's matching phrase (*And of septicemic plague?*
 * after *What is the mortality rate of pneumonic plague?*), or are added to it.
 */
export function withFrameOf(question: string, tokens: readonly Token[], before: Question, previous: Turn): string {
  const start = leadIn(tokens);
  const own = tokens.slice(start).filter((t) => t.pos !== 'PUNCT');
  if (own.length === 0) return question;
  // Up to the closing mark, keeping a bracket a pronoun's reading put in (`there (Calgary)`).
  let closing = tokens.length - 1;
  while (closing > start && /^[?!.,;:]+$/.test(tokens[closing]?.text ?? '')) closing--;
  const words = question.slice(own[0]?.start, Math.max(own[own.length - 1]?.end ?? 0, tokens[closing]?.end ?? 0));
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
    // The first verb or auxiliary after the subject: `Why can the ice not be reached?`, not `... be not reached?`.
    const subjectAt = frame.findIndex((t, i) => i >= restAt && (NOUNS.has(t.pos) || t.pos === 'PRON'));
    const verbAt = subjectAt < 0 ? -1 : frame.findIndex((t, i) => i > subjectAt && (t.pos === 'VERB' || t.pos === 'AUX'));
    if (own.some((t) => NEGATIONS.has(t.text.toLowerCase())) && verbAt > restAt && !frame.some((t) => NEGATIONS.has(t.text.toLowerCase()))) {
      // What follows the negation goes at the end: `Why not before then?` -> `Why can visitors not see the cubs before then?`.
      const negation = own.findIndex((t) => NEGATIONS.has(t.text.toLowerCase()));
      const asking = (negation > 0 ? own.slice(0, negation) : own.filter((t) => isQuestionWord(t.text))).map((t) => t.text).join(' ');
      const more = negation > 0 && negation < own.length - 1 ? ` ${question.slice(own[negation + 1]?.start, lastWord(tokens))}` : '';
      const negated = `${lead.slice(0, (frame[verbAt]?.start ?? 0) - (frame[restAt]?.start ?? 0))}not ${before.text.slice(frame[verbAt]?.start, frameEnd)}`;
      return `${capitalize(asking)} ${negated}${more}?`;
    }
    // `In which year?` after `Who established the fort?`: the answer becomes the subject, with do-support
    // (`In which year did Ribault establish the fort?`), so the question word still opens the question; with no
    // short answer to name, `they` stands for whoever it was (`Why did they criticize the law?`).
    const first = own[0]?.text.toLowerCase() ?? '';
    const verb = frame[restAt];
    const counted = countedSubject(frame);
    // `And how many aircraft?` after `How many firefighters are fighting the blaze?`: another count in the subject's place.
    const countsAgain = counted !== undefined && first === 'how' && /^(many|much)$/i.test(own[1]?.text ?? '') && own.slice(2).some((t) => NOUNS.has(t.pos));
    const subject = asksSubject(before) || counted ? subjectOf(before, wh, previous, counted) : undefined;
    // `How many of them?` after `Who bought the shares?` answered `pension funds`, its pronoun read as that answer: how
    // many of the subject (`How many of pension funds bought the shares?`), not the subject twice.
    const partOfSubject = first === 'how' && own[2]?.text.toLowerCase() === 'of' && question.slice(own[3]?.start, own[own.length - 1]?.end) === subject;
    const asksSubjectAgain = first === 'who' || ((first === 'what' || first === 'which') && !PHRASE.has(own[1]?.pos ?? '')) || countsAgain || partOfSubject;
    const after = before.text.slice(frame[restAt + 1]?.start ?? verb?.end ?? frameEnd, frameEnd);
    if (subject && !asksSubjectAgain && verb?.pos === 'VERB' && verb.term) return `${capitalize(words)} ${doSupport(verb, !counted && asksOne(before, wh))} ${subject} ${verb.term}${after ? ` ${after}` : ''}?`;
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
  // `And end?` after `When did the practice start?`: a verb of opposite meaning (WordNet's) in the place of the frame's.
  const opposed = own.length === 1 ? opposedVerb(frame, wh[1], own[0] as Token) : undefined;
  if (opposed) return `${before.text.slice(0, opposed.start)}${words}${before.text.slice(opposed.end, frameEnd)}?`;
  // `And Denmark?` after `Who else imposed restrictions?`, which names no one after its question phrase: the name stands
  // where the answer would, and the question asks whether it did so (`Did Denmark impose restrictions?`).
  const name = own.some((t) => t.pos === 'PROPN') && !isPossessive(own[own.length - 1]) && own[0]?.pos !== 'ADP';
  if (name && asksSubject(before) && !frame.slice(wh[1]).some((t) => t.pos === 'PROPN')) {
    const verb = frame[wh[1]];
    const after = before.text.slice(frame[wh[1] + 1]?.start ?? frameEnd, frameEnd);
    if (verb?.pos === 'VERB' && verb.term) return `${capitalize(doSupport(verb, asksOne(before, wh)))} ${words} ${verb.term}${after ? ` ${after}` : ''}?`;
    if (verb?.pos === 'AUX' && after) return `${capitalize(verb.text.toLowerCase())} ${words} ${after}?`;
  }
  const time = anotherTime(own, words, before, wh[1], frameEnd);
  if (time) return time;
  const phrases = nounPhrases(frame, wh[1]);
  // `of septicemic plague`: the previous phrase after the same preposition.
  const preposition = own[0]?.pos === 'ADP' ? own[0].text.toLowerCase() : undefined;
  // Added at the end of the frame, in its own case: `In cash or shares?` -> `How much is X paying in cash or shares?`.
  const added = `${before.text.slice(0, frameEnd)} ${own[0]?.pos === 'PROPN' ? words : words.charAt(0).toLowerCase() + words.slice(1)}?`;
  // Alternatives (*Cash or shares?*) are answers offered to the frame, added to it, not put in place of its phrases;
  // names (*Hytera or Huawei?*) still take a name's place.
  if (own.some((t) => /^or$/i.test(t.text)) && own[0]?.pos !== 'ADP' && !own.some((t) => t.pos === 'PROPN')) return added;
  let target: [number, number] | undefined;
  if (preposition) {
    const after = phrases.filter(([from]) => frame[from - 1]?.text.toLowerCase() === preposition);
    const last = after[after.length - 1];
    // A phrase of a preposition the frame does not use adds to it rather than replacing one of its nouns.
    if (!last) return added;
    target = [last[0] - 1, last[1]];
  }
  if (!target) {
    // A name typed in lower case (`and nokia?`) is no English word.
    const named = own.some((t) => t.pos === 'PROPN' || (t.term !== '' && /^\p{Ll}/u.test(t.text) && !isEnglishWord(t.term)));
    const isName = ([from, to]: [number, number]): boolean =>
      frame.slice(from, to).some((t) => t.pos === 'PROPN' || (t.pos === 'NOUN' && writtenAsName(t.text, previous.quote?.text)));
    // `What about orders?` after `How many people work at Voss?`: a thing put in no name's place, but a topic of its own.
    // `And passengers?` after `How many cars can each ferry carry?`: other things counted, in the place of those counted;
    // where the frame's other phrases are names, only people for people (`And engineers?` after `How many people work
    // at Voss?`, but not `What about orders?`).
    const counted = countedNouns(frame, wh);
    const head = own[own.length - 1] as Token;
    const bare = own.every((t) => t.pos === 'NOUN' || t.pos === 'ADJ') && isPlural(head);
    const countsOther = counted !== undefined && bare && (!phrases.every(isName) || isPeople(head.term) === isPeople(frame[counted[1] - 1]?.term ?? ''));
    if (!named && !countsOther && !isPossessive(own[own.length - 1]) && phrases.length > 0 && phrases.every(isName)) return words;
    target = (named ? phrases.find(isName) : undefined) ?? (countsOther ? counted : phrases[phrases.length - 1]);
  }
  // `And the deal?` after `Who signed it?`, whose *it* was left as it was: the new phrase in the pronoun's place.
  if (!target) {
    let pronoun = frame.length - 1;
    while (pronoun >= wh[1] && !/^(it|them)$/i.test(frame[pronoun]?.text ?? '')) pronoun--;
    if (pronoun >= wh[1]) target = [pronoun, pronoun + 1];
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

/** The frame's verb, when `word` means its opposite (`end` of `start`, `fall` of `rise`). */
function opposedVerb(frame: readonly Token[], from: number, word: Token): Token | undefined {
  const verb = frame.find((t, i) => i >= from && t.pos === 'VERB' && t.term !== '');
  if (!verb || !word.term) return undefined;
  return relatedWords(verb.term, 'verb').opposites.some((r) => r.word === word.term) ? verb : undefined;
}

/** Whether a noun names people: persons (`engineer`) or a group of them (`people`, `staff`). */
function isPeople(lemma: string): boolean {
  return isPersonNoun(lemma) || isGroupNoun(lemma);
}

/** A time, as wink-nlp's dates are, and `time` itself (`last time`, `this time`), to which it gives no date. */
function isTime(token: Token | undefined): boolean {
  return token !== undefined && (token.entity === 'DATE' || (token.term === 'time' && token.pos === 'NOUN'));
}

/**
 * `And last year?`, `And in 2022?` after `How much did the bank earn in 2023?`: another time in place of the frame's
 * (with its preposition), or added to a frame that names none, never in place of a noun (`did last year earn`);
 * `undefined` when the elliptical question is no time.
 */
function anotherTime(own: readonly Token[], words: string, before: Question, from: number, frameEnd: number): string | undefined {
  const timed = own.some(isTime) && own.every((t, i) => isTime(t) || (i === 0 && t.pos === 'ADP') || ((t.pos === 'ADJ' || t.pos === 'DET') && isTime(own[i + 1])));
  if (!timed) return undefined;
  const frame = before.tokens;
  let start = frame.findIndex((t, i) => i >= from && t.entity === 'DATE');
  if (start < 0) return `${before.text.slice(0, frameEnd)} ${words}?`;
  let end = start;
  while (frame[end]?.entity === 'DATE') end++;
  if (frame[start - 1]?.pos === 'ADP') start--;
  return `${before.text.slice(0, frame[start]?.start)}${words}${before.text.slice(frame[end - 1]?.end, frameEnd)}?`;
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

/**
 * `did` for a verb in the past (`established`), `does` for a third person present (`leads`), else `do`; `did` too for
 * a verb that reads the same in both (`set`, `cut`, `put`) when its subject is one (`singular`): *Who set the record?*
 * is in the past, as the present would be *sets*.
 */
function doSupport(verb: Token, singular: boolean): string {
  const word = verb.text.toLowerCase();
  if (word === verb.term) return singular ? 'did' : 'do';
  return word.endsWith('s') && !verb.term.endsWith('s') ? 'does' : 'did';
}

/** Whether a question that asks for its subject asks for one (*who*, *which firm*), not several (*which banks*). */
function asksOne(before: Question, [from, to]: [number, number]): boolean {
  return !before.tokens.slice(from, to).some(isPlural);
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
  // `Since when?`, whose *since* the tagger reads as a conjunction, asks as `From when?` does.
  if (own[0]?.pos === 'ADP' || prepositionOpens(own, 0) || (own[0]?.pos === 'SCONJ' && isQuestionWord(own[1]?.text ?? ''))) return true;
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
