import { readFile, writeFile } from 'node:fs/promises';
import bm25 from 'wink-bm25-text-search';
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { BenchEngine, Passage } from '../engines.js';

/** wink-bm25-text-search as in its README: wink-nlp words without stop words, stemmed, negation marked; saved with `exportJSON`/`importJSON`. */
export function create(passages: readonly Passage[], file: string): BenchEngine {
  const nlp = winkNLP(model);
  const its = nlp.its;
  // wink-nlp's typings reject `its.stem` with `out()`, which its README uses.
  const stem = its.stem as unknown as typeof its.value;
  const prepare = (text: string): string[] => {
    const tokens: string[] = [];
    nlp.readDoc(text).tokens()
      .filter((t: ItemToken) => t.out(its.type) === 'word' && !t.out(its.stopWordFlag))
      .each((t: ItemToken) => tokens.push(t.out(its.negationFlag) ? `!${t.out(stem)}` : t.out(stem)));
    return tokens;
  };
  let engine = bm25();
  engine.defineConfig({ fldWeights: { text: 1 } });
  engine.definePrepTasks([prepare]);
  return {
    async build() {
      const started = performance.now();
      passages.forEach((p, id) => engine.addDoc({ text: p.text }, id));
      engine.consolidate();
      return performance.now() - started;
    },
    async save() {
      await writeFile(file, engine.exportJSON());
      return file;
    },
    async load() {
      engine = bm25();
      engine.importJSON(await readFile(file, 'utf8'));
      engine.definePrepTasks([prepare]);
    },
    passageText(index) {
      return passages[index]?.text ?? '';
    },
    top(question) {
      return engine.search(question)[0]?.[0] ?? -1;
    },
  };
}
