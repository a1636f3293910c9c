import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

// The bundler as it is, or (with `unwritable.on`) failing as it does where node_modules is read-only.
const unwritable = vi.hoisted(() => ({ on: false, calls: 0, made: [] as URL[] }));
vi.mock('../src/bundle.mjs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/bundle.mjs')>();
  return {
    bundle: async (entry: string) => {
      unwritable.calls++;
      if (unwritable.on) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      const url = await actual.bundle(entry);
      unwritable.made.push(url);
      return url;
    },
  };
});
const { firstMessage, startWorker } = await import('../src/worker.js');

/** A TypeScript worker module that answers with twice its `workerData`. */
async function doubler(): Promise<URL> {
  const folder = await mkdtemp(join(tmpdir(), 'worker-'));
  // An ES module, as this project's are.
  await writeFile(join(folder, 'package.json'), '{ "type": "module" }\n');
  const file = join(folder, 'double.ts');
  await writeFile(file, "import { parentPort, workerData } from 'node:worker_threads';\nconst n: number = workerData;\nparentPort?.postMessage(n * 2);\n");
  return pathToFileURL(file);
}

describe('worker', () => {
  // The fixture's bundle is written beside the project's: removed when done.
  afterAll(async () => {
    for (const url of unwritable.made) await rm(url, { force: true });
  });

  afterEach(() => {
    unwritable.on = false;
    unwritable.calls = 0;
  });

  it('runs a TypeScript module from its bundle, made once however many workers start', async () => {
    const module = await doubler();
    const answers = await Promise.all([1, 2, 3].map(async (n) => firstMessage<number>(await startWorker(module, { workerData: n }))));
    expect(answers).toEqual([2, 4, 6]);
    expect(unwritable.calls).toBe(1);
  });

  it('runs the module through tsx when no bundle can be written', async () => {
    unwritable.on = true;
    const worker = await startWorker(await doubler(), { workerData: 21 });
    expect(await firstMessage<number>(worker)).toBe(42);
  });
});
