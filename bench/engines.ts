/**
 * The engines the benchmark compares, behind one interface: newsbot, and the
 * search libraries a developer would otherwise pick, each set up the way its
 * README shows (MiniSearch with default options) over the same passages
 * (paragraphs), each saving its index the way its documentation recommends.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { create, insertMultiple, load as oramaLoad, save as oramaSave, search as oramaSearch } from '@orama/orama';
import { Index as FlexIndex } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import bm25 from 'wink-bm25-text-search';
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { nlp } from '../src/chunk/nlp.js';
import { Engine } from '../src/engine.js';
import type { IndexProgress } from '../src/index/corpus-index.js';
import { loadCorpus } from '../src/ingest/load.js';
import type { SourceDocument } from '../src/types.js';

export const ENGINE_NAMES = ['newsbot', 'minisearch', 'lunr', 'flexsearch', 'orama', 'wink-bm25'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** A paragraph of the corpus: the unit every engine returns. */
export interface Passage {
  document: number;
  /** From 1. */
  paragraph: number;
  text: string;
}

export interface BenchEngine {
  /** Indexes the corpus; returns the milliseconds spent indexing (not reading files or saving). */
  build(): Promise<number>;
  /** Saves the index where `load` finds it; returns the file. */
  save(): Promise<string>;
  /** Loads the index `save` wrote. */
  load(): Promise<void>;
  /** The passage (index into the passages) the engine ranks first, or -1 for none. */
  top(question: string): number | Promise<number>;
}

export function passagesOf(documents: readonly SourceDocument[]): Passage[] {
  return documents.flatMap((d, document) => d.paragraphs.map((text, p) => ({ document, paragraph: p + 1, text })));
}

/**
 * One engine over a corpus; `dir` holds its saved index. The libraries get the
 * corpus's paragraphs read here; newsbot reads the corpus itself, as the bot does.
 */
export async function createEngine(name: EngineName, corpus: string, dir: string, onProgress?: (p: IndexProgress) => void): Promise<BenchEngine> {
  if (name === 'newsbot') return newsbot(corpus, join(dir, 'newsbot'), onProgress);
  const passages = passagesOf(await loadCorpus(corpus));
  const file = join(dir, `${name}.json`);
  switch (name) {
    case 'minisearch':
      return minisearch(passages, file);
    case 'lunr':
      return lunrEngine(passages, file);
    case 'flexsearch':
      return flexsearch(passages, file);
    case 'orama':
      return orama(passages, file);
    case 'wink-bm25':
      return winkBm25(passages, file);
  }
}

/** newsbot through `Engine.load`, which builds the snapshot in `cacheDir` (after deleting any) or loads it. */
function newsbot(corpus: string, cacheDir: string, onProgress?: (p: IndexProgress) => void): BenchEngine {
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
      nlp();
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
    top(question) {
      const quote = engine?.ask(question).quotes[0];
      const first = quote ? firstPassage.get(quote.documentId) : undefined;
      return quote && first !== undefined ? first + quote.paragraph - 1 : -1;
    },
  };
}

/** MiniSearch with default options: `new MiniSearch({ fields })`, `addAll`, `search(query)`; saved with JSON.stringify and `loadJSON`. */
function minisearch(passages: readonly Passage[], file: string): BenchEngine {
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
    top(question) {
      return (index.search(question)[0]?.id as number | undefined) ?? -1;
    },
  };
}

/** lunr as in its README: `lunr(function () { this.ref(...); this.field(...); this.add(doc) })`, `idx.search(query)`; saved as JSON, `lunr.Index.load`. */
function lunrEngine(passages: readonly Passage[], file: string): BenchEngine {
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

/** FlexSearch as in its README: `new Index()`, `add(id, text)`, `search(query, limit)`; saved with `export`/`import`. */
function flexsearch(passages: readonly Passage[], file: string): BenchEngine {
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
    top(question) {
      const [first] = index.search(question, 1) as number[];
      return first ?? -1;
    },
  };
}

/** Orama as in its README: `create({ schema })`, `insertMultiple`, `search(db, { term })`; saved with `save`/`load`. */
function orama(passages: readonly Passage[], file: string): BenchEngine {
  const schema = { text: 'string' } as const;
  let db = create({ schema });
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
      db = create({ schema });
      oramaLoad(db, JSON.parse(await readFile(file, 'utf8')));
    },
    top(question) {
      const found = oramaSearch(db, { term: question });
      const first = (results: { hits: Array<{ id: string }> }): number => (results.hits[0] ? Number(results.hits[0].id) : -1);
      return found instanceof Promise ? found.then(first) : first(found);
    },
  };
}

/** wink-bm25-text-search as in its README: wink-nlp words without stop words, stemmed, negation marked; saved with `exportJSON`/`importJSON`. */
function winkBm25(passages: readonly Passage[], file: string): BenchEngine {
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
    top(question) {
      return engine.search(question)[0]?.[0] ?? -1;
    },
  };
}
