import { POS_TAGS } from '../chunk/builder.js';
import type { ChunkStore } from '../chunk/store.js';

/**
 * Names as the corpus writes them, for questions typed in lower case.
 *
 * People type in a chat without capitals (*who bought norsat*), and the tagger
 * reads a name it sees in lower case as a common noun: the question then loses
 * what its names tell the models (the names matched, where the answer stands).
 * A word the corpus tags a name nearly every time it uses it is put back with
 * its capital, but for the noun a question word asks for.
 */

/** Share of a word's uses tagged as a name for it to be a name: a word that is also a common noun (`bank`) stays as typed. */
const NAME_SHARE = 0.9;
const PROPN = POS_TAGS.indexOf('PROPN');
/** A question word that asks for a kind of thing, and what may stand between it and the noun (`which bank`, `what kind of agency`). */
const ASKS_FOR = /\b(?:which|what|whose)\s+(?:(?:kind|sort|type)\s+of\s+)?$/i;

/** Per store: by lexicon id, 1 for the words it writes as names. Worked out on the first question typed in lower case. */
const names = new WeakMap<ChunkStore, Uint8Array>();

function namesOf(store: ChunkStore): Uint8Array {
  let found = names.get(store);
  if (found) return found;
  const { tokenWord, tokenPos } = store.columns;
  const size = store.lexicon.size;
  const uses = new Uint32Array(size);
  const asName = new Uint32Array(size);
  for (let t = 0; t < tokenWord.length; t++) {
    const word = tokenWord[t] as number;
    uses[word] = (uses[word] as number) + 1;
    if (tokenPos[t] === PROPN) asName[word] = (asName[word] as number) + 1;
  }
  found = new Uint8Array(size);
  for (let id = 1; id < size; id++) if ((asName[id] as number) >= NAME_SHARE * (uses[id] as number) && (asName[id] as number) > 0) found[id] = 1;
  names.set(store, found);
  return found;
}

/**
 * The question with the corpus's names capitalized when it was typed without
 * capitals (none after its first letter: `who bought norsat`, `Who bought
 * norsat?`); a question typed with capitals is left as it is.
 */
export function truecased(question: string, store: ChunkStore): string {
  if (/\p{Lu}/u.test(question.slice(1)) || !/\p{Ll}/u.test(question)) return question;
  const known = namesOf(store);
  return question.replace(/\p{Ll}[\p{L}\p{N}]*/gu, (word, at: number) => {
    const folded = word.normalize('NFD').replace(/\p{M}+/gu, '');
    const id = store.lexicon.find(folded);
    if (id <= 0 || known[id] !== 1) return word;
    // Not the noun a question word asks for (`which bank`, though the article's only bank is *Danske Bank*).
    if (ASKS_FOR.test(question.slice(0, at))) return word;
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
}
