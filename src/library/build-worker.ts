/**
 * What an indexing worker thread does (started by `WorkerBuilds` through
 * `startWorker`): chunks the documents it is given and
 * writes their snapshot, or finds that snapshot already fresh, exactly as
 * `Engine.fromDocumentsCached` would in the bot's thread. Warnings go back as
 * messages; an error ends the worker, and `WorkerBuilds` reports it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { saveIndex } from '../index/cache.js';
import type { BuildMessage, BuildRequest } from './build-in-worker.js';

const { documents, options, snapshot, cacheDir } = workerData as BuildRequest;
const onWarning = (warning: string): void => parentPort?.postMessage({ warning } satisfies BuildMessage);
await saveIndex(snapshot, { documents }, options, { cacheDir, onWarning });
