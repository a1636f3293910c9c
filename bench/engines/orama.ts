import { readFile, writeFile } from 'node:fs/promises';
import { create as createDb, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch } from '@orama/orama';
import type { BenchEngine, Passage } from '../engines.js';

/** Orama as in its README: `create({ schema })`, `insertMultiple`, `search(db, { term })`; saved with `save`/`load`. */
export function create(passages: readonly Passage[], file: string): BenchEngine {
  const schema = { text: 'string' } as const;
  let db = createDb({ schema });
  return {
    async build() {
      const started = performance.now();
      await insertMultiple(db, passages.map((p, id) => ({ id: String(id), text: p.text })));
      return performance.now() - started;
    },
    async save() {
      await writeFile(file, JSON.stringify(oramaSave(db)));
      return file;
    },
    async load() {
      db = createDb({ schema });
      oramaLoad(db, JSON.parse(await readFile(file, 'utf8')));
    },
    passageText(index) {
      return passages[index]?.text ?? '';
    },
    top(question) {
      const found = oramaSearch(db, { term: question });
      const first = (results: { hits: Array<{ id: string }> }): number => (results.hits[0] ? Number(results.hits[0].id) : -1);
      return found instanceof Promise ? found.then(first) : first(found);
    },
  };
}
