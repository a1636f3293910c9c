import type { Conversation, Turn } from '../../types.js';
import type { Question } from '../question.js';
import { asksForGist } from '../gist.js';
import { withFrameOf } from './frame.js';
import { CONJUNCTION_FIRST, DEMONSTRATIVES, cannotLean, isElliptical, isFrame, pronounsWithoutAntecedent, setQuestion, type Reference } from './leaning.js';
import { GENDERS, PRONOUNS, readQuestion, spelledOut, surname, type Gender } from './parts.js';
import { isFirm, isReferent, readingsOf, referentsOf, type Referent } from './referents.js';
import { substitute } from './substitute.js';

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

/**
 * What a pronoun agrees with, and its gender for *he* and *she*: two pronouns alike so may stand for one thing. Not
 * *its* and *it*: what owns something is seldom that thing (*How big is its stake?*, then *Will it sell?*).
 */
function sameAs(reference: Reference): string {
  return `${reference.agreement} ${GENDERS[reference.token.text.toLowerCase()] ?? ''} ${reference.agreement === 'thing' && reference.possessive ? 'owner' : ''}`;
}

/** What of a question leans on the one before it: its pronouns with nothing in it to stand for, and whether it lacks a verb of its own. */
interface Leaning {
  /** The question as read: a set phrase as the question it stands for, a contracted *is* spelled out. */
  question: string;
  asked: Question;
  references: Reference[];
  elliptical: boolean;
}

/** How `question` leans on the one before it, or `undefined` when it stands on its own. */
function leaningOf(question: string): Leaning | undefined {
  if (question.trim() === '' || cannotLean(question)) return undefined;
  // A set phrase stands for its question (`How come?` for `Why?`, `Says who?` for `Who said so?`), and a contracted
  // *is* is spelled out (`what's` -> `what is`).
  const read = spelledOut(setQuestion(question) ?? question);
  const asked = readQuestion(read);
  const references = pronounsWithoutAntecedent(asked);
  const elliptical = isElliptical(asked.tokens);
  return references.length === 0 && !elliptical ? undefined : { question: read, asked, references, elliptical };
}

/**
 * Whether a question can be answered without the ones before it: no pronoun
 * that only an earlier turn could fill, and a verb of its own (*How many
 * jobs will go?*, not *Why did he resign?* or *And in 2019?*). Told from its
 * words alone, as `resolveFollowUp` tells it.
 */
export function standsAlone(question: string): boolean {
  return leaningOf(question) === undefined;
}

/** Reads `question` with the conversation's last turns; a question that stands on its own comes back unchanged. */
export function resolveFollowUp(question: string, conversation: Conversation | undefined): Resolved {
  let turns = conversation?.turns ?? [];
  const unchanged = { text: question, changed: false };
  if (turns.length === 0 || question.trim() === '') return unchanged;
  const leaning = leaningOf(question);
  if (!leaning) return CONJUNCTION_FIRST.test(question) ? { ...unchanged, continues: true } : unchanged;
  const { asked, references, elliptical } = leaning;
  question = leaning.question;
  const { tokens } = asked;

  let before = readQuestion(spelledOut((turns[turns.length - 1] as Turn).understood));
  // *What is this article about?* is no frame (its *it* is the article), and ends what went before; *Who wrote it?*
  // is one, answered with a name (*Where was he?*).
  if (asksForGist(before.text)) return unchanged;
  // Nor is a greeting (*hi*, *ok*) or a question with nothing to look up (*and?*, *😀*): the question before it is.
  while (!isFrame(before)) {
    turns = turns.slice(0, -1);
    const last = turns[turns.length - 1];
    if (!last) return unchanged;
    before = readQuestion(spelledOut(last.understood));
  }
  const previous = turns[turns.length - 1] as Turn;
  let text = question;
  if (references.length > 0) {
    // A name an earlier `who` got as its answer, named again in a question, is a person's: no *it* (*When did Poul Madsen found
    // the yard?* then *How many people does it employ?*). The previous answer itself may still be a firm's (*Who is buying the yard?*).
    // By surname too, as the next question was read with it (`Who wrote it?` -> `Subrat Patnaik`, then `Where was Patnaik?`).
    // So is a name an earlier question was read with for *he* or *she*, the previous one's too (*Who did she sell it to?*
    // read *Who did Vos sell Harbour to?*, then *Why was it sold?* is not about Vos); and one read for *it* is no person.
    const readings = turns.flatMap(readingsOf);
    const people = [
      ...turns.slice(0, -1).filter((t) => /^\W*who\b/i.test(t.understood) && isReferent(t) && !isFirm(t.answer)).map((t) => t.answer),
      ...readings.filter((r) => PRONOUNS[r.pronoun] === 'person').map((r) => r.text),
    ].flatMap((name) => [name.toLowerCase(), surname(name).toLowerCase()]);
    const things = new Set(readings.filter((r) => PRONOUNS[r.pronoun] === 'thing').map((r) => r.text.toLowerCase()));
    // Who an earlier question read as *he* or *she*, by surname: a person's name after all, an answer's too (*Lucia Ortega*,
    // then *What did she say?*), and who was *she* is no *he* (*Who is she replacing?* read with Basso, answered Ferri:
    // then *he* is Ferri). `undefined` for a name read as both.
    const genders = new Map<string, Gender | undefined>();
    for (const { pronoun, text } of readings) {
      const gender = GENDERS[pronoun];
      if (gender === undefined) continue;
      const key = surname(text).toLowerCase();
      genders.set(key, genders.has(key) && genders.get(key) !== gender ? undefined : gender);
    }
    // Who a quote goes on about as *she* or *he*: its names before its first such pronoun, when all of them are of one
    // gender (*Whitfield, who also owns a team in Ohio, said she ...*: *he* is someone else).
    for (const turn of turns) for (const [key, gender] of quoteGendersOf(turn)) if (!genders.has(key)) genders.set(key, gender);
    const known = (referents: Referent[]): Referent[] => {
      for (const referent of referents) {
        // A person goes without the *the* a common noun got (`basso`, read as *she* before, is no `the basso`).
        if (referent.said !== undefined && people.includes(referent.said.toLowerCase())) referent.text = referent.said;
        const name = referent.text.toLowerCase();
        const byName = surname(referent.text).toLowerCase();
        if (referent.answer && !genders.has(byName)) continue;
        const gender = genders.get(byName);
        if (gender !== undefined) referent.gender = gender;
        if (people.includes(name) || people.includes(byName)) referent.fits = { ...referent.fits, thing: undefined, person: Math.max(referent.fits.person ?? 0, 2) };
        else if (things.has(name)) referent.fits = { ...referent.fits, person: undefined };
      }
      return referents;
    };
    // The turn before the previous one, only for a pronoun nothing in the previous turn fits (`he` after a question about a
    // report still finds the person), and one point lower.
    const earlier = turns[turns.length - 2];
    const farther = (): Referent[] => {
      if (!earlier) return [];
      const found = referentsOf(readQuestion(spelledOut(earlier.understood)), earlier, turns.slice(0, -2)).filter((r) => !r.fits.event);
      for (const referent of found) referent.distance = 1;
      return known(found);
    };
    // A pronoun the previous question left as it is (nothing there to stand for: *Who wrote it?* after the article's gist,
    // *What did she say?* with no one named) goes on standing for the same unknown one: the same pronoun now is left too,
    // as a pronoun read before goes on standing for what it was read as.
    // Not a demonstrative, which points at what was just said (*What share of its workforce is that?*), not at who goes on.
    // Unless the previous answer's quote showed who it was (see `referentsOf`).
    const referents = known(referentsOf(before, previous, turns.slice(0, -1)));
    const shown = new Set(referents.filter((r) => r.shown).map((r) => r.gender));
    const open = new Set(
      pronounsWithoutAntecedent(before)
        .filter((r) => !DEMONSTRATIVES.has(r.token.text.toLowerCase()) && !shown.has(GENDERS[r.token.text.toLowerCase()]))
        .map(sameAs),
    );
    const replaced = references.filter((reference) => !open.has(sameAs(reference)));
    // A thing typed alone (*and revenue?*) names no one who acts: the turn before it still holds what the conversation
    // is about (*is Orbita profitable*, then *when will it make a profit*), as near as the thing itself.
    const topicOnly = !before.tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
    // Those are then offered already: no second look at the same turn.
    text = topicOnly
      ? substitute(question, replaced, [...referents, ...farther().map((r) => ({ ...r, distance: 0 }))], () => [])
      : substitute(question, replaced, referents, farther);
  }
  const substituted = text !== question;
  if (elliptical) text = withFrameOf(text, substituted ? readQuestion(text).tokens : tokens, before, previous);
  text = text.replace(/\s+/g, ' ').replace(/ ([?!])$/, '$1').trim();
  // A reading that only capitalized the question or closed it with a mark (`In how many stores?`) says nothing new.
  const bare = (words: string): string => words.toLowerCase().replace(/[\s?!.]+$/u, '');
  return bare(text) === bare(question) ? { ...unchanged, continues: true } : { text, changed: true, pronouns: substituted, continues: true };
}

/** Each turn's `quoteGenders`, worked out once: the next few questions each read the turn again. */
const gendered = new WeakMap<Turn, ReadonlyMap<string, Gender>>();
function quoteGendersOf(turn: Turn): ReadonlyMap<string, Gender> {
  let found = gendered.get(turn);
  if (!found) gendered.set(turn, (found = quoteGenders(turn.quote?.text ?? '')));
  return found;
}

/** The names a quote writes before its first *he* or *she* (*his*, *her*, ...), lower-cased, when its pronouns are of one gender. */
function quoteGenders(quote: string): Map<string, Gender> {
  const words = quote.split(/[^\p{L}\p{N}'’.-]+/u).filter(Boolean);
  const first = words.findIndex((w) => GENDERS[w.toLowerCase()] !== undefined);
  const found = new Set(words.map((w) => GENDERS[w.toLowerCase()]).filter((g) => g !== undefined));
  const out = new Map<string, Gender>();
  if (first === -1 || found.size !== 1) return out;
  const gender = GENDERS[(words[first] as string).toLowerCase()] as Gender;
  words.slice(0, first).filter((w) => /^\p{Lu}\p{Ll}/u.test(w)).forEach((w) => out.set(w.replace(/(['’]s|\.)$/u, '').toLowerCase(), gender));
  return out;
}
