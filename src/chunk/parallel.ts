/**
 * Chunking a large corpus in two threads. wink-nlp's analysis is most of the
 * time an index takes to build (about 5 of 6 s at a million words) and runs on
 * one core; a worker thread takes documents from the end of the corpus while
 * this one takes them from the start, so each does what its core manages,
 * however busy the machine, and the two parts join into the columns a single
 * thread makes.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { SourceDocument } from '../types.js';
import { firstMessage, startWorker } from '../worker.js';
import { ChunkBuilder, type ChunkParts } from './builder.js';
import { ChunkStore, paragraphChars } from './store.js';

/** Options of `chunkCorpus`. */
export interface ChunkingOptions {
  /**
   * Corpora with at least this many characters of paragraphs are chunked in two
   * threads (on a machine with two cores or more); smaller ones in this thread
   * alone. `Infinity`: always one thread. Default `Infinity`.
   */
  parallelMinChars?: number;
  /** Called once for each document when it is chunked, with its index; in no set order when two threads chunk. */
  onDocument?: (index: number) => void;
  /** Called with one line when the worker thread fails and this thread chunks its documents instead. Default: the line on stderr. */
  onWarning?: (message: string) => void;
}

/**
 * Below about a million characters (a few seconds of chunking) a worker is not
 * worth its start, a third of a second, and the 50 MB its own language model
 * and heap take.
 */
export const PARALLEL_MIN_CHARS = 1_000_000;

/**
 * The worker's young generation, in MB. V8's default (32 MB of semi-spaces)
 * is a third of the worker's heap; chunking keeps few objects alive for long,
 * and measured as fast with 1 MB semi-spaces as with 16 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 3;

/** What the worker is given: the documents it may take (from the end), and the counters both threads share. */
export interface ChunkRequest {
  /** The last documents of the corpus, from number `first` on. */
  documents: readonly SourceDocument[];
  first: number;
  /** An `Int32Array`'s buffer: documents taken by either thread (`CLAIMED`), and chunked by the worker (`WORKER_DONE`). */
  counters: SharedArrayBuffer;
  /** Characters of paragraphs in the corpus. */
  chars: number;
}

export const CLAIMED = 0;
export const WORKER_DONE = 1;

/**
 * The most of the corpus's characters the worker may take. It starts about
 * 0.4 s late and has never taken more than 55% here; copying it only the
 * documents it may take spares the copy (and the memory) of the rest.
 */
const WORKER_MAX_SHARE = 0.7;

/** The number of the first of the last documents that hold at most `chars` characters. */
function firstOfLast(documents: readonly SourceDocument[], chars: number): number {
  let first = documents.length;
  for (let sum = 0; first > 0; first--) {
    sum += paragraphChars([documents[first - 1] as SourceDocument]);
    if (sum > chars) break;
  }
  return first;
}

const CHUNK_WORKER = new URL('./chunk-worker.ts', import.meta.url);

/** Cuts every paragraph of every document into sentences and tokens: the same store in one thread or two. */
export async function chunkCorpus(documents: readonly SourceDocument[], options: ChunkingOptions = {}): Promise<ChunkStore> {
  const { parallelMinChars = Infinity, onDocument, onWarning = (line) => process.stderr.write(`${line}\n`) } = options;
  const chars = paragraphChars(documents);
  if (chars < parallelMinChars || documents.length < 2 || availableParallelism() < 2) return ChunkStore.build(documents, onDocument);

  const counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const first = firstOfLast(documents, WORKER_MAX_SHARE * chars);
  let worker: Worker;
  try {
    worker = await startWorker(CHUNK_WORKER, {
      workerData: { documents: documents.slice(first), first, counters: counters.buffer as SharedArrayBuffer, chars } satisfies ChunkRequest,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  } catch (error) {
    onWarning(`newsbot: cannot start the chunking worker thread (${error instanceof Error ? error.message : String(error)}); chunking in this thread alone`);
    return ChunkStore.build(documents, onDocument);
  }
  // Awaited only once this thread has chunked its own part.
  const parts = firstMessage<ChunkParts>(worker);
  const builder = new ChunkBuilder(chars);
  // The worker's documents are the last ones, taken from the end: its n-th is document `length - n`.
  let reported = 0;
  const reportWorker = (): void => {
    for (const done = Atomics.load(counters, WORKER_DONE); reported < done; reported++) onDocument?.(documents.length - 1 - reported);
  };
  let mine = 0;
  const poll = setInterval(reportWorker, 100);
  try {
    for (; Atomics.add(counters, CLAIMED, 1) < documents.length; mine++) {
      builder.add(documents[mine] as SourceDocument, mine);
      onDocument?.(mine);
      reportWorker();
    }
    const received = await parts.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    // Its memory (a language model, a heap) is given back before its columns are appended, where memory peaks.
    await worker.terminate();
    if (received instanceof Error) {
      onWarning(`newsbot: the chunking worker thread failed (${received.message}); chunking its documents in this thread`);
      for (let d = mine; d < documents.length; d++) {
        builder.add(documents[d] as SourceDocument, d);
        if (d < documents.length - reported) onDocument?.(d);
      }
    } else {
      builder.append(received);
      reportWorker();
    }
  } finally {
    clearInterval(poll);
    // Also when this thread's own chunking failed; a second call is a no-op.
    await worker.terminate();
  }
  const { columns, lexicon } = builder.finish();
  return new ChunkStore(documents, columns, lexicon);
}
