import { isGroupNoun, isKindOf, isPersonNoun } from '../../wordnet/related.js';
import type { Reference } from './leaning.js';
import { GENDERS, capitalize, surname } from './parts.js';
import { isPlaceOrBody, type Referent } from './referents.js';

/** A follow-up's pronouns replaced by the referents that fit them best. */

/**
 * How much each preference counts beside agreement (0 to 2); set on conversations written for other articles
 * (`training/followups-own.json`); `carried` later, on the quake article (0.5 and 1 read all ten sets alike), then 1 on
 * the 65 files of session 23, where it quotes as 0.5 does and reads five follow-ups better (*what's it called* after
 * *Who makes it?*, read *Who makes the nasal flu vaccine?*, is the vaccine's name, not the maker's) and none worse;
 * `focus` (the answer an object question asked for: *What did the county approve?*, then *How much will it cost?*)
 * by a grid of 0 to 2.5 on the 61 conversation files, cross-validated by file: 1.5 on every fold.
 */
const WEIGHTS = { parallel: 1, topic: 0.5, mention: 0.5, distance: 1, carried: 1, focus: 1.5 };

/** The question with each pronoun replaced by its best referent, from the previous turn or else `farther` (left as it is when none fits). */
export function substitute(question: string, references: readonly Reference[], referents: readonly Referent[], farther: () => Referent[]): string {
  let out = '';
  let at = 0;
  const used = new Set<Referent>();
  let older: Referent[] | undefined;
  for (const reference of references) {
    // What *say* says is a statement, not a thing the previous turn named (*When did he say it?* is not *... say the channel?*,
    // nor *... say the deal?*, though WordNet has a deal a kind of statement): left as it is, for the previous quote to answer.
    if (reference.said) continue;
    // Two pronouns of one clause are two things (*When did it report it?*), but a possessive may be the subject's (*What did he implicate in his book?*).
    const skip = reference.possessive ? new Set<Referent>() : used;
    const best = bestReferent(reference, referents, skip) ?? bestReferent(reference, (older ??= farther()), skip);
    if (!best || best.unknown) continue;
    if (!reference.possessive) used.add(best);
    // `When will he meet her?` after `Who is the education minister?` answered `Daniel Okafor`: *he* took the answer, so
    // *her* is not the minister, who is he.
    if (!reference.possessive && best.answer) for (const referent of referents) if (referent.equated) used.add(referent);
    const { token } = reference;
    // `that`, `there` and `then` keep their place in the sentence, with what they stand for beside them.
    let text = ['event', 'place', 'date'].includes(reference.agreement) || best.described ? `${token.text} (${best.text})` : reference.agreement === 'person' ? surname(best.text) : best.text;
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
    // A possessive names an owner (`its price`), which a clause beside it cannot (`its (the county approve) price`).
    if (fit === undefined || used.has(referent) || (referent.described && reference.possessive) || personAsThing(reference, referent) || thingSpeaks(reference, referent) || otherGender(reference, referent)) continue;
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
      (isFocus(reference, referent) ? WEIGHTS.focus : 0) +
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

/** Whether an *it* may stand for the thing the previous question asked someone did something to (see `Referent.focus`). */
function isFocus(reference: Reference, referent: Referent): boolean {
  return reference.agreement === 'thing' && referent.focus === true;
}

/**
 * A common noun WordNet knows as a kind of person (`the transport minister`,
 * `the thieves`) fits *he* or *she* as a name does; looked up only for those
 * pronouns, as a new noun costs a WordNet walk.
 */
function personNoun(reference: Reference, referent: Referent): number | undefined {
  return reference.agreement === 'person' && referent.head && isPersonNoun(referent.head) ? 1 : undefined;
}

/**
 * The subject of a verb of saying for a thing (*What did they say?* read as *the pumps*): only someone, a body or
 * what is written or broadcast says something (*the minister*, *the council*, *the study*, *the newspaper*), so a
 * common noun WordNet knows as none of these does not (a name may be any).
 */
function thingSpeaks(reference: Reference, referent: Referent): boolean {
  if (reference.speaks !== true || referent.answer || referent.noun === undefined) return false;
  const noun = referent.noun;
  return !isPersonNoun(noun) && !isGroupNoun(noun) && !SAYING_KINDS.some((kind) => isKindOf(noun, kind));
}

/** WordNet's kinds of things that say something: writings (a study, a report), media (a newspaper), statements (a survey). */
const SAYING_KINDS = ['writing', 'medium', 'statement'];

/** *He* for someone an earlier question read as *she*, or *she* for someone read as *he*. */
function otherGender(reference: Reference, referent: Referent): boolean {
  const gender = GENDERS[reference.token.text.toLowerCase()];
  return gender !== undefined && referent.gender !== undefined && referent.gender !== gender;
}

/** *It* for a common noun WordNet knows as a kind of person (*the finance minister*): no person is *it*. */
function personAsThing(reference: Reference, referent: Referent): boolean {
  return reference.agreement === 'thing' && !referent.answer && referent.head !== undefined && isPersonNoun(referent.head);
}
