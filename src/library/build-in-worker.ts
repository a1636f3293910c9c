/**
 * Indexing a library in a worker thread. Chunking takes about 1 ms per KB of
 * text, all of it synchronous, so indexing a large library in the bot's own
 * thread would leave every server's interactions unanswered for seconds
 * (Discord wants a first response within 3 s). The worker builds the index and
 * writes its snapshot; the bot's thread then only loads that snapshot, about a
 * tenth of the work (measured: 1 MB of text takes 0.95 s to build, 0.11 s to load).
 */
import type { Worker } from 'node:worker_threads';
import { NewsbotError } from '../errors.js';
import type { IndexOptions } from '../index/search-index.js';
import type { SourceDocument } from '../types.js';
import { startWorker } from '../worker.js';

/** Where and for how long a library is indexed. */
export interface IndexingOptions {
  /**
   * Bytes of text (titles and paragraphs) from which a library is indexed in a
   * worker thread; a smaller one is indexed in the bot's thread. Default 64 KB.
   */
  workerMinBytes: number;
  /**
   * Milliseconds a worker may index before it is stopped and the change
   * refused, so a document that would take hours cannot hold up the server's
   * library, nor the builds queued after it. Default 120,000 (two minutes).
   */
  timeoutMs: number;
}

/** The defaults of `IndexingOptions`, and why. */
export const DEFAULT_INDEXING: IndexingOptions = {
  // A worker takes about 350 ms to start (tsx, the modules, wink-nlp's model) before it indexes anything; below
  // 64 KB the build itself takes under about 65 ms, close to the bot's p99 latency target (50 ms), so building
  // here holds other servers up no longer than a busy moment and answers the change sooner than a worker would.
  workerMinBytes: 64 * 1024,
  // A full library (LIBRARY_MAX_MB, 20 MB) is built and saved in a worker in about 23 s here: five times that for
  // slower or busier machines.
  timeoutMs: 120_000,
};

/** What a worker indexes: the documents and the snapshot as `Engine.fromDocumentsCached` takes them, so it then finds the snapshot fresh. */
export interface BuildRequest {
  documents: readonly SourceDocument[];
  options: IndexOptions;
  /** The name the snapshot is kept under (`loadIndex`'s `corpus`). */
  snapshot: string;
  cacheDir: string;
}

/** What a worker sends back: each warning of the index cache (a damaged snapshot, one that cannot be saved). */
export interface BuildMessage {
  warning: string;
}

const BUILD_WORKER = new URL('./build-worker.ts', import.meta.url);

/**
 * Builds library snapshots in worker threads, one at a time: a build keeps a
 * core busy and needs up to a few hundred MB, and the bot's own thread must
 * keep a core to answer every server.
 */
export class WorkerBuilds {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly timeoutMs: number = DEFAULT_INDEXING.timeoutMs) {}

  /**
   * Builds and saves the snapshot of `request` in a new worker, once the builds
   * asked for before are over. Throws a `NewsbotError` when the worker fails,
   * dies or runs out of time; the worker is gone by then.
   */
  build(request: BuildRequest, onWarning: (message: string) => void): Promise<void> {
    // A worker per build rather than one kept waiting: builds are rare, and its memory goes with it.
    const run = this.queue.then(async () => {
      const worker = await startWorker(BUILD_WORKER, { workerData: request }).catch((error: unknown) => {
        throw new NewsbotError(`cannot index this server's library: cannot start a worker thread (${error instanceof Error ? error.message : String(error)})`);
      });
      return awaitWorker(worker, this.timeoutMs, onWarning);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * Waits until a build worker has exited, passing its warnings on, and stops it
 * after `timeoutMs`. Resolves when it ended normally; otherwise throws a
 * `NewsbotError` saying what it threw, how it exited, or that it ran out of time.
 */
export function awaitWorker(worker: Worker, timeoutMs: number, onWarning: (message: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure ??= `indexing took longer than ${timeoutMs / 1000} s`;
      void worker.terminate();
    }, timeoutMs);
    worker.on('message', (message: BuildMessage) => onWarning(message.warning));
    worker.on('error', (error) => {
      failure ??= String(error);
    });
    // Settled on exit only, even after an error or the timeout, so no worker outlives its build.
    worker.on('exit', (code) => {
      clearTimeout(timer);
      if (failure === undefined && code !== 0) failure = `the indexing worker stopped with exit code ${code}`;
      if (failure === undefined) resolve();
      else reject(new NewsbotError(`cannot index this server's library: ${failure}`));
    });
  });
}
