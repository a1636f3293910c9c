import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CORPUS, Engine, loadCorpus, type LoadOptions } from '../../src/index.js';
import type { IndexProgress } from '../../src/index/corpus-index.js';
import { workers } from '../worker-count.js';
import { smokeAnswer } from '../smoke.js';

// Two cores, whatever the machine has, so that a corpus is chunked in two threads when asked; worker threads as they are, counted.
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => 2 }));
vi.mock('../../src/worker.js', async (original) => (await import('../worker-count.js')).countingWorkers(original));

const QUESTIONS = [
  'who bought Norsat?',
  'what does the agreement include?',
  'Where was the reporter based?',
  'When did China and the US agree on something similar?',
  'How much did Hytera pay for Norsat?',
  'What is the tallest mountain in Peru?',
  'Primeier Trudeau',
];

let dir: string;
let corpus: string;
let cacheDir: string;
let warnings: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbot-cache-'));
  corpus = join(dir, 'articles');
  cacheDir = join(dir, 'cache');
  await mkdir(corpus);
  await copyFile(join(DEFAULT_CORPUS, 'china-canada-cyber-agreement.txt'), join(corpus, 'china-canada-cyber-agreement.txt'));
  warnings = [];
  workers.started = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = (options: LoadOptions = {}): Promise<Engine> => Engine.load({ corpus, cacheDir, onWarning: (line) => warnings.push(line), ...options });

async function snapshotFile(): Promise<string> {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith('.snapshot'));
  expect(names).toHaveLength(1);
  return join(cacheDir, names[0] as string);
}

describe('index snapshots', () => {
  it('saves a snapshot on the first load and answers from it on the next, exactly as a fresh index does', async () => {
    const built = await load();
    expect(built.origin).toMatchObject({ source: 'built', reason: 'there was no snapshot' });
    const loaded = await load();
    expect(loaded.origin).toEqual({ source: 'snapshot', file: await snapshotFile() });
    const fresh = Engine.fromDocuments(await loadCorpus(corpus));
    for (const question of QUESTIONS) {
      expect(loaded.ask(question)).toEqual(fresh.ask(question));
      expect(loaded.search(question)).toEqual(fresh.search(question));
    }
    expect(warnings).toEqual([]);
  });

  it('answers from the snapshot of a folder of Markdown docs (links, paths, hashes) exactly as a fresh index, with the documents as parsed', async () => {
    await rm(join(corpus, 'china-canada-cyber-agreement.txt'));
    await writeFile(join(corpus, 'install.md'), '# Installing Frobnitz\n\nRun `npm install frobnitz` in your project. The **CLI** lives in `bin/frob.js`.\n\n- Node 20 or later is required.\n- Windows needs the [build tools](https://example.org/build-tools).\n\n```sh\nfrob --init\n```\n');
    await writeFile(join(corpus, 'changelog.md'), '# Changelog\n\n## 2.3.1\n\n- Fixed a crash on empty input (https://github.com/frob/frob/pull/4821, commit 9f3e2ab).\n- Quintrell made the parser faster in src/parse/lexer.ts.\n\n## 2.3.0\n\n- Added the --watch flag, written by Mara Velkonen.\n');
    await writeFile(join(corpus, 'faq.txt'), 'Frequently asked questions\n\nFrobnitz reads YAML and TOML files.\n\nThe default port is 8417.\n');
    const questions = ['Who made the parser faster?', 'Which commit fixed the crash on empty input?', 'What is the default port?', 'Who wrote the --watch flag?', 'What does Windows need?', 'who bought Norsat?', 'Quintrel parser'];
    const built = await load();
    expect(built.origin.source).toBe('built');
    const loaded = await load();
    expect(loaded.origin.source).toBe('snapshot');
    const fresh = Engine.fromDocuments(await loadCorpus(corpus));
    // The documents kept in the snapshot are the ones parsing the files gives (what a server's library starts from).
    expect(loaded.sourceDocuments()).toEqual(await loadCorpus(corpus));
    expect(loaded.documents()).toEqual(fresh.documents());
    for (const { id, paragraphs } of fresh.documents()) {
      for (let n = 1; n <= paragraphs; n++) expect(loaded.passage(n, id)).toEqual(fresh.passage(n, id));
    }
    for (const question of questions) {
      expect(loaded.ask(question)).toEqual(fresh.ask(question));
      expect(loaded.search(question)).toEqual(fresh.search(question));
    }
    expect(warnings).toEqual([]);
  });

  it('rebuilds a stale snapshot when a corpus file changes', async () => {
    await load();
    const file = join(corpus, 'china-canada-cyber-agreement.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\nNorsat was later renamed Polaris.\n`);
    const engine = await load();
    expect(engine.origin).toMatchObject({ source: 'built', reason: 'the corpus has changed' });
    expect(engine.ask('What was Norsat renamed?').quotes[0]?.text).toContain('Polaris');
    expect((await load()).origin.source).toBe('snapshot');
    expect(warnings).toEqual([]);
  });

  it('rebuilds when the index options change, and when the snapshot comes from another version', async () => {
    await load();
    expect((await load({ candidates: 12 })).origin).toMatchObject({ source: 'built', reason: 'the index options have changed' });
    const file = await snapshotFile();
    const bytes = await readFile(file);
    await writeFile(file, Buffer.from(bytes.toString('latin1').replace('"version":"format ', '"version":"format 0 '), 'latin1'));
    expect((await load({ candidates: 12 })).origin).toMatchObject({ source: 'built', reason: 'it was written by another version' });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['truncated', async (file: string) => truncate(file, Math.floor((await readFile(file)).byteLength / 2)), /truncated/],
    ['flipped byte', async (file: string) => {
      const bytes = await readFile(file);
      const at = bytes.byteLength - 100;
      bytes[at] = (bytes[at] as number) ^ 0xff;
      await writeFile(file, bytes);
    }, /checksum/],
    ['not a snapshot', (file: string) => writeFile(file, 'hello\n'), /not a newsbot snapshot/],
    ['empty', (file: string) => writeFile(file, ''), /not a newsbot snapshot/],
    ['damaged header', async (file: string) => writeFile(file, 'newsbot-snapshot\n{"key":\n'), /header/],
  ])('rebuilds a damaged snapshot (%s) with one warning line, and saves a good one', async (_name, damage, reason) => {
    await load();
    await damage(await snapshotFile());
    const engine = await load();
    expect(engine.origin.source).toBe('built');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^newsbot: snapshot ".*\.snapshot" is damaged/);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).not.toContain('\n');
    expect(engine.ask('who bought Norsat?').answer).toBe((await smokeAnswer()).answer);
    expect((await load()).origin.source).toBe('snapshot');
  });

  it('never reads or writes a snapshot with cacheDir false', async () => {
    const engine = await load({ cacheDir: false });
    expect(engine.origin).toEqual({ source: 'built', reason: 'the cache is off' });
    expect(await readdir(dir)).toEqual(['articles']);
  });

  it('warns and still answers when the snapshot cannot be saved', async () => {
    await writeFile(cacheDir, 'a file where the cache folder should be');
    const engine = await load();
    expect(engine.origin).toMatchObject({ source: 'built' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^newsbot: cannot save snapshot /);
    expect(engine.ask('who bought Norsat?').answered).toBe(true);
  });

  it('reports progress while building, and none when loading', async () => {
    const seen: IndexProgress[] = [];
    await load({ onProgress: (progress) => seen.push(progress) });
    expect(seen.map((p) => p.phase)).toEqual(['chunk', 'index', 'done']);
    expect(seen.at(-1)).toMatchObject({ documents: 1, totalDocuments: 1 });
    expect(seen.at(-1)?.words).toBe(seen.at(-1)?.totalWords);
    expect(seen.at(-1)?.totalWords).toBeGreaterThan(400);
    seen.length = 0;
    await load({ onProgress: (progress) => seen.push(progress) });
    expect(seen).toEqual([]);
  });

  it('builds the same snapshot, with progress for every document, when a worker thread chunks part of the corpus', async () => {
    await writeFile(join(corpus, 'ferry.txt'), 'Council keeps the night ferry\n\nThe council voted on Thursday to keep the night ferry running.\n\nIt carries 300 passengers a night.\n');
    await writeFile(join(corpus, 'port.txt'), 'Port expands\n\nThe port will add two berths by 2028, its director said.\n');
    const seen: IndexProgress[] = [];
    const threaded = await load({ parallelMinChars: 0, onProgress: (progress) => seen.push(progress) });
    expect(workers.started).toBe(1);
    expect(seen.at(-1)).toMatchObject({ phase: 'done', documents: 3, totalDocuments: 3 });
    expect(seen.at(-1)?.words).toBe(seen.at(-1)?.totalWords);
    const bytes = await readFile(await snapshotFile());

    await rm(cacheDir, { recursive: true });
    const single = await load({ parallelMinChars: Infinity });
    expect(workers.started).toBe(1);
    expect((await readFile(await snapshotFile())).equals(bytes)).toBe(true);
    for (const question of [...QUESTIONS, 'How many passengers does the ferry carry?']) expect(threaded.ask(question)).toEqual(single.ask(question));
    expect(warnings).toEqual([]);
  });

  it('starts no worker thread for a corpus the size of an article', async () => {
    await load();
    expect(workers.started).toBe(0);
  });
});
