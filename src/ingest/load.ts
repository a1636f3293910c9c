import { readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsbotError, quoteValue } from '../errors.js';
import type { SourceDocument } from '../types.js';
import { withByline } from './byline.js';
import { parseHtml } from './html.js';
import { parseText, type TextFormat } from './text.js';

/** The bundled Reuters article: the corpus wherever none is given. */
export const DEFAULT_CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpus');

/** How a document is written: plain text, Markdown or a web page. */
export type DocumentFormat = TextFormat | 'html';

/** The file name extensions newsbot reads, and what they hold. */
export const FORMATS: Record<string, DocumentFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

/** Largest file accepted: a news article is tens of kilobytes; this leaves room for long reports. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Loads a corpus: one `.txt` / `.md` / `.html` file, or a folder of them (not recursive,
 * in file-name order). Every problem is a `NewsbotError` that names the file.
 */
export async function loadCorpus(path: string = DEFAULT_CORPUS): Promise<SourceDocument[]> {
  return parseCorpus(await readCorpus(path));
}

/** A corpus file read and checked but not parsed: enough to tell whether a saved index of its documents is still theirs. */
export interface CorpusFile {
  /** The document id: the file name without its extension. */
  id: string;
  path: string;
  format: DocumentFormat;
  text: string;
}

/**
 * Reads the files of a corpus (as `loadCorpus` does) without parsing them:
 * parsing a million words of Markdown takes a second, which a start from a
 * snapshot that holds the parsed documents need not spend.
 */
export async function readCorpus(path: string = DEFAULT_CORPUS): Promise<CorpusFile[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new NewsbotError(`corpus ${quoteValue(path)} does not exist`);
  if (info.isFile()) return [readCorpusFile(path)];
  if (!info.isDirectory()) throw new NewsbotError(`corpus ${quoteValue(path)} is neither a file nor a folder`);
  const names = (await readdir(path)).filter((name) => extname(name).toLowerCase() in FORMATS).sort();
  if (names.length === 0) throw new NewsbotError(`folder ${quoteValue(path)} holds no .txt, .md or .html file`);
  const files = names.map((name) => readCorpusFile(join(path, name)));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.id)) throw new NewsbotError(`two files in ${quoteValue(path)} share the id ${quoteValue(file.id)}`);
    seen.add(file.id);
  }
  return files;
}

/** The documents of files `readCorpus` read, in their order. */
export function parseCorpus(files: readonly CorpusFile[]): Promise<SourceDocument[]> {
  return Promise.all(files.map((file) => parseDocument(file.id, file.text, file.format, { name: `file ${quoteValue(basename(file.path))}`, source: file.path })));
}

/** Loads one `.txt`, `.md` or `.html` file as a document whose id is the file name without extension. */
export async function loadFile(path: string): Promise<SourceDocument> {
  const [document] = await parseCorpus([readCorpusFile(path)]);
  return document as SourceDocument;
}

/** Reads and checks one corpus file. */
function readCorpusFile(path: string): CorpusFile {
  const format = FORMATS[extname(path).toLowerCase()];
  const name = basename(path);
  if (!format) throw new NewsbotError(`file ${quoteValue(name)} is not a .txt, .md or .html file`);
  // Synchronous reads: a corpus is read at start-up, and a folder of 2,379 small files took 190 ms through the
  // thread pool (five round trips a file) and 40 ms like this, a sixth of a cold start's budget.
  const info = statOrUndefined(path);
  if (!info?.isFile()) throw new NewsbotError(`file ${quoteValue(path)} does not exist`);
  if (info.size > MAX_FILE_BYTES) throw new NewsbotError(`file ${quoteValue(name)} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) throw new NewsbotError(`file ${quoteValue(name)} is not text`);
  return { id: basename(path, extname(path)), path, format, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
}

/**
 * Parses text in a format into a document, or throws a `NewsbotError` that
 * names it (`what`: `file "a.txt"`, or an address) when it holds no article.
 */
export async function parseDocument(id: string, text: string, format: DocumentFormat, from: { name: string; source?: string; url?: string }): Promise<SourceDocument> {
  if (format === 'html') {
    const document = await parseHtml(id, text, { ...(from.url === undefined ? {} : { url: from.url }), ...(from.source === undefined ? {} : { source: from.source }) });
    if (!document) throw new NewsbotError(`${from.name} holds no article text`);
    return withByline(document);
  }
  const document = parseText(id, text, format, from.source);
  if (!document) throw new NewsbotError(`${from.name} is empty`);
  if (document.paragraphs.length === 0) throw new NewsbotError(`${from.name} has a title but no paragraphs`);
  return withByline(document);
}

/** A NUL byte, or many bytes that are not valid UTF-8, mean an image, a PDF or an archive. */
export function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const decoded = new TextDecoder('utf-8').decode(head);
  const replaced = decoded.split('\uFFFD').length - 1;
  return replaced > 8 && replaced > decoded.length / 50;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
