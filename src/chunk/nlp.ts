import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance of the process. Loading the model takes ~100 ms, so
 * it happens once, on first use. Only the chunk module talks to wink-nlp; the
 * rest of the engine sees plain spans and tokens.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

/**
 * Only the annotations the engine reads: sentences, parts of speech (with
 * lemmas) and entities. wink-nlp's default pipe also runs negation, sentiment
 * and custom-entity passes, which change none of these and cost a sixth of the
 * time.
 */
const PIPE = ['sbd', 'pos', 'ner'];

export function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, PIPE);
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
