/**
 * The snapshot file: a saved index, so a process can start without chunking the
 * corpus again. Layout: a magic line, a one-line JSON header (what the snapshot
 * was built from, its sections and their SHA-256), then the sections' bytes:
 * the chunk columns as raw typed arrays (in the machine's byte order, which the
 * snapshot's version records), the lexicon and, when the snapshot has them,
 * the documents as UTF-8 JSON. The MiniSearch
 * index is not saved: it is made from the columns on loading (`miniSearchOf`),
 * faster and in less memory than parsing its JSON.
 *
 * Each column is read from the file straight into its own typed array, so the
 * file is never held whole beside the columns made of it.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ChunkColumns } from '../chunk/store.js';
import type { SourceDocument } from '../types.js';
import type { IndexParts } from './corpus-index.js';

const MAGIC = 'newsbot-snapshot';

/** What a snapshot must have been built from to be used; any difference means it is stale. */
export interface SnapshotKey {
  /** The snapshot layout and the code and libraries that chunk and index. */
  version: string;
  /** Hash of the corpus's documents. */
  corpus: string;
  /** Hash of the index options. */
  options: string;
}

/** What reading a snapshot found. Only `corrupt` is worth a warning: the others are the normal life of a cache. */
export type SnapshotRead =
  | { status: 'ok'; parts: IndexParts }
  | { status: 'missing' }
  | { status: 'stale'; reason: string }
  | { status: 'corrupt'; reason: string };

type ColumnType = typeof Uint8Array | typeof Uint16Array | typeof Uint32Array;
const CHUNK_COLUMNS: Record<keyof ChunkColumns, ColumnType> = {
  chunkDocument: Uint32Array, chunkParagraph: Uint32Array, chunkStart: Uint32Array, chunkEnd: Uint32Array, chunkTokens: Uint32Array,
  tokenStart: Uint32Array, tokenEnd: Uint32Array, tokenPos: Uint8Array, tokenTerm: Uint32Array, tokenWord: Uint32Array,
  tokenStem: Uint32Array, tokenEntity: Uint32Array,
};

interface Header {
  key: SnapshotKey;
  sections: Array<{ name: string; bytes: number }>;
  sha256: string;
}

/**
 * Writes a snapshot atomically: to a temporary file in the same folder, then
 * renamed over the old one, so a crash mid-write leaves the old snapshot whole.
 */
export async function writeSnapshot(file: string, key: SnapshotKey, parts: IndexParts): Promise<void> {
  const bytesOf = (column: ArrayBufferView): Uint8Array => new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  const sections: Array<{ name: string; data: Uint8Array[] }> = [
    ...Object.keys(CHUNK_COLUMNS).map((name) => ({ name, data: [bytesOf(parts.columns[name as keyof ChunkColumns])] })),
    { name: 'lexicon', data: [Buffer.from(JSON.stringify(parts.lexicon))] },
    ...(parts.documents ? [{ name: 'documents', data: [Buffer.from(JSON.stringify(parts.documents))] }] : []),
  ];
  const hash = createHash('sha256');
  for (const section of sections) for (const piece of section.data) hash.update(piece);
  const header: Header = {
    key,
    sections: sections.map((s) => ({ name: s.name, bytes: s.data.reduce((sum, piece) => sum + piece.byteLength, 0) })),
    sha256: hash.digest('hex'),
  };
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, [Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`), ...sections.flatMap((s) => s.data)]);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  await removeLeftovers(file);
}

/**
 * A temporary file this old belongs to no writer still at work: writing takes
 * seconds, and an indexing worker is stopped after two minutes.
 */
const LEFTOVER_MS = 10 * 60_000;

/**
 * Removes the temporary files of `file` that a writer left when it was stopped
 * mid-write (a worker past its time, a crash): each is as large as the snapshot.
 */
async function removeLeftovers(file: string): Promise<void> {
  const folder = dirname(file);
  const prefix = `${basename(file)}.`;
  for (const name of await readdir(folder).catch(() => [])) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > LEFTOVER_MS) await rm(path, { force: true });
  }
}

/**
 * Reads a snapshot and checks it against the key it must have been built from
 * and against its checksum: each section is read into its own buffer (a column
 * into its typed array) and hashed as it comes. Never throws.
 */
export async function readSnapshot(file: string, key: SnapshotKey): Promise<SnapshotRead> {
  let handle: FileHandle;
  try {
    handle = await open(file);
  } catch {
    return { status: 'missing' };
  }
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(HEADER_BYTES, size));
    await readFully(handle, head, 0);
    const found = headerOf(head);
    if ('reason' in found) return { status: 'corrupt', reason: found.reason };
    const { header, payloadStart } = found;
    const stale = staleness(header.key, key);
    if (stale) return { status: 'stale', reason: stale };
    const expected = header.sections.reduce((sum, s) => sum + s.bytes, 0);
    if (size - payloadStart !== expected) return { status: 'corrupt', reason: `it holds ${size - payloadStart} of ${expected} bytes (truncated?)` };
    const hash = createHash('sha256');
    const section = new Map<string, Uint8Array | Uint16Array | Uint32Array>();
    let offset = payloadStart;
    for (const { name, bytes } of header.sections) {
      const type = CHUNK_COLUMNS[name as keyof ChunkColumns] ?? Uint8Array;
      if (bytes % type.BYTES_PER_ELEMENT !== 0) return { status: 'corrupt', reason: 'a section is damaged' };
      const data = new type(bytes / type.BYTES_PER_ELEMENT);
      const view = new Uint8Array(data.buffer);
      await readFully(handle, view, offset);
      hash.update(view);
      section.set(name, data);
      offset += bytes;
    }
    if (hash.digest('hex') !== header.sha256) return { status: 'corrupt', reason: 'its checksum does not match' };
    // Each JSON section is dropped as soon as it is parsed.
    const json = (name: string): unknown => {
      const bytes = section.get(name);
      section.delete(name);
      return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString());
    };
    const columns = Object.fromEntries(Object.keys(CHUNK_COLUMNS).map((name) => [name, section.get(name)])) as unknown as ChunkColumns;
    const lexicon = json('lexicon') as string[];
    const documents = json('documents') as SourceDocument[] | undefined;
    if (!consistent(columns, lexicon, documents)) return { status: 'corrupt', reason: 'its sections do not fit together' };
    return { status: 'ok', parts: { columns, lexicon, ...(documents ? { documents } : {}) } };
  } catch {
    return { status: 'corrupt', reason: 'a section is damaged' };
  } finally {
    await handle.close();
  }
}

/** Fills `into` from the file at `position`; throws at the end of the file. */
async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < into.byteLength; ) {
    const { bytesRead } = await handle.read(into, done, into.byteLength - done, position + done);
    if (bytesRead === 0) throw new Error('the file ended early');
    done += bytesRead;
  }
}

/**
 * Whether the snapshot in `file` was built from `key`, from its header alone:
 * no checksum, no parsing of the index. Tells a caller it need not rebuild
 * (`readSnapshot` still checks the whole file when it loads it). Never throws.
 */
export async function snapshotMatches(file: string, key: SnapshotKey): Promise<boolean> {
  let handle;
  try {
    handle = await open(file);
  } catch {
    return false;
  }
  try {
    // The magic line and the header: a key and a dozen sections, well under this.
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    const found = headerOf(head.subarray(0, bytesRead));
    return 'header' in found && staleness(found.header.key, key) === undefined;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

const HEADER_BYTES = 64 * 1024;

/** The header at the start of a snapshot's bytes, and where its payload starts; or why there is none. */
function headerOf(bytes: Buffer): { header: Header; payloadStart: number } | { reason: string } {
  const firstLine = bytes.indexOf(10);
  const secondLine = firstLine === -1 ? -1 : bytes.indexOf(10, firstLine + 1);
  if (secondLine === -1 || bytes.subarray(0, firstLine).toString() !== MAGIC) return { reason: 'not a newsbot snapshot' };
  try {
    return { header: JSON.parse(bytes.subarray(firstLine + 1, secondLine).toString()) as Header, payloadStart: secondLine + 1 };
  } catch {
    return { reason: 'its header is damaged' };
  }
}

function staleness(found: SnapshotKey, wanted: SnapshotKey): string | undefined {
  if (found?.version !== wanted.version) return 'it was written by another version';
  if (found.corpus !== wanted.corpus) return 'the corpus has changed';
  if (found.options !== wanted.options) return 'the index options have changed';
  return undefined;
}

/** Lengths and ids that agree, so a well-checksummed but wrong file cannot index out of bounds. */
function consistent(c: ChunkColumns, lexicon: readonly string[], documents: readonly SourceDocument[] | undefined): boolean {
  const chunks = c.chunkDocument.length;
  const tokens = c.tokenStart.length;
  const perChunk = [c.chunkParagraph, c.chunkStart, c.chunkEnd];
  const perToken = [c.tokenEnd, c.tokenPos, c.tokenTerm, c.tokenWord, c.tokenStem, c.tokenEntity];
  const inLexicon = (column: Uint32Array): boolean => {
    for (const id of column) if (id >= lexicon.length) return false;
    return true;
  };
  return (
    Array.isArray(lexicon) && lexicon[0] === '' &&
    Object.values(c).every((column) => column !== undefined) &&
    perChunk.every((column) => column.length === chunks) && perToken.every((column) => column.length === tokens) &&
    c.chunkTokens.length === chunks + 1 && c.chunkTokens[chunks] === tokens &&
    [c.tokenTerm, c.tokenWord, c.tokenStem, c.tokenEntity].every(inLexicon) &&
    (documents === undefined || (Array.isArray(documents) && c.chunkDocument.every((d, i) => (documents[d]?.paragraphs.length ?? 0) >= (c.chunkParagraph[i] as number))))
  );
}
