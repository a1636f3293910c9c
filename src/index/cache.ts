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
import { parseCorpus, type CorpusFile } from '../ingest/load.js';
import type { SourceDocument } from '../types.js';
import type { ChunkStore } from '../chunk/store.js';
import { chunkInThreads, indexFromParts, indexOf, partsOf, type CorpusIndex, type IndexProgress } from './corpus-index.js';
import { DEFAULT_INDEX_OPTIONS, type IndexOptions } from './search-index.js';
import { readSnapshot, snapshotMatches, writeSnapshot, type SnapshotKey } from './snapshot.js';
import type { IndexParts } from './corpus-index.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where snapshots go unless told otherwise: `.cache/newsbot/` in the project (git-ignored). */
export const DEFAULT_CACHE_DIR = resolve(HERE, '../../.cache/newsbot');

/** Bumped whenever the snapshot layout changes (3: no MiniSearch section, it is made from the columns; the documents of a corpus read from files). */
const SNAPSHOT_FORMAT = 3;

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

/**
 * What an index is made of: documents already in memory, or a corpus's files
 * read but not parsed. From files, the snapshot also keeps the parsed
 * documents, so a fresh one spares parsing the corpus again (a second at a
 * million words of Markdown); its key is then the files' own bytes.
 */
export type IndexSource = { documents: readonly SourceDocument[] } | { files: readonly CorpusFile[] };

/** Loads the index of a corpus (`corpus`: its path, naming the snapshot) from its snapshot, or builds and saves it. */
export async function loadIndex(
  corpus: string,
  source: IndexSource,
  options: IndexOptions,
  cache: CacheOptions,
): Promise<{ documents: readonly SourceDocument[]; index: CorpusIndex; origin: IndexOrigin }> {
  const found = await findSnapshot(corpus, source, options, cache);
  if (found.status === 'ok') return { documents: found.documents, index: indexFromParts(found.documents, found.parts, options), origin: found.origin };
  // From here on `source` is not used: a corpus's file texts can go once parsed.
  const withDocuments = 'files' in source;
  const documents = await documentsOf(source);
  let origin: IndexOrigin | undefined;
  const index = await chunkInThreads(documents, cache.onProgress, chunkingOf(cache), async (store) => {
    origin = await save(store, withDocuments, found, cache);
    return indexOf(store, options);
  });
  return { documents, index, origin: origin as IndexOrigin };
}

/**
 * What `npm run index` and a `/library` build do: make sure the snapshot of a
 * corpus is there and fresh, chunking the corpus and saving its snapshot when it
 * is not, without making the statistics and search index only answering needs.
 */
export async function saveIndex(corpus: string, source: IndexSource, options: IndexOptions, cache: CacheOptions): Promise<{ documents: number; origin: IndexOrigin }> {
  const found = await findSnapshot(corpus, source, options, cache);
  if (found.status === 'ok') return { documents: found.documents.length, origin: found.origin };
  const withDocuments = 'files' in source;
  const documents = await documentsOf(source);
  const origin = await chunkInThreads(documents, cache.onProgress, chunkingOf(cache), (store) => save(store, withDocuments, found, cache));
  return { documents: documents.length, origin };
}

type Found =
  | { status: 'ok'; documents: readonly SourceDocument[]; parts: IndexParts; origin: IndexOrigin }
  | { status: 'build'; reason: string; file?: string; key?: SnapshotKey };

/** The snapshot's parts (and documents) when it is fresh and whole; otherwise why it must be built, and where to save it. */
async function findSnapshot(corpus: string, source: IndexSource, options: IndexOptions, cache: CacheOptions): Promise<Found> {
  if (cache.cacheDir === false) return { status: 'build', reason: 'the cache is off' };
  const file = snapshotFile(cache.cacheDir, corpus);
  const key = snapshotKey(source, options);
  const found = await readSnapshot(file, key);
  const documents = found.status === 'ok' ? ('documents' in source ? source.documents : found.parts.documents) : undefined;
  if (found.status === 'ok' && documents) return { status: 'ok', documents, parts: found.parts, origin: { source: 'snapshot', file } };
  const reason = found.status === 'ok' ? 'it holds no documents' : found.status === 'missing' ? 'there was no snapshot' : found.reason;
  if (found.status === 'corrupt') cache.onWarning(`newsbot: snapshot ${quoteValue(file)} is damaged (${found.reason}); rebuilding it`);
  return { status: 'build', reason, file, key };
}

function documentsOf(source: IndexSource): Promise<readonly SourceDocument[]> {
  return 'documents' in source ? Promise.resolve(source.documents) : parseCorpus(source.files);
}

/** Saves the snapshot of freshly chunked documents where `findSnapshot` said (with the documents, when made from files); a failure to save is a warning. */
async function save(store: ChunkStore, withDocuments: boolean, found: Extract<Found, { status: 'build' }>, cache: CacheOptions): Promise<IndexOrigin> {
  const { reason, file, key } = found;
  if (file === undefined || key === undefined) return { source: 'built', reason };
  try {
    await writeSnapshot(file, key, { ...partsOf(store), ...(withDocuments ? { documents: store.documents } : {}) });
    return { source: 'built', file, reason };
  } catch (error) {
    cache.onWarning(`newsbot: cannot save snapshot ${quoteValue(file)}: ${error instanceof Error ? error.message : String(error)}`);
    return { source: 'built', reason };
  }
}

function chunkingOf(cache: CacheOptions): { onWarning: (message: string) => void; parallelMinChars?: number } {
  return { onWarning: cache.onWarning, ...(cache.parallelMinChars === undefined ? {} : { parallelMinChars: cache.parallelMinChars }) };
}

/** Whether `loadIndex` would find the snapshot of these documents fresh (judged by its header; the load still checks it all). */
export function snapshotIsFresh(corpus: string, documents: readonly SourceDocument[], options: IndexOptions, cacheDir: string): Promise<boolean> {
  return snapshotMatches(snapshotFile(cacheDir, corpus), snapshotKey({ documents }, options));
}

/** The snapshot of a corpus: named after it, with a hash of its full path so two folders of the same name do not collide. */
export function snapshotFile(cacheDir: string, corpus: string): string {
  const path = resolve(corpus);
  const name = basename(path).replace(/[^\w.-]+/g, '_') || 'corpus';
  return join(resolve(cacheDir), `${name}-${sha256(path).slice(0, 12)}.snapshot`);
}

/** What the snapshot of these documents (or files), built with these options by this code, must record. */
export function snapshotKey(source: IndexSource, options: IndexOptions): SnapshotKey {
  const corpus = createHash('sha256');
  if ('documents' in source) {
    for (const document of source.documents) {
      corpus.update(document.id).update('\0').update(document.title).update('\0');
      for (const paragraph of document.paragraphs) corpus.update(paragraph).update('\0');
      corpus.update('\x01');
    }
  } else {
    // Files: their path (a document's `source`), format and text; never equal to a key of documents.
    corpus.update('files\x02');
    for (const file of source.files) corpus.update(file.id).update('\0').update(file.path).update('\0').update(file.format).update('\0').update(file.text).update('\x01');
  }
  const settings = Object.fromEntries(Object.keys(DEFAULT_INDEX_OPTIONS).map((name) => [name, { ...DEFAULT_INDEX_OPTIONS, ...options }[name as keyof IndexOptions]]));
  return { version: engineVersion(), corpus: corpus.digest('hex'), options: sha256(JSON.stringify(settings)) };
}

let version: string | undefined;

/**
 * The version a snapshot records: its layout, the byte order of its columns,
 * the versions of the libraries that read, chunk and index, and a hash of the
 * code that does (`src/ingest`, `src/chunk`, `src/index`), so that a change to
 * any of them rebuilds the snapshot instead of answering from documents or
 * tokens the new code would not make.
 */
export function engineVersion(): string {
  if (version !== undefined) return version;
  const code = createHash('sha256');
  for (const folder of [join(HERE, '../ingest'), join(HERE, '../chunk'), HERE]) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts')).sort()) code.update(name).update(readFileSync(join(folder, name)));
  }
  const libraries = ['marked', '@mozilla/readability', 'linkedom', 'minisearch', 'wink-nlp', 'wink-eng-lite-web-model'].map((name) => `${name}@${packageVersion(name)}`);
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
