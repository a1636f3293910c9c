import { readFile, writeFile } from 'node:fs/promises';
import lunr from 'lunr';
import type { BenchEngine, Passage } from '../engines.js';

/** lunr as in its README: `lunr(function () { this.ref(...); this.field(...); this.add(doc) })`, `idx.search(query)`; saved as JSON, `lunr.Index.load`. */
export function create(passages: readonly Passage[], file: string): BenchEngine {
  let index: lunr.Index | undefined;
  return {
    async build() {
      const started = performance.now();
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        passages.forEach((p, id) => this.add({ id: String(id), text: p.text }));
      });
      return performance.now() - started;
    },
    async save() {
      await writeFile(file, JSON.stringify(index));
      return file;
    },
    async load() {
      index = lunr.Index.load(JSON.parse(await readFile(file, 'utf8')) as object);
    },
    passageText(index) {
      return passages[index]?.text ?? '';
    },
    top(question) {
      try {
        const ref = index?.search(question)[0]?.ref;
        return ref === undefined ? -1 : Number(ref);
      } catch {
        // lunr parses the query as its query language: `:`, `~`, `^`, `+`, `-` can make a question a syntax error.
        return -1;
      }
    },
  };
}
