/**
 * A server's library on disk: `DATA_DIR/guilds/<guild id>/library.json`, the
 * documents added (as ingested, so a restart needs no network) and the ids of
 * the bundled documents removed. Written to a temporary file and renamed into
 * place, so a crash or a full disk leaves the previous library whole.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsbotError, quoteValue } from '../errors.js';
import type { DocumentLabel, DocumentMeta, DocumentSection, SourceDocument } from '../types.js';

/** One added document and when it was added. */
export interface StoredDocument {
  addedAt: string;
  document: SourceDocument;
}

/** What `library.json` holds. */
export interface StoredLibrary {
  version: 1;
  /** Ids of the bundled documents this server removed. */
  removedDefaults: string[];
  /** Documents this server added, in the order they were added. */
  documents: StoredDocument[];
}

/** The folder of one server; the id is checked to be a Discord id, so it can never climb out of `dataDir`. */
export function guildDir(dataDir: string, guildId: string): string {
  if (!/^\d{15,21}$/.test(guildId)) throw new NewsbotError(`${quoteValue(guildId)} is not a Discord server id`);
  return join(dataDir, 'guilds', guildId);
}

export function libraryFile(dataDir: string, guildId: string): string {
  return join(guildDir(dataDir, guildId), 'library.json');
}

/** Reads a server's library; `undefined` when it never changed its library. A damaged file is a `NewsbotError` naming it. */
export async function readLibrary(dataDir: string, guildId: string): Promise<StoredLibrary | undefined> {
  const file = libraryFile(dataDir, guildId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new NewsbotError(`cannot read the library file ${quoteValue(file)}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new NewsbotError(`the library file ${quoteValue(file)} is damaged: it is not JSON`);
  }
  const problem = libraryProblem(parsed);
  if (problem) throw new NewsbotError(`the library file ${quoteValue(file)} is damaged: ${problem}`);
  return parsed as StoredLibrary;
}

/** Replaces a server's library on disk in one rename. */
export async function writeLibrary(dataDir: string, guildId: string, library: StoredLibrary): Promise<void> {
  const dir = guildDir(dataDir, guildId);
  const file = join(dir, 'library.json');
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(temporary, `${JSON.stringify(library)}\n`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new NewsbotError(`cannot save the library file ${quoteValue(file)}: ${(error as Error).message}`);
  }
}

function libraryProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not an object';
  if (value.version !== 1) return `version ${quoteValue(String(value.version))} is not 1`;
  if (!Array.isArray(value.removedDefaults) || !value.removedDefaults.every((id) => typeof id === 'string')) return 'removedDefaults is not a list of ids';
  if (!Array.isArray(value.documents)) return 'documents is not a list';
  for (const [i, entry] of value.documents.entries()) {
    if (!isObject(entry) || typeof entry.addedAt !== 'string' || !isDocument(entry.document)) return `document ${i + 1} is malformed`;
  }
  return undefined;
}

function isDocument(value: unknown): value is SourceDocument {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.title === 'string' &&
    Array.isArray(value.paragraphs) &&
    value.paragraphs.length > 0 &&
    value.paragraphs.every((p) => typeof p === 'string') &&
    (value.source === undefined || typeof value.source === 'string') &&
    (value.meta === undefined || isMeta(value.meta)) &&
    (value.sections === undefined || isSections(value.sections)) &&
    (value.labels === undefined || isLabels(value.labels))
  );
}

function isSections(value: unknown): value is DocumentSection[] {
  return Array.isArray(value) && value.every((s) => isObject(s) && typeof s.heading === 'string' && Number.isInteger(s.paragraph) && (s.paragraph as number) >= 1);
}

function isLabels(value: unknown): value is DocumentLabel[] {
  return Array.isArray(value) && value.every((l) => isObject(l) && typeof l.text === 'string' && Number.isInteger(l.first) && Number.isInteger(l.last) && (l.first as number) >= 1 && (l.last as number) >= (l.first as number));
}

function isMeta(value: unknown): value is DocumentMeta {
  return isObject(value) && Object.values(value).every((v) => v === undefined || typeof v === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
