import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** A worker thread running the TypeScript module at `module` (`new URL('./x.ts', import.meta.url)`), which reads `workerData`. */
export function startWorker(module: URL, options: Pick<WorkerOptions, 'workerData' | 'transferList' | 'resourceLimits'> = {}): Worker {
  return new Worker(ENTRY, { ...options, argv: [module.href], execArgv: [] });
}
