import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The wink-nlp instance of the process, made on first use (loading the model
 * takes ~100 ms). Only the chunk module talks to wink-nlp; the rest of the
 * engine sees plain spans and tokens.
 */
let instance: ReturnType<typeof winkNLP> | undefined;
/** Characters the instance has read. */
let charsRead = 0;

/**
 * Characters one wink-nlp instance reads before a fresh one replaces it.
 *
 * Why: wink keeps every word its model does not know, with its features, for
 * the life of the instance (its lexicon cache grows and is never trimmed, and
 * it offers no way to trim it). Indexing a million words of documentation
 * leaves some tens of thousands of such words; a bot's questions add their
 * misspellings and names without end, about 150 bytes a word. A fresh instance
 * (its model read anew, about 0.1 s) starts from the model's own lexicon and
 * analyzes a text exactly as the old one did (the test checks it); at 4 million
 * characters, a million-word corpus costs a few renewals, and the cache stays
 * within some tens of megabytes whatever the questions.
 */
export const CHARS_PER_INSTANCE = 4_000_000;

/**
 * Only the annotations the engine reads: sentences, parts of speech (with
 * lemmas) and entities. wink-nlp's default pipe also runs negation, sentiment
 * and custom-entity passes, which change none of these and cost a sixth of the
 * time.
 */
const PIPE = ['sbd', 'pos', 'ner'];

/** The wink-nlp instance to read a text of `length` characters with (a fresh one once the last has read `CHARS_PER_INSTANCE`). */
export function nlp(length: number): ReturnType<typeof winkNLP> {
  charsRead += length;
  if (!instance || charsRead > CHARS_PER_INSTANCE) {
    instance = winkNLP(model, PIPE);
    charsRead = length;
  }
  return instance;
}

/** Most distinct strings a memo keeps before starting over: a corpus has tens of thousands, questions add without end. */
const MAX_MEMO = 200_000;

/** `fn` remembered for the strings it has seen: words repeat, so most calls become one map look-up. */
export function memoize<T>(fn: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      out = fn(text);
      memo.set(text, out);
    }
    return out;
  };
}

/** The model's Porter stemmer: what wink-nlp's `its.stem` runs on a token's text, on every call. */
export const stem = (model as unknown as { addons: { stem: (word: string) => string } }).addons.stem;
