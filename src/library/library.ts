/**
 * A library per Discord server: the documents one server answers from. Every
 * server starts with the bundled documents and shares one engine for them
 * until it adds or removes something; from then on it has its own documents
 * (kept on disk, see `store.ts`) and its own engine, and no other server ever
 * sees them.
 *
 * Changes to one server's library run one at a time (a queue per server), and
 * each builds a whole new engine before swapping it in, so a question asked
 * meanwhile is answered from the library as it was before or after, never from
 * half of it. A change that fails (refused address, full library, an index that
 * cannot be built, disk error) leaves the library as it was, in memory and on disk.
 */
import { basename, extname, join } from 'node:path';
import { Engine, type EngineOptions } from '../engine.js';
import { NewsbotError, quoteValue } from '../errors.js';
import { snapshotIsFresh } from '../index/cache.js';
import { FORMATS } from '../ingest/load.js';
import { documentFromPage, loadUrl, slugify } from '../ingest/source.js';
import { fetchPage, formatBytes, DEFAULT_FETCH_LIMITS, TEXT_TYPES, type FetchOptions } from '../ingest/url.js';
import type { DocumentInfo, SourceDocument } from '../types.js';
import { DEFAULT_INDEXING, WorkerBuilds, type IndexingOptions } from './build-in-worker.js';
import { guildDir, readLibrary, writeLibrary, type StoredDocument, type StoredLibrary } from './store.js';

/** How much one server's library may hold. */
export interface LibraryLimits {
  /** Documents, the bundled ones included. Default 50 (`LIBRARY_MAX_DOCUMENTS`). */
  maxDocuments: number;
  /** Bytes of stored text, the bundled documents included. Default 20 MB (`LIBRARY_MAX_MB`). */
  maxBytes: number;
}

export const DEFAULT_LIBRARY_LIMITS: LibraryLimits = { maxDocuments: 50, maxBytes: 20 * 1024 * 1024 };

export interface LibrariesOptions {
  /** `DATA_DIR`: one folder per server under `guilds/`. */
  dataDir: string;
  /** The engine over the bundled documents, shared by every server that has not changed its library (and by DMs). */
  defaultEngine: Engine;
  /** The bundled documents themselves; read once, on a server's first change. */
  loadDefaults: () => Promise<SourceDocument[]>;
  limits?: Partial<LibraryLimits>;
  /** How URLs and attachments are fetched (`ALLOW_PRIVATE_URLS`, size, time). */
  fetch?: FetchOptions;
  engineOptions?: EngineOptions;
  /** Which libraries are indexed in a worker thread, and for how long at most (see `DEFAULT_INDEXING`). */
  indexing?: Partial<IndexingOptions>;
  /** Where a damaged index snapshot is reported. Default: nowhere (it is rebuilt either way). */
  onWarning?: (message: string) => void;
  now?: () => Date;
}

/** What to add: a web address, or a file attached to the command (downloaded from its attachment URL). */
export type AddRequest = { url: string } | { file: { name: string; url: string; size?: number } };

/** A document as `/library list` shows it. */
export interface LibraryEntry extends DocumentInfo {
  /** True for the bundled documents every server starts with. */
  bundled: boolean;
  /** When it was added (ISO 8601); absent for bundled documents. */
  addedAt?: string;
}

/** A server's library as a whole, for `/library list` and replies to changes. */
export interface LibrarySummary {
  documents: LibraryEntry[];
  bytes: number;
  limits: LibraryLimits;
}

interface GuildLibrary {
  stored: StoredLibrary;
  engine: Engine;
}

export class Libraries {
  readonly limits: LibraryLimits;
  private readonly indexing: IndexingOptions;
  private readonly builds: WorkerBuilds;
  private readonly states = new Map<string, Promise<GuildLibrary>>();
  private readonly queues = new Map<string, Promise<void>>();
  private defaults: Promise<SourceDocument[]> | undefined;

  constructor(private readonly options: LibrariesOptions) {
    this.limits = { ...DEFAULT_LIBRARY_LIMITS, ...options.limits };
    this.indexing = { ...DEFAULT_INDEXING, ...options.indexing };
    this.builds = new WorkerBuilds(this.indexing.timeoutMs);
  }

  /** The engine a server answers from (`null`: a DM, which gets the bundled documents). Loads the server's library on first use. */
  async engineFor(guildId: string | null): Promise<Engine> {
    if (guildId === null) return this.options.defaultEngine;
    return (await this.state(guildId)).engine;
  }

  /** The documents of a server's library, in the order answers search them. */
  async list(guildId: string): Promise<LibrarySummary> {
    return this.summarize(await this.state(guildId));
  }

  /**
   * Fetches a web address or an attached file and adds it to a server's
   * library. Throws a `NewsbotError` that says why when it cannot; the library
   * is then unchanged. Returns the new document and the library after.
   */
  async add(guildId: string, request: AddRequest): Promise<{ added: LibraryEntry; library: LibrarySummary }> {
    guildDir(this.options.dataDir, guildId);
    // Fetching can take seconds: do it before queueing, so one slow site does not hold up the server's other changes.
    const document = await this.ingest(request);
    return this.change(guildId, async (current) => {
      const documents = await this.documentsOf(current.stored);
      const duplicate = documents.find((d) => sameDocument(d, document));
      if (duplicate) throw new NewsbotError(`${quoteValue(document.meta?.url ?? document.source ?? document.title)} is already in this server's library, as ${quoteValue(duplicate.id)}`);
      if (documents.length >= this.limits.maxDocuments) {
        throw new NewsbotError(`this server's library is full: it holds ${documents.length} documents, the most allowed (LIBRARY_MAX_DOCUMENTS); remove one first`);
      }
      const bytes = sizeOf(documents);
      const size = sizeOfDocument(document);
      if (bytes + size > this.limits.maxBytes) {
        throw new NewsbotError(`${quoteValue(document.title)} (${formatBytes(size)}) does not fit: this server's library holds ${formatBytes(bytes)} of ${formatBytes(this.limits.maxBytes)} (LIBRARY_MAX_MB); remove a document first`);
      }
      const taken = new Set(documents.map((d) => d.id));
      let id = document.id;
      for (let n = 2; taken.has(id); n++) id = `${document.id.slice(0, 56)}-${n}`;
      const entry: StoredDocument = { addedAt: (this.options.now?.() ?? new Date()).toISOString(), document: { ...document, id } };
      return { stored: { ...current.stored, documents: [...current.stored.documents, entry] }, result: id };
    }).then(({ library, result }) => ({ added: library.documents.find((d) => d.id === result) as LibraryEntry, library }));
  }

  /** Removes a document (by id) from a server's library. Refuses to remove the last one: a library always has something to answer from. */
  async remove(guildId: string, documentId: string): Promise<{ removed: LibraryEntry; library: LibrarySummary }> {
    let removed: LibraryEntry | undefined;
    const { library } = await this.change(guildId, async (current) => {
      const before = this.summarize(current).documents;
      removed = before.find((d) => d.id === documentId);
      if (!removed) throw new NewsbotError(`there is no document ${quoteValue(documentId)} in this server's library; /library list shows the ids`);
      if (before.length === 1) throw new NewsbotError(`${quoteValue(removed.title)} is the last document of this server's library; add another before removing it`);
      const stored: StoredLibrary = removed.bundled
        ? { ...current.stored, removedDefaults: [...current.stored.removedDefaults, documentId] }
        : { ...current.stored, documents: current.stored.documents.filter((d) => d.document.id !== documentId) };
      return { stored, result: documentId };
    });
    return { removed: removed as LibraryEntry, library };
  }

  /** Fetches and parses what is to be added, outside the server's queue. */
  private async ingest(request: AddRequest): Promise<SourceDocument> {
    const fetchOptions = this.options.fetch ?? {};
    if ('url' in request) return loadUrl(request.url, fetchOptions);
    const { name, url, size } = request.file;
    const format = FORMATS[extname(name).toLowerCase()];
    if (!format) throw new NewsbotError(`file ${quoteValue(name)} is not a .txt, .md or .html file`);
    const maxBytes = fetchOptions.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
    if (size !== undefined && size > maxBytes) throw new NewsbotError(`file ${quoteValue(name)} is larger than ${formatBytes(maxBytes)} (${formatBytes(size)})`);
    // Discord's CDN may label a .md or .html upload as it likes: the file's extension decides the format; binary content is still refused.
    const page = await fetchPage(url, { ...fetchOptions, accept: (type) => type === '' || type === 'application/octet-stream' || type.startsWith('text/') || TEXT_TYPES.includes(type) });
    const id = slugify(basename(name, extname(name))) || 'document';
    // The attachment URL expires and carries signatures: the file name is the document's source, and no address is kept.
    return documentFromPage(page, { format, id, source: name, name: `file ${quoteValue(name)}`, keepAddress: false });
  }

  /**
   * Runs one change of a server's library in its queue: `decide` returns the
   * new stored library (or throws); the new engine is built, the file written,
   * and only then is the engine swapped in.
   */
  private change<T>(guildId: string, decide: (current: GuildLibrary) => Promise<{ stored: StoredLibrary; result: T }>): Promise<{ library: LibrarySummary; result: T }> {
    return this.serialize(guildId, async () => {
      const current = await this.state(guildId);
      const { stored, result } = await decide(current);
      const engine = await this.engineOf(guildId, stored);
      await writeLibrary(this.options.dataDir, guildId, stored);
      const next: GuildLibrary = { stored, engine };
      this.states.set(guildId, Promise.resolve(next));
      return { library: this.summarize(next), result };
    });
  }

  private serialize<T>(guildId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(guildId) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(guildId, settled);
    void settled.then(() => {
      if (this.queues.get(guildId) === settled) this.queues.delete(guildId);
    });
    return run;
  }

  /** A server's library, read from disk on first use (and again after a failed read). */
  private state(guildId: string): Promise<GuildLibrary> {
    let state = this.states.get(guildId);
    if (!state) {
      state = this.read(guildId);
      this.states.set(guildId, state);
      state.catch(() => {
        if (this.states.get(guildId) === state) this.states.delete(guildId);
      });
    }
    return state;
  }

  private async read(guildId: string): Promise<GuildLibrary> {
    const stored = (await readLibrary(this.options.dataDir, guildId)) ?? { version: 1, removedDefaults: [], documents: [] };
    return { stored, engine: await this.engineOf(guildId, stored) };
  }

  /**
   * The engine over a stored library: the shared default one when the library
   * is the bundled one, else its own, its index loaded from its snapshot. A
   * large library's snapshot, unless its header shows it fresh, is first built
   * in a worker thread, so this thread only loads it: a tenth of the work of building it.
   */
  private async engineOf(guildId: string, stored: StoredLibrary): Promise<Engine> {
    if (stored.documents.length === 0 && stored.removedDefaults.length === 0) return this.options.defaultEngine;
    const dir = guildDir(this.options.dataDir, guildId);
    const documents = await this.documentsOf(stored);
    const snapshot = join(dir, 'library');
    const onWarning = this.options.onWarning ?? (() => undefined);
    const options = this.options.engineOptions ?? {};
    // A fresh snapshot (the usual case after a restart) needs no worker: starting one only to read it costs a second at 5 MB.
    if (sizeOf(documents) >= this.indexing.workerMinBytes && !(await snapshotIsFresh(snapshot, documents, options, dir))) {
      await this.builds.build({ documents, options, snapshot, cacheDir: dir }, onWarning);
    }
    // Should the worker have failed to save the snapshot (it warned), this builds and tries to save it here after all.
    return Engine.fromDocumentsCached(documents, { ...this.options.engineOptions, snapshot, cacheDir: dir, onWarning });
  }

  /** The documents of a stored library: the bundled ones not removed (nor shadowed by an added one with the same id), then the added ones. */
  private async documentsOf(stored: StoredLibrary): Promise<SourceDocument[]> {
    this.defaults ??= this.options.loadDefaults();
    const added = stored.documents.map((d) => d.document);
    const addedIds = new Set(added.map((d) => d.id));
    const removed = new Set(stored.removedDefaults);
    return [...(await this.defaults).filter((d) => !removed.has(d.id) && !addedIds.has(d.id)), ...added];
  }

  private summarize(state: GuildLibrary): LibrarySummary {
    const addedAt = new Map(state.stored.documents.map((d) => [d.document.id, d.addedAt]));
    const sizes = new Map(state.stored.documents.map((d) => [d.document.id, sizeOfDocument(d.document)]));
    const documents = state.engine.documents().map((info): LibraryEntry => {
      const at = addedAt.get(info.id);
      return at === undefined ? { ...info, bundled: true } : { ...info, bundled: false, addedAt: at };
    });
    // Bundled documents are counted by their text as the engine holds it (title and paragraphs), like added ones.
    const bytes = documents.reduce((sum, d) => sum + (sizes.get(d.id) ?? 0), 0) + this.bundledBytes(state);
    return { documents, bytes, limits: this.limits };
  }

  private bundledBytes(state: GuildLibrary): number {
    const added = new Set(state.stored.documents.map((d) => d.document.id));
    let bytes = 0;
    for (const info of state.engine.documents()) {
      if (added.has(info.id)) continue;
      for (let n = 1; n <= info.paragraphs; n++) bytes += Buffer.byteLength(state.engine.passage(n, info.id).text);
      bytes += Buffer.byteLength(info.title);
    }
    return bytes;
  }
}

/** Bytes of a document's text (title, headings, tables' header rows and paragraphs): what the size cap counts. */
function sizeOfDocument(document: SourceDocument): number {
  const headings = (document.sections?.reduce((sum, s) => sum + Buffer.byteLength(s.heading), 0) ?? 0) + (document.labels?.reduce((sum, l) => sum + Buffer.byteLength(l.text), 0) ?? 0);
  return Buffer.byteLength(document.title) + headings + document.paragraphs.reduce((sum, p) => sum + Buffer.byteLength(p), 0);
}

function sizeOf(documents: readonly SourceDocument[]): number {
  return documents.reduce((sum, d) => sum + sizeOfDocument(d), 0);
}

/** The same article: the same canonical address, or the same title and text. */
function sameDocument(a: SourceDocument, b: SourceDocument): boolean {
  if (a.meta?.url !== undefined && a.meta.url === b.meta?.url) return true;
  return a.title === b.title && a.paragraphs.length === b.paragraphs.length && a.paragraphs.every((p, i) => p === b.paragraphs[i]);
}
