import { readFile, writeFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import type { BenchEngine, Passage } from '../engines.js';

/** MiniSearch with default options: `new MiniSearch({ fields })`, `addAll`, `search(query)`; saved with JSON.stringify and `loadJSON`. */
export function create(passages: readonly Passage[], file: string): BenchEngine {
  const options = { fields: ['text'] };
  let index = new MiniSearch(options);
  return {
    async build() {
      const started = performance.now();
      index.addAll(passages.map((p, id) => ({ id, text: p.text })));
      return performance.now() - started;
    },
    async save() {
      await writeFile(file, JSON.stringify(index));
      return file;
    },
    async load() {
      index = MiniSearch.loadJSON(await readFile(file, 'utf8'), options);
    },
    passageText(index) {
      return passages[index]?.text ?? '';
    },
    top(question) {
      return (index.search(question)[0]?.id as number | undefined) ?? -1;
    },
  };
}
