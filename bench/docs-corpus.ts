/**
 * A documentation-like corpus of a million words, as users meet one: the
 * Markdown that ships inside `node_modules` (READMEs, guides, changelogs with
 * URLs, paths, version numbers and commit hashes, code blocks), cut into one
 * file per section. The packages hold about a fifth of a million words, so the
 * sections come round again as later "releases" of the same docs, each with its
 * own commit hashes, version numbers and issue/pull numbers drawn from a fixed
 * seed, and its links written out with their addresses (`text (https://…)`,
 * as docs converted to text show them): prose repeats as it does across
 * versions of real docs, while URLs and identifiers keep coining new terms, as
 * a real changelog's do.
 *
 * Deterministic: files are read in sorted order, and the project's lock file
 * pins the packages.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { wordCount } from '../src/index/corpus-index.js';
import { parseText } from '../src/ingest/text.js';
import { seededRandom } from '../src/train/random.js';
import type { SourceDocument } from '../src/types.js';

/** One Markdown file of the corpus, as written to disk. */
export interface MarkdownFile {
  /** File name, `.md`, unique in the corpus. */
  name: string;
  text: string;
  /** The document newsbot reads from it (for word counts and questions). */
  document: SourceDocument;
}

export interface DocsCorpusOptions {
  /** Least number of words newsbot indexes (runs of non-blanks of the passages). Default `1_000_000`. */
  words?: number;
  /** PRNG seed for the identifiers of later releases. Default `20_261_127`. */
  seed?: number;
}

const HEADING = /^#{1,6}\s+\S/;
const FENCE = /^\s*(```|~~~)/;
const HASH = /\b[0-9a-f]{7,40}\b/g;
const VERSION = /\bv?\d+\.\d+\.\d+\b/g;
const ISSUE = /(\/(?:issues|pull|commit)\/|#)(\d{2,6})\b/g;
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;

/** Every `.md` file under `root`'s `node_modules`, sorted, skipping tools' caches. */
async function markdownFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== '.cache') found.push(...(await markdownFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) found.push(path);
  }
  return found;
}

/** Least words of a section: shorter ones are joined to the next, as a documentation page holds a few short sections. */
const SECTION_WORDS = 250;

/** A Markdown file cut at its headings (outside code blocks): each section keeps its heading as its first line. */
function sections(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inCode = false;
  for (const line of text.split(/\r?\n/)) {
    if (FENCE.test(line)) inCode = !inCode;
    if (!inCode && HEADING.test(line) && current.join(' ').split(/\s+/).length >= SECTION_WORDS) {
      out.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.some((l) => l.trim() !== '')) out.push(current.join('\n'));
  return out;
}

/** Changelog entries per section: the docs' own sentences, each with the address of its pull request and its commit. */
const CHANGES = 10;

/**
 * A changelog list as projects keep them: entries made of sentences of the
 * section, each with a pull request's address and a commit hash, as bare text
 * (every one a new term, as in a real project's history).
 */
function changelog(slug: string, paragraphs: readonly string[], next: () => number, hex: (length: number) => string): string {
  const repo = (slug.split('_')[0] ?? 'project').replace(/^@/, '') || 'project';
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.split(/\s+/).length >= 4);
  const lines = ['## Changes', ''];
  for (let i = 0; i < CHANGES && sentences.length > 0; i++) {
    const sentence = (sentences[Math.floor(next() * sentences.length)] as string).replace(/[.!?]+$/, '');
    const pull = 1 + Math.floor(next() * 99_999);
    lines.push(`- ${sentence} (https://github.com/${repo}/${repo}/pull/${pull}, commit ${hex(7)}, https://github.com/${repo}/${repo}/commit/${hex(40)})`);
  }
  return lines.join('\n');
}

/** Generates the corpus: the sections of every package's Markdown, release after release, until it holds `words` words. */
export async function generateDocsCorpus(root: string, options: DocsCorpusOptions = {}): Promise<MarkdownFile[]> {
  const { words: minWords = 1_000_000, seed = 20_261_127 } = options;
  const modules = join(root, 'node_modules');
  const originals: Array<{ slug: string; text: string }> = [];
  for (const path of await markdownFiles(modules)) {
    const slug = relative(modules, path).replace(/\.md$/i, '').replace(/[^\w.-]+/g, '_').slice(-60);
    sections(await readFile(path, 'utf8')).forEach((text, i) => originals.push({ slug: `${slug}-${i + 1}`, text }));
  }
  const next = seededRandom(seed);
  const hex = (length: number): string => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
  const files: MarkdownFile[] = [];
  let words = 0;
  for (let release = 1; words < minWords; release++) {
    for (const { slug, text: original } of originals) {
      if (words >= minWords) break;
      const text = release === 1
        ? original
        : original
            .replace(LINK, '$1 ($2)')
            .replace(HASH, (hash) => (/[a-f]/.test(hash) && /\d/.test(hash) ? hex(hash.length) : hash))
            .replace(VERSION, (v) => `${v.startsWith('v') ? 'v' : ''}${release}.${Math.floor(next() * 30)}.${Math.floor(next() * 20)}`)
            .replace(ISSUE, (_, before: string) => `${before}${1 + Math.floor(next() * 99_999)}`);
      const name = `r${release}-${String(files.length + 1).padStart(5, '0')}-${slug}.md`;
      const id = name.replace(/\.md$/, '');
      const section = parseText(id, text, 'md');
      if (!section || section.paragraphs.length === 0) continue;
      const full = `${text}\n\n${changelog(slug, section.paragraphs, next, hex)}\n`;
      const document = parseText(id, full, 'md') as SourceDocument;
      files.push({ name, text: full, document });
      words += wordCount(document);
    }
    if (release > 100) throw new Error('newsbot: bench: node_modules holds too little Markdown for the docs corpus');
  }
  return files;
}
