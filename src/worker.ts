import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { bundle } from './bundle.mjs';

/** A module's bundle, made once per process. */
const bundles = new Map<string, Promise<URL>>();

/**
 * A worker thread running the TypeScript module at `module` (`new URL('./x.ts', import.meta.url)`), which reads `workerData`.
 *
 * It runs the module's bundle (`bundle.mjs`), not the module through tsx: a
 * worker that loads tsx gets a loader thread of its own (Node 20 does not share
 * the parent's with a worker, nodejs/node#47747), about 20 MB and a fifth of a
 * second more per worker, and under vitest there is no tsx to pass on.
 */
export async function startWorker(module: URL, options: Pick<WorkerOptions, 'workerData' | 'transferList' | 'resourceLimits'> = {}): Promise<Worker> {
  let made = bundles.get(module.href);
  if (made === undefined) {
    made = bundle(fileURLToPath(module));
    bundles.set(module.href, made);
    // A failed bundle is tried again by the next start.
    made.catch(() => bundles.delete(module.href));
  }
  return new Worker(await made, { ...options, execArgv: [] });
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
