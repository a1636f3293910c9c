import { rm } from 'node:fs/promises';
import { nlp } from '../../src/chunk/nlp.js';
import { Engine } from '../../src/engine.js';
import type { IndexProgress } from '../../src/index/corpus-index.js';
import type { BenchEngine } from '../engines.js';

/** newsbot through `Engine.load`, which builds the snapshot in `cacheDir` (after deleting any) or loads it. */
export function create(corpus: string, cacheDir: string, onProgress?: (p: IndexProgress) => void): BenchEngine {
  let engine: Engine | undefined;
  // Where each document's paragraphs start in the list of all passages.
  let firstPassage = new Map<string, number>();
  const loaded = (loading: Engine): Engine => {
    let next = 0;
    firstPassage = new Map(loading.documents().map((d) => [d.id, (next += d.paragraphs) - d.paragraphs]));
    return loading;
  };
  return {
    async build() {
      await rm(cacheDir, { recursive: true, force: true });
      // The language model loads once per process (~0.1 s), as wink-bm25's does before its build: not indexing time.
      nlp(0);
      let took = 0;
      engine = loaded(await Engine.load({ corpus, cacheDir, onProgress: (p) => {
        onProgress?.(p);
        if (p.phase === 'done') took = p.elapsedMs;
      } }));
      return took;
    },
    async save() {
      const origin = engine?.origin;
      if (origin?.source !== 'built' || !origin.file) throw new Error('newsbot: the benchmark expected a freshly built and saved snapshot');
      return origin.file;
    },
    async load() {
      engine = loaded(await Engine.load({ corpus, cacheDir }));
      if (engine.origin.source !== 'snapshot') throw new Error('newsbot: the benchmark expected to load the snapshot');
    },
    passageText(index) {
      let found: [string, number] | undefined;
      for (const [id, first] of firstPassage) if (first <= index) found = [id, first];
      return found && engine ? engine.passage(index - found[1] + 1, found[0]).text : '';
    },
    top(question) {
      const quote = engine?.ask(question).quotes[0];
      const first = quote ? firstPassage.get(quote.documentId) : undefined;
      return quote && first !== undefined ? first + quote.paragraph - 1 : -1;
    },
  };
}
