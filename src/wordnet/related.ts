import { NewsbotError } from '../errors.js';
import { WordNet, type Synset, type WordNetPos } from './wordnet.js';

/** A word WordNet relates to a lemma, and the synset that relates them. */
export interface Relation {
  word: string;
  pos: WordNetPos;
  offset: number;
}

/** Words WordNet relates to a lemma, single words only (what a token can match). */
export interface RelatedWords {
  /** Words sharing one of its usual senses: `newspaper` -> `paper`. */
  synonyms: Relation[];
  /**
   * Words of opposite meaning, which say the same when negated (`leave out` ->
   * `include`, `encompass`: "does not encompass" leaves out): the antonyms of
   * its usual senses, with the most frequent sense of each antonym and its kinds.
   */
  opposites: Relation[];
}

/** Most words whose usual senses are remembered: questions are unbounded, the memory is not (about 100 bytes a word). */
const MAX_REMEMBERED = 10_000;

/** `compute(key)`, remembered in `memory`, which is emptied when it holds `MAX_REMEMBERED` entries. */
function remembered<V>(memory: Map<string, V>, key: string, compute: () => V): V {
  let value = memory.get(key);
  if (value === undefined) {
    value = compute();
    if (memory.size >= MAX_REMEMBERED) memory.clear();
    memory.set(key, value);
  }
  return value;
}

let shared: WordNet | undefined;
const usual = new Map<string, readonly number[]>();

/** WordNet, opened on first use: by the first question with a word the article lacks, or an adjective, adverb or verb (for its antonyms). */
function wordnet(): WordNet {
  shared ??= new WordNet();
  return shared;
}

const POSES: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];

/** Whether lemmas are words of English, remembered: off-topic questions bring the same unknown words again and again. */
const english = new Map<string, boolean>();

/** Whether WordNet knows a lemma (lower case) as any part of speech: a word of English, not a misspelling. */
export function isEnglishWord(lemma: string): boolean {
  return remembered(english, lemma, () => {
    const net = wordnet();
    return POSES.some((pos) => net.senses(lemma, pos).offsets.length > 0);
  });
}

/**
 * The related words of a lemma (lower case, the words of a phrasal verb joined
 * by `_`: `leave_out`). Not remembered: a common verb has a hundred or more,
 * while callers keep the few their article uses.
 */
export function relatedWords(lemma: string, pos: WordNetPos): RelatedWords {
  return collect(wordnet(), lemma, pos);
}

/**
 * Whether a relation goes through one of its word's usual senses: one attested
 * in WordNet's sense-tagged texts (the first sense when none is). An article's
 * `dropped` hardly means *omitted*, one of the 23 senses of `drop` never tagged.
 */
export function isUsualSense(relation: Relation): boolean {
  return usualSenses(relation.word, relation.pos).includes(relation.offset);
}

/** A word's usual senses, remembered: the same article words come up as synonyms of many question words. */
function usualSenses(word: string, pos: WordNetPos): readonly number[] {
  return remembered(usual, `${pos} ${word}`, () => {
    const { offsets, tagged } = wordnet().senses(word, pos);
    return offsets.slice(0, Math.max(1, tagged));
  });
}

function collect(wordnet: WordNet, lemma: string, pos: WordNetPos): RelatedWords {
  const synonyms: Relation[] = [];
  const opposites: Relation[] = [];
  for (const offset of usualSenses(lemma, pos)) {
    const synset = wordnet.synset(pos, offset);
    addWords(synonyms, synset, lemma);
    for (const antonym of pointed(wordnet, synset, '!')) {
      addWords(opposites, antonym, lemma);
      for (const word of antonym.words) {
        const [first] = wordnet.senses(word, antonym.pos).offsets;
        if (first === undefined) continue;
        const common = wordnet.synset(antonym.pos, first);
        addWords(opposites, common, lemma);
        for (const kind of pointed(wordnet, common, '~')) addWords(opposites, kind, lemma);
      }
    }
  }
  return { synonyms, opposites };
}

function pointed(wordnet: WordNet, synset: Synset, symbol: string): Synset[] {
  return synset.pointers.filter((p) => p.symbol === symbol).map((p) => wordnet.synset(p.pos, p.offset));
}

function addWords(into: Relation[], synset: Synset, lemma: string): void {
  for (const word of synset.words) if (word !== lemma && !word.includes('_')) into.push({ word, pos: synset.pos, offset: synset.offset });
}

/** Most verbs whose doers are remembered (a few words each; the leaders are shared). */
const MAX_REMEMBERED_DOERS = 10_000;
const doersOf = new Map<string, { derived: readonly Relation[]; inCharge: boolean }>();
/** Every kind of head or chairman in its first sense, worked out once: some thirty words. */
let leaders: readonly Relation[] | undefined;

/**
 * The people who do what a verb (a lemma) says, single words only, each with
 * the sense that makes it one: the person nouns formed on the verb that
 * WordNet derives from its usual senses (`own` -> `owner`, `found` ->
 * `founder`; not `help` -> `secretary`, derived but not formed on it); and for
 * a verb of being in charge, one of whose usual senses is a kind of *control,
 * command* (`run`, `lead`, `head`, `manage`, `chair`, `govern`), every kind of
 * *head* (a person in charge) or *chairman* in its first, most
 * frequent sense (`chief`, `executive`, `director`, `chairwoman`; not `model`
 * or `primate`, leaders in rarer senses). News names who runs a body by title
 * (*Its chairwoman, Niamh Doyle*), not by the verb a reader asks with.
 */
export function doers(lemma: string): readonly Relation[] {
  const net = wordnet();
  let found = doersOf.get(lemma);
  if (!found) {
    const senses = usualSenses(lemma, 'verb').map((offset) => net.synset('verb', offset));
    const stem = lemma.replace(/e$/, '');
    const nouns = senses.flatMap((synset) => synset.pointers.filter((p) => p.symbol === '+' && p.pos === 'noun').map((p) => net.synset('noun', p.offset)));
    // Formed on the verb first: climbing to *person* costs a dozen reads a noun.
    const formed = nouns.filter((synset) => synset.words.some((word) => word.startsWith(stem)) && isA(net, synset, PERSON));
    found = { derived: formed.flatMap((synset) => relationsOf(synset).filter((r) => r.word.startsWith(stem))), inCharge: senses.some((synset) => isA(net, synset, CONTROL)) };
    if (doersOf.size >= MAX_REMEMBERED_DOERS) doersOf.clear();
    doersOf.set(lemma, found);
  }
  if (!found.inCharge) return found.derived;
  leaders ??= [...kindsOf(net, synsetOf(net, HEAD)), ...kindsOf(net, synsetOf(net, CHAIRMAN))].filter((r) => isFirstSense(net, r));
  return [...found.derived, ...leaders];
}

/** Whether a relation goes through its word's first sense. */
function isFirstSense(net: WordNet, relation: Relation): boolean {
  return net.senses(relation.word, relation.pos).offsets[0] === relation.offset;
}

/** The synsets `doers` climbs to, as a word and its sense: *person*, *head* (a person in charge), *chairman* (a presiding officer), *control, command* (exercise authoritative control). */
const PERSON = { word: 'person', pos: 'noun', sense: 0 } as const;
const HEAD = { word: 'head', pos: 'noun', sense: 'chief' } as const;
const CHAIRMAN = { word: 'chairman', pos: 'noun', sense: 0 } as const;
const CONTROL = { word: 'command', pos: 'verb', sense: 'control' } as const;

type Landmark = typeof PERSON | typeof HEAD | typeof CHAIRMAN | typeof CONTROL;

const landmarkSynsets = new Map<Landmark, Synset>();

/** A landmark's synset, remembered: the word's sense at that index, or the one that shares that other word. */
function synsetOf(net: WordNet, landmark: Landmark): Synset {
  let found = landmarkSynsets.get(landmark);
  if (!found) {
    const synsets = net.senses(landmark.word, landmark.pos).offsets.map((offset) => net.synset(landmark.pos, offset));
    found = typeof landmark.sense === 'number' ? synsets[landmark.sense] : synsets.find((s) => s.words.includes(landmark.sense));
    if (!found) throw new NewsbotError(`WordNet lacks the sense of "${landmark.word}" that doers() climbs to`);
    landmarkSynsets.set(landmark, found);
  }
  return found;
}

/** Whether a synset is the landmark's or a kind of it (see `ancestorSynsets`). */
function isA(net: WordNet, synset: Synset, landmark: Landmark): boolean {
  const target = synsetOf(net, landmark).offset;
  return synset.offset === target || ancestorSynsets(net, [synset]).some((s) => s.offset === target);
}

/** A synset's words and those of all its kinds (hyponyms all the way down; not instances, who are people such as `lewis`, no title), single words only. */
function kindsOf(net: WordNet, top: Synset): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<number>();
  let level = [top];
  while (level.length > 0) {
    const next: Synset[] = [];
    for (const synset of level) {
      if (seen.has(synset.offset)) continue;
      seen.add(synset.offset);
      out.push(...relationsOf(synset));
      next.push(...pointed(net, synset, '~'));
    }
    level = next;
  }
  return out;
}

/** A synset's single words, each as a relation through it. */
function relationsOf(synset: Synset): Relation[] {
  return synset.words.filter((word) => !word.includes('_')).map((word) => ({ word, pos: synset.pos, offset: synset.offset }));
}

/** How many hypernym steps `isKindOf` climbs: from `basalt` to `rock` is 2, from `Danube` to `river` 1, `entity` is at most about 18. */
const MAX_HYPERNYM_STEPS = 8;
/** A noun's usual senses' ancestors, remembered: spans bring the same head nouns again and again. */
const ancestors = new Map<string, ReadonlySet<string>>();

/**
 * Whether a noun (a lemma, or a name with `_` between its words) is a kind or
 * an instance of `kind` in one of its usual senses: `basalt` of `rock`,
 * `danube` of `river`, `guardian` of `newspaper`. What a question's noun
 * (*which river*) asks for, found without the question's word in the answer.
 */
export function isKindOf(noun: string, kind: string): boolean {
  const found = remembered(ancestors, noun, () => {
    const net = wordnet();
    return ancestorWords(net, usualSenses(noun, 'noun').map((offset) => net.synset('noun', offset)));
  });
  return found.has(kind);
}

/** The synsets' hypernyms and instance hypernyms, up to `MAX_HYPERNYM_STEPS` up. */
function ancestorSynsets(net: WordNet, synsets: readonly Synset[]): Synset[] {
  const out: Synset[] = [];
  let level = synsets;
  for (let step = 0; step < MAX_HYPERNYM_STEPS && level.length > 0; step++) {
    level = level.flatMap((synset) => [...pointed(net, synset, '@'), ...pointed(net, synset, '@i')]);
    out.push(...level);
  }
  return out;
}

/** The words of the synsets' ancestors (see `ancestorSynsets`). */
function ancestorWords(net: WordNet, synsets: readonly Synset[]): Set<string> {
  return new Set(ancestorSynsets(net, synsets).flatMap((synset) => synset.words));
}

/** Names already told a place or a body or not (see `isNamedPlaceOrBody`). */
const placesOrBodies = new Map<string, boolean>();

/**
 * Whether WordNet knows a name (lower case, `_` between its words) as a
 * particular place or organization, and not as a person, in its usual senses:
 * `canada`, `beijing`, `united_states`. Only its instances count (WordNet's
 * proper nouns), so `bush`, a shrub and a backwoods, is no place, and a name it
 * does not know (`hytera`) is none.
 */
export function isNamedPlaceOrBody(name: string): boolean {
  return remembered(placesOrBodies, name, () => {
    const net = wordnet();
    const instances = usualSenses(name, 'noun')
      .map((offset) => net.synset('noun', offset))
      .filter((synset) => synset.pointers.some((p) => p.symbol === '@i'));
    const kinds = ancestorWords(net, instances);
    return (kinds.has('location') || kinds.has('organization')) && !kinds.has('person');
  });
}

/** Nouns already told a kind of person or not, a group or not, a place or not, a body or not (see `isPersonNoun`, `isGroupNoun`, `isPlaceNoun`, `isBodyNoun`). */
const personNouns = new Map<string, boolean>();
const groupNouns = new Map<string, boolean>();
const placeNouns = new Map<string, boolean>();
const bodyNouns = new Map<string, boolean>();

/**
 * Whether a common noun's first sense, the most frequent in WordNet's tagged
 * texts, is a kind of person: `minister`, `director`, `thief`, not `company`
 * or `party` (a guest, a litigant, in rarer senses).
 */
export function isPersonNoun(lemma: string): boolean {
  return remembered(personNouns, lemma, () => firstSenseIsA(lemma, 'person'));
}

/**
 * Whether a common noun's first sense is a group of people or things, and so
 * the last word of a body's name: `commission`, `party`, `council`, `court`,
 * not `survey` (an inspection) or `bush` (a shrub).
 */
export function isGroupNoun(lemma: string): boolean {
  return remembered(groupNouns, lemma, () => firstSenseIsA(lemma, 'group') && !firstSenseIsA(lemma, 'person'));
}

/**
 * Whether a common noun's first sense is a social group, people who act
 * together: `council`, `board`, `college`, not `line` (a formation) or
 * `herd`.
 */
export function isBodyNoun(lemma: string): boolean {
  return remembered(bodyNouns, lemma, () => firstSenseIsA(lemma, 'social_group'));
}

/**
 * Whether a common noun's first sense is a kind of place (`town`, `city`,
 * `county`, `park`), and so the last word of a place's or a club's name
 * (`Ashbury Town`, `Orange County`), no person's.
 */
export function isPlaceNoun(lemma: string): boolean {
  return remembered(placeNouns, lemma, () => firstSenseIsA(lemma, 'location') && !firstSenseIsA(lemma, 'person'));
}

/**
 * What WordNet files the nouns that say when under: `century`, `summer`, `reign` (time periods), `Miocene`
 * (geological time), `week` (a unit of time), `war` (a military action). Not `event`, which holds every act
 * (`communication`, `merger`).
 */
const TIME_KINDS = ['time_period', 'geological_time', 'time_unit', 'military_action'];

/**
 * Whether a noun (a lemma, or a name with `_` between its words) is, in one of
 * its usual senses, a time or a war: what can say *when* without a number
 * (`the Miocene`, `the Renaissance`, `the war`).
 */
export function isTimeNoun(noun: string): boolean {
  return TIME_KINDS.some((kind) => isKindOf(noun, kind));
}

/** Whether a noun's first sense is `kind` or a kind of it. */
function firstSenseIsA(lemma: string, kind: string): boolean {
  const net = wordnet();
  const [first] = net.senses(lemma, 'noun').offsets;
  if (first === undefined) return false;
  const synset = net.synset('noun', first);
  return synset.words.includes(kind) || ancestorWords(net, [synset]).has(kind);
}
