// JavaScript, not TypeScript: the launcher (`scripts/run.mjs`) runs it before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Inside the project's `node_modules`, so that a bundle's package imports resolve as its sources' do. */
const BUNDLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules/.cache/newsbot');

/**
 * Bundles a TypeScript module and what it imports from this project into one
 * JavaScript file (packages stay imports) and returns the file's URL. The file
 * is named by the module and its content, so a start always runs the sources
 * as they are now, two processes starting at once write the same bytes, and
 * older bundles of the module can go. Each module's `import.meta.url` stays its
 * source file's, as the paths it finds its data by (models, WordNet, the
 * corpus) expect.
 * @param {string} entry the module's path
 * @returns {Promise<URL>}
 */
export async function bundle(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [sourceUrls],
  });
  const code = result.outputFiles[0].text;
  // Named by the module (two `index.ts` of different folders apart) and by the code.
  const name = `${basename(entry, '.ts')}-${createHash('sha256').update(resolve(entry)).digest('hex').slice(0, 8)}`;
  const file = join(BUNDLE_DIR, `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if ((await readFile(file, 'utf8').catch(() => undefined)) !== code) {
    await mkdir(BUNDLE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, code);
    await rename(temporary, file);
    // The same module's bundles of older sources go: one file per module, however often the sources change.
    for (const other of await readdir(BUNDLE_DIR)) {
      if (other.startsWith(`${name}-`) && other.endsWith('.mjs') && join(BUNDLE_DIR, other) !== file) await rm(join(BUNDLE_DIR, other), { force: true });
    }
  }
  return pathToFileURL(file);
}

/** @type {import('esbuild').Plugin} */
const sourceUrls = {
  name: 'newsbot-source-urls',
  setup(plugin) {
    plugin.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};
