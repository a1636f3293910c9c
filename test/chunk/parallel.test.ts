import { Worker } from 'node:worker_threads';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLAIMED, chunkCorpus, WORKER_DONE, type ChunkRequest } from '../../src/chunk/parallel.js';
import { ChunkStore } from '../../src/chunk/store.js';
import type { SourceDocument } from '../../src/index.js';
import { squadSample } from '../index/squad-sample.js';

// Worker threads as they are, this thread held until the worker has chunked `WORKER_SHARE` documents (or, with
// `hold.all`, every document it was given) so that the worker takes part however the machine schedules it; or
// (`broken.claimed > 0`) one that has taken that many documents from the end, chunked one of them, and then fails.
const WORKER_SHARE = 10;
const broken = vi.hoisted(() => ({ claimed: 0 }));
const hold = vi.hoisted(() => ({ all: false, given: 0 }));
// The machine's cores as chunkCorpus sees them.
const machine = vi.hoisted(() => ({ cores: 2 }));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => machine.cores }));
const started = vi.hoisted(() => ({ workers: 0, workerChunked: 0 }));
vi.mock('../../src/worker.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/worker.js')>();
  return {
    ...actual,
    startWorker: async (module: URL, options: { workerData: ChunkRequest }) => {
      started.workers++;
      const counters = new Int32Array(options.workerData.counters);
      if (broken.claimed === 0) {
        const worker = await actual.startWorker(module, options);
        hold.given = options.workerData.documents.length;
        const wanted = hold.all ? hold.given : WORKER_SHARE;
        const deadline = Date.now() + 20_000;
        while (Atomics.load(counters, WORKER_DONE) < wanted && Date.now() < deadline) Atomics.wait(counters, WORKER_DONE, Atomics.load(counters, WORKER_DONE), 50);
        started.workerChunked = Atomics.load(counters, WORKER_DONE);
        return worker;
      }
      Atomics.add(counters, CLAIMED, broken.claimed);
      Atomics.store(counters, WORKER_DONE, 1);
      return new Worker('throw new Error("out of memory")', { eval: true });
    },
  };
});

let documents: SourceDocument[];
let serial: ChunkStore;
beforeAll(async () => {
  const { documents: articles } = await squadSample();
  documents = articles.flatMap((a) => a.paragraphs.map((paragraph, p) => ({ id: `${a.id}-${p}`, title: a.title, paragraphs: [paragraph] })));
  serial = ChunkStore.build(documents);
});
beforeEach(() => {
  machine.cores = 2;
  broken.claimed = 0;
  hold.all = false;
  started.workers = 0;
  started.workerChunked = 0;
});

const sameStore = (store: ChunkStore): void => {
  expect(store.columns).toEqual(serial.columns);
  expect(store.lexicon.words()).toEqual(serial.lexicon.words());
};

describe('chunkCorpus', () => {
  it('gives the store of one thread when a worker thread takes part of the corpus, and reports each document once', async () => {
    const reported: number[] = [];
    const store = await chunkCorpus(documents, { parallelMinChars: 0, onDocument: (d) => reported.push(d), onWarning: (line) => expect.fail(line) });
    expect(started.workers).toBe(1);
    sameStore(store);
    expect(started.workerChunked).toBeGreaterThanOrEqual(WORKER_SHARE);
    expect(reported.sort((a, b) => a - b)).toEqual(documents.map((_, d) => d));
  });

  it('chunks the rest in this thread once the worker has chunked every document it was given', async () => {
    hold.all = true;
    const reported: number[] = [];
    const store = await chunkCorpus(documents, { parallelMinChars: 0, onDocument: (d) => reported.push(d), onWarning: (line) => expect.fail(line) });
    // The worker is given the last documents, not all of them: there is always a part only this thread chunks.
    expect(hold.given).toBeGreaterThan(0);
    expect(hold.given).toBeLessThan(documents.length);
    expect(started.workerChunked).toBe(hold.given);
    sameStore(store);
    expect(reported.sort((a, b) => a - b)).toEqual(documents.map((_, d) => d));
  });

  it('chunks in this thread alone, without starting a worker, below the size that pays for one', async () => {
    sameStore(await chunkCorpus(documents));
    sameStore(await chunkCorpus(documents, { parallelMinChars: 1_000_000 }));
    expect(started.workers).toBe(0);
  });

  it('chunks in this thread alone on a machine with one core', async () => {
    machine.cores = 1;
    sameStore(await chunkCorpus(documents, { parallelMinChars: 0 }));
    expect(started.workers).toBe(0);
  });

  it('chunks the documents of a worker that fails here, with one warning, and still reports each document once', async () => {
    broken.claimed = 5;
    const warnings: string[] = [];
    const reported: number[] = [];
    const store = await chunkCorpus(documents, { parallelMinChars: 0, onDocument: (d) => reported.push(d), onWarning: (line) => warnings.push(line) });
    expect(warnings).toEqual(['newsbot: the chunking worker thread failed (out of memory); chunking its documents in this thread']);
    sameStore(store);
    expect(reported.sort((a, b) => a - b)).toEqual(documents.map((_, d) => d));
  });
});
