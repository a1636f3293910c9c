/**
 * The index cache: load an index from its snapshot when the snapshot matches
 * the corpus, the options and this version of newsbot; otherwise build it and
 * save a new snapshot.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { endianness } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteValue } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { buildIndexInThreads, indexFromParts, partsOf, type CorpusIndex, type IndexProgress } from './corpus-index.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from './search-index.js';
import { readSnapshot, snapshotMatches, writeSnapshot, type SnapshotKey } from './snapshot.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where snapshots go unless told otherwise: `.cache/newsbot/` in the project (git-ignored). */
export const DEFAULT_CACHE_DIR = resolve(HERE, '../../.cache/newsbot');

/** Bumped whenever the snapshot layout changes. */
const SNAPSHOT_FORMAT = 2;

/** Options of `loadIndex`. */
export interface CacheOptions {
  /** Folder of snapshots, or `false` to always build and never save. */
  cacheDir: string | false;
  /** Called with one line when a snapshot is damaged (and rebuilt) or cannot be saved. */
  onWarning: (message: string) => void;
  onProgress?: (progress: IndexProgress) => void;
  /** Corpora with at least this many characters are chunked in two threads (see `chunkCorpus`). Default `Infinity`: one thread. */
  parallelMinChars?: number;
}

/** Where the index came from. */
export type IndexOrigin =
  | { source: 'snapshot'; file: string }
  | { source: 'built'; file?: string; reason: string };

/** Loads the index of a corpus (`corpus`: its path, naming the snapshot) from its snapshot, or builds and saves it. */
export async function loadIndex(
  corpus: string,
  documents: readonly SourceDocument[],
  options: IndexOptions,
  cache: CacheOptions,
): Promise<{ index: CorpusIndex; origin: IndexOrigin }> {
  const build = (): Promise<CorpusIndex> =>
    buildIndexInThreads(documents, options, cache.onProgress, { onWarning: cache.onWarning, ...(cache.parallelMinChars === undefined ? {} : { parallelMinChars: cache.parallelMinChars }) });
  if (cache.cacheDir === false) return { index: await build(), origin: { source: 'built', reason: 'the cache is off' } };
  const file = snapshotFile(cache.cacheDir, corpus);
  const key = snapshotKey(documents, options);
  const found = await readSnapshot(file, key);
  if (found.status === 'ok') return { index: indexFromParts(documents, found.parts, options), origin: { source: 'snapshot', file } };
  if (found.status === 'corrupt') cache.onWarning(`newsbot: snapshot ${quoteValue(file)} is damaged (${found.reason}); rebuilding it`);
  const reason = found.status === 'missing' ? 'there was no snapshot' : found.reason;
  const index = await build();
  try {
    await writeSnapshot(file, key, partsOf(index));
    return { index, origin: { source: 'built', file, reason } };
  } catch (error) {
    cache.onWarning(`newsbot: cannot save snapshot ${quoteValue(file)}: ${error instanceof Error ? error.message : String(error)}`);
    return { index, origin: { source: 'built', reason } };
  }
}

/** Whether `loadIndex` would find the snapshot of these documents fresh (judged by its header; the load still checks it all). */
export function snapshotIsFresh(corpus: string, documents: readonly SourceDocument[], options: IndexOptions, cacheDir: string): Promise<boolean> {
  return snapshotMatches(snapshotFile(cacheDir, corpus), snapshotKey(documents, options));
}

/** The snapshot of a corpus: named after it, with a hash of its full path so two folders of the same name do not collide. */
export function snapshotFile(cacheDir: string, corpus: string): string {
  const path = resolve(corpus);
  const name = basename(path).replace(/[^\w.-]+/g, '_') || 'corpus';
  return join(resolve(cacheDir), `${name}-${sha256(path).slice(0, 12)}.snapshot`);
}

/** What the snapshot of these documents, built with these options by this code, must record. */
export function snapshotKey(documents: readonly SourceDocument[], options: IndexOptions): SnapshotKey {
  const corpus = createHash('sha256');
  for (const document of documents) {
    corpus.update(document.id).update('\0').update(document.title).update('\0');
    for (const paragraph of document.paragraphs) corpus.update(paragraph).update('\0');
    corpus.update('\x01');
  }
  const settings = Object.fromEntries(Object.keys(DEFAULT_INDEX_OPTIONS).map((name) => [name, { ...DEFAULT_INDEX_OPTIONS, ...options }[name as keyof IndexOptions]]));
  return { version: engineVersion(), corpus: corpus.digest('hex'), options: sha256(JSON.stringify(settings)) };
}

let version: string | undefined;

/**
 * The version a snapshot records: its layout, the byte order of its columns,
 * the versions of the libraries that chunk and index, and a hash of the code
 * that does (`src/chunk`, `src/index`), so that a change to any of them
 * rebuilds the snapshot instead of answering from tokens the new code would
 * not make.
 */
export function engineVersion(): string {
  if (version !== undefined) return version;
  const code = createHash('sha256');
  for (const folder of [join(HERE, '../chunk'), HERE]) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts')).sort()) code.update(name).update(readFileSync(join(folder, name)));
  }
  const libraries = ['minisearch', 'wink-nlp', 'wink-eng-lite-web-model'].map((name) => `${name}@${packageVersion(name)}`);
  version = [`format ${SNAPSHOT_FORMAT}`, endianness(), ...libraries, `code ${code.digest('hex').slice(0, 16)}`].join(' ');
  return version;
}

function packageVersion(name: string): string {
  try {
    const json = JSON.parse(readFileSync(resolve(HERE, '../../node_modules', name, 'package.json'), 'utf8')) as { version?: string };
    return json.version ?? '?';
  } catch {
    return '?';
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
