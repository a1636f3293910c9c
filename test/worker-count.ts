/**
 * Worker threads as they are, counted: for tests that check when the engine
 * starts one. In a test file:
 *
 *   vi.mock('../../src/worker.js', async (original) => (await import('../worker-count.js')).countingWorkers(original));
 *
 * and read (and reset) `workers.started`.
 */
import type * as WorkerModule from '../src/worker.js';

export const workers = { started: 0 };

export async function countingWorkers(importOriginal: () => Promise<unknown>): Promise<typeof WorkerModule> {
  const actual = (await importOriginal()) as typeof WorkerModule;
  return { ...actual, startWorker: (...args) => (workers.started++, actual.startWorker(...args)) };
}
