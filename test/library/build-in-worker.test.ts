import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine.js';
import { quoteValue } from '../../src/errors.js';
import { snapshotFile } from '../../src/index/cache.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { awaitWorker, WorkerBuilds, type BuildRequest } from '../../src/library/build-in-worker.js';
import type { SourceDocument } from '../../src/types.js';
import { refusal } from '../refusal.js';

const ferry: SourceDocument = {
  id: 'ferry',
  title: 'Council keeps the night ferry',
  paragraphs: ['The council voted on Thursday to keep the night ferry running through the winter.', 'The ferry carries about 300 passengers a night.'],
};

let documents: SourceDocument[];
let dir: string;
beforeAll(async () => {
  documents = [...(await loadCorpus()), ferry];
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbot-build-'));
});

const request = (overrides: Partial<BuildRequest> = {}): BuildRequest => ({ documents, options: {}, snapshot: join(dir, 'library'), cacheDir: dir, ...overrides });


describe('WorkerBuilds', () => {
  it('writes the snapshot the engine then loads, byte for byte the one it would build in this thread', async () => {
    const warnings: string[] = [];
    await new WorkerBuilds().build(request(), (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    const loaded = await Engine.fromDocumentsCached(documents, { snapshot: join(dir, 'library'), cacheDir: dir });
    expect(loaded.origin).toEqual({ source: 'snapshot', file: snapshotFile(dir, join(dir, 'library')) });

    const here = await mkdtemp(join(tmpdir(), 'newsbot-build-'));
    const built = await Engine.fromDocumentsCached(documents, { snapshot: join(here, 'library'), cacheDir: here });
    expect(built.origin.source).toBe('built');
    const bytes = (folder: string) => readFile(snapshotFile(folder, join(folder, 'library')));
    expect((await bytes(dir)).equals(await bytes(here))).toBe(true);
    expect(loaded.ask('How many passengers does the ferry carry?')).toEqual(built.ask('How many passengers does the ferry carry?'));
  });

  it('passes on the index cache’s warnings, such as a damaged snapshot it rebuilds', async () => {
    const file = snapshotFile(dir, join(dir, 'library'));
    await writeFile(file, 'not a snapshot');
    const warnings: string[] = [];
    await new WorkerBuilds().build(request(), (message) => warnings.push(message));
    expect(warnings).toEqual([`newsbot: snapshot ${quoteValue(file)} is damaged (not a newsbot snapshot); rebuilding it`]);
    expect((await Engine.fromDocumentsCached(documents, { snapshot: join(dir, 'library'), cacheDir: dir })).origin.source).toBe('snapshot');
  });

  it('says what the worker threw when the documents cannot be indexed', async () => {
    const broken = { id: 'broken', title: 'Broken', paragraphs: [42] } as unknown as SourceDocument;
    expect(await refusal(new WorkerBuilds().build(request({ documents: [broken] }), () => undefined))).toMatch(
      /^newsbot: cannot index this server's library: TypeError: The "data" argument must be of type string .*Received type number \(42\)$/,
    );
  });

  it('goes on with the builds queued after one that fails', async () => {
    const builds = new WorkerBuilds();
    const folders = await Promise.all([1, 2, 3].map(() => mkdtemp(join(tmpdir(), 'newsbot-build-'))));
    const broken = { id: 'broken', title: 'Broken', paragraphs: [42] } as unknown as SourceDocument;
    const results = await Promise.allSettled(
      folders.map((folder, i) => builds.build(request({ snapshot: join(folder, 'library'), cacheDir: folder, ...(i === 1 ? { documents: [broken] } : {}) }), () => undefined)),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

describe('awaitWorker', () => {
  it('reports a worker that dies with its exit code', async () => {
    expect(await refusal(awaitWorker(new Worker('process.exit(3)', { eval: true }), 10_000, () => undefined))).toBe(
      "newsbot: cannot index this server's library: the indexing worker stopped with exit code 3",
    );
  });

  it('stops a worker that runs out of time, and settles only once it is gone', async () => {
    const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
    let exited = false;
    worker.on('exit', () => (exited = true));
    expect(await refusal(awaitWorker(worker, 100, () => undefined))).toBe("newsbot: cannot index this server's library: indexing took longer than 0.1 s");
    expect(exited).toBe(true);
  });
});
