/**
 * What a chunking worker thread does (started by `chunkCorpus`): takes
 * documents from the end of the corpus, one at a time, until the two threads
 * have taken them all or it has none of those it was given left, then sends
 * back its columns, their buffers moved rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkBuilder, type ChunkParts } from './builder.js';
import { CLAIMED, WORKER_DONE, type ChunkRequest } from './parallel.js';

const { documents, first, counters: shared, chars } = workerData as ChunkRequest;
const counters = new Int32Array(shared);
const total = first + documents.length;
// This thread starts later and is expected to take the smaller part.
const builder = new ChunkBuilder(chars / 2);
// It claims a document only while it has one: once it has none left, the main thread takes the rest.
for (let taken = 0; taken < documents.length && Atomics.add(counters, CLAIMED, 1) < total; ) {
  const index = total - 1 - taken;
  builder.add(documents[index - first] as (typeof documents)[number], index);
  Atomics.store(counters, WORKER_DONE, ++taken);
}
const { columns, lexicon } = builder.finish();
const buffers = [...new Set(Object.values(columns).map((column: ArrayBufferView) => column.buffer as ArrayBuffer))];
parentPort?.postMessage({ columns, lexicon: lexicon.words() } satisfies ChunkParts, buffers);
