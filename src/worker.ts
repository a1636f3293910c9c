import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** A worker thread running the TypeScript module at `module` (`new URL('./x.ts', import.meta.url)`), which reads `workerData`. */
export function startWorker(module: URL, options: Pick<WorkerOptions, 'workerData' | 'transferList' | 'resourceLimits'> = {}): Worker {
  return new Worker(ENTRY, { ...options, argv: [module.href], execArgv: [] });
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
