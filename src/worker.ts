import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { bundle } from './bundle.mjs';

/** A module's bundle, made once per process (`undefined`: it could not be made, and the worker loads tsx). */
const bundles = new Map<string, Promise<URL | undefined>>();

/** Runs a worker's TypeScript through tsx: the way when no bundle can be written (a read-only `node_modules`). */
const TSX_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * A worker thread running the TypeScript module at `module` (`new URL('./x.ts', import.meta.url)`), which reads `workerData`.
 *
 * It runs the module's bundle (`bundle.mjs`), not the module through tsx: a
 * worker that loads tsx gets a loader thread of its own (Node 20 does not share
 * the parent's with a worker, nodejs/node#47747), about 20 MB and a fifth of a
 * second more per worker. When the bundle cannot be made (the project's
 * `node_modules` is read-only, as in some containers), the worker loads tsx.
 */
export async function startWorker(module: URL, options: Pick<WorkerOptions, 'workerData' | 'transferList' | 'resourceLimits'> = {}): Promise<Worker> {
  let made = bundles.get(module.href);
  if (made === undefined) {
    made = bundle(fileURLToPath(module)).catch(() => undefined);
    bundles.set(module.href, made);
  }
  const bundled = await made;
  return bundled ? new Worker(bundled, { ...options, execArgv: [] }) : new Worker(TSX_ENTRY, { ...options, argv: [module.href], execArgv: [] });
}

/**
 * The first message a worker sends: its result. Rejects with an `Error`
 * saying why when the worker throws, exits without one, or (with `timeoutMs`)
 * takes longer, in which case it is stopped. A rejection before the caller
 * awaits is not reported as unhandled.
 */
export function firstMessage<T>(worker: Worker, timeoutMs?: number): Promise<T> {
  const message = new Promise<T>((resolve, reject) => {
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      reject(new Error(`it took longer than ${timeoutMs / 1000} s`));
      void worker.terminate();
    }, timeoutMs);
    const settle = (): void => clearTimeout(timer);
    worker.once('message', (value: T) => (settle(), resolve(value)));
    worker.once('error', (error) => (settle(), reject(error)));
    worker.once('exit', (code) => (settle(), reject(new Error(`it stopped with exit code ${code}`))));
  });
  message.catch(() => undefined);
  return message;
}
