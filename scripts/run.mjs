/**
 * `node scripts/run.mjs FILE.ts [ARGS...]`: how npm runs the command-line entry
 * points. It bundles FILE.ts with esbuild (`src/bundle.mjs`, about 0.1 s) and
 * runs the bundle as if FILE.ts had been started. Why not tsx, as the bot is
 * run: tsx's loader runs in a thread of its own in every process, about 35 MB,
 * and a million words of `npm run index` must fit in 400 MB. When the bundle
 * cannot be written (a read-only `node_modules`), FILE.ts runs through tsx.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from '../src/bundle.mjs';

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write('usage: node scripts/run.mjs FILE.ts [ARGS...]\n');
  process.exit(2);
}
const file = resolve(entry);
// The entry point checks that it is the file node was started with.
process.argv = [process.argv[0], file, ...args];
const made = await bundle(file).catch(async (error) => {
  // esbuild's own message is "Build failed with 1 error"; what failed is in `errors`.
  if (Array.isArray(error?.errors)) {
    process.stderr.write(`newsbot: cannot start "${entry}": ${error.errors[0]?.text ?? error.message}\n`);
    process.exit(1);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return pathToFileURL(file);
});
await import(made.href);
