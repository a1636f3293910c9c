import { readFile, writeFile } from 'node:fs/promises';
import { Index as FlexIndex } from 'flexsearch';
import type { BenchEngine, Passage } from '../engines.js';

/** FlexSearch as in its README: `new Index()`, `add(id, text)`, `search(query, limit)`; saved with `export`/`import`. */
export function create(passages: readonly Passage[], file: string): BenchEngine {
  let index = new FlexIndex();
  return {
    async build() {
      const started = performance.now();
      passages.forEach((p, id) => index.add(id, p.text));
      return performance.now() - started;
    },
    async save() {
      const parts: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        parts[key] = data;
      });
      await writeFile(file, JSON.stringify(parts));
      return file;
    },
    async load() {
      index = new FlexIndex();
      const parts = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      for (const [key, data] of Object.entries(parts)) await index.import(key, data);
    },
    passageText(index) {
      return passages[index]?.text ?? '';
    },
    top(question) {
      const [first] = index.search(question, 1) as number[];
      return first ?? -1;
    },
  };
}
