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

/** Most lemmas whose relations and senses are remembered: questions are unbounded, the memory is not. */
const MAX_REMEMBERED = 10_000;

let shared: WordNet | undefined;
const related = new Map<string, RelatedWords>();
const usual = new Map<string, readonly number[]>();

/** WordNet, opened on first use: an engine whose questions use only the article's words never reads it. */
function wordnet(): WordNet {
  shared ??= new WordNet();
  return shared;
}

/** The related words of a lemma (lower case, the words of a phrasal verb joined by `_`: `leave_out`), remembered. */
export function relatedWords(lemma: string, pos: WordNetPos): RelatedWords {
  return remember(related, `${pos} ${lemma}`, () => collect(wordnet(), lemma, pos));
}

/**
 * Whether a relation goes through one of its word's usual senses: one attested
 * in WordNet's sense-tagged texts (the first sense when none is). An article's
 * `dropped` hardly means *omitted*, one of the 23 senses of `drop` never tagged.
 */
export function isUsualSense(relation: Relation): boolean {
  return usualSenses(relation.word, relation.pos).includes(relation.offset);
}

function usualSenses(word: string, pos: WordNetPos): readonly number[] {
  return remember(usual, `${pos} ${word}`, () => {
    const { offsets, tagged } = wordnet().senses(word, pos);
    return offsets.slice(0, Math.max(1, tagged));
  });
}

function remember<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    memo.set(key, value);
  }
  return value;
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
