import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle as bundleOf } from '../src/bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The fixtures' bundles are written beside the project's: removed when done.
const made: URL[] = [];
const bundle = async (entry: string): Promise<URL> => {
  const url = await bundleOf(entry);
  made.push(url);
  return url;
};
afterAll(async () => {
  for (const url of made) await rm(url, { force: true });
});

/** A module that imports another of its folder, each reporting its own `import.meta.url`. */
async function fixture(): Promise<{ entry: string; helper: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'bundle-'));
  const entry = join(folder, 'entry.ts');
  const helper = join(folder, 'helper.ts');
  await writeFile(helper, 'export const helperUrl: string = import.meta.url;\n');
  await writeFile(entry, "import { helperUrl } from './helper.js';\nexport { helperUrl };\nexport const entryUrl: string = import.meta.url;\n");
  return { entry, helper };
}

describe('bundle', () => {
  it("keeps each module's import.meta.url its source file's, so paths found from it still point at the sources", async () => {
    const { entry, helper } = await fixture();
    const made = await bundle(entry);
    const loaded = (await import(made.href)) as { entryUrl: string; helperUrl: string };
    expect(loaded.entryUrl).toBe(pathToFileURL(entry).href);
    expect(loaded.helperUrl).toBe(pathToFileURL(helper).href);
  });

  it('names the bundle by its content: the same sources give the same file, changed ones another', async () => {
    const { entry, helper } = await fixture();
    const first = await bundle(entry);
    expect((await bundle(entry)).href).toBe(first.href);
    await writeFile(helper, 'export const helperUrl: string = "changed";\n');
    const second = await bundle(entry);
    expect(second.href).not.toBe(first.href);
    expect(await readFile(second, 'utf8')).toContain('"changed"');
    // The older bundle of the same module is gone.
    await expect(readFile(first, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('scripts/run.mjs', () => {
  it('says in one line which entry point it cannot start, and exits 1', async () => {
    const failed = await promisify(execFile)(process.execPath, ['scripts/run.mjs', 'src/cli/missing.ts'], { cwd: ROOT }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stderr).toBe(`newsbot: cannot start "src/cli/missing.ts": Could not resolve "${join(ROOT, 'src/cli/missing.ts')}"\n`);
  });
});
