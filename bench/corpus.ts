/**
 * The large benchmark corpus: real English sentences (the SQuAD sample's
 * Wikipedia paragraphs and the bundled Reuters article) recombined into
 * thousands of documents, with their names and numbers varied, from a fixed
 * seed so every run and every machine gets the same text.
 *
 * Names are drawn from a Pitman–Yor process: a document mostly reuses names
 * already seen, in proportion to how often they were, and now and then coins a
 * new one. That gives the power-law vocabulary growth of real text (Heaps' law)
 * rather than one paragraph copied many times.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDocument } from '../src/types.js';
import { seededRandom } from '../src/train/random.js';

/** A question made from one of the corpus's own sentences, with the sentence it came from. */
export interface SentenceQuestion {
  question: string;
  /** The sentence the answer is in, verbatim: a returned passage containing it is a hit. */
  sentence: string;
  answer: string;
}

export interface LargeCorpusOptions {
  /** Least number of words. Default `1_000_000`. */
  words?: number;
  /** Least number of documents. Default `2_000`. */
  documents?: number;
  /** Questions to draw from the corpus's sentences. Default `1_000`. */
  questions?: number;
  /** PRNG seed. Default `20_171_101`. */
  seed?: number;
}

export interface LargeCorpus {
  documents: SourceDocument[];
  questions: SentenceQuestion[];
  words: number;
  /** Distinct lower-cased words after each tenth of the corpus: how the vocabulary grows with size. */
  vocabularyGrowth: Array<{ words: number; vocabulary: number }>;
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', ''];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'th', 'nd', 'rt', 'x', 'm'];

/** Names drawn from a Pitman–Yor process over coined words: reuse in proportion to use, coin new ones at a rate that falls like a power of the draws. */
class NameSource {
  private readonly uses: string[] = [];
  private readonly counts = new Map<string, number>();
  private readonly coined = new Set<string>();

  constructor(
    private readonly next: () => number,
    private readonly discount = 0.7,
    private readonly concentration = 200,
  ) {}

  draw(): string {
    const n = this.uses.length;
    const k = this.counts.size;
    let name: string | undefined;
    if (this.next() * (this.concentration + n) < this.concentration + this.discount * k) name = this.coin();
    // Reuse ∝ count − discount: pick a use uniformly (∝ count), accept with (count − d) / count.
    while (name === undefined) {
      const candidate = this.uses[Math.floor(this.next() * n)] as string;
      const count = this.counts.get(candidate) as number;
      if (this.next() * count < count - this.discount) name = candidate;
    }
    this.uses.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return name;
  }

  private coin(): string {
    for (;;) {
      const syllables = 2 + Math.floor(this.next() * 2);
      let word = '';
      for (let i = 0; i < syllables; i++) word += this.pick(ONSETS) + this.pick(VOWELS) + (i === syllables - 1 ? this.pick(CODAS) : '');
      if (word.length < 4 || this.coined.has(word)) continue;
      this.coined.add(word);
      return word[0]?.toUpperCase() + word.slice(1);
    }
  }

  private pick(list: readonly string[]): string {
    return list[Math.floor(this.next() * list.length)] as string;
  }
}

/** Splits a paragraph into sentences at `. ` before a capital: the generator only needs rough units. */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”)]?)\s+(?=["“(]?[A-Z])/).filter((s) => s.trim().length > 0);
}

const NAME = /\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b/g;
const NUMBER = /\b\d+(?:,\d{3})*(?:\.\d+)?\b/g;

/**
 * Generates the large corpus from source paragraphs. Each document takes runs
 * of consecutive sentences from source paragraphs, so its paragraphs read as
 * text, and replaces every capitalized word but the first of a sentence, and
 * every number, the same way throughout the document.
 */
export function generateLargeCorpus(sources: readonly string[], options: LargeCorpusOptions = {}): LargeCorpus {
  const { words: minWords = 1_000_000, documents: minDocuments = 2_000, questions: questionCount = 1_000, seed = 20_171_101 } = options;
  const next = seededRandom(seed);
  const names = new NameSource(next);
  const pool = sources.map(sentencesOf).filter((s) => s.length > 0);
  const wordsPerDocument = Math.ceil(minWords / minDocuments);
  const documents: SourceDocument[] = [];
  const questions: SentenceQuestion[] = [];
  const vocabulary = new Set<string>();
  const vocabularyGrowth: LargeCorpus['vocabularyGrowth'] = [];
  let words = 0;
  while (words < minWords || documents.length < minDocuments) {
    const renamed = new Map<string, string>();
    const rename = (word: string): string => {
      let name = renamed.get(word);
      if (name === undefined) {
        // A fifth of the names stay as in the source, so real names recur too.
        name = next() < 0.2 ? word : names.draw();
        renamed.set(word, name);
      }
      return name;
    };
    const renumber = (number: string): string => {
      const plain = number.replace(/,/g, '');
      if (/^1\d{3}$|^20\d\d$/.test(plain)) return String(1000 + Math.floor(next() * 1030));
      const digits = plain.replace(/\..*/, '').length;
      const value = Math.floor(10 ** (digits - 1) + next() * 9 * 10 ** (digits - 1));
      return plain.includes('.') ? `${value}.${Math.floor(next() * 10)}` : value.toLocaleString('en-US');
    };
    const vary = (sentence: string): string =>
      sentence.replace(NAME, (word, offset: number) => (offset === 0 ? word : rename(word))).replace(NUMBER, renumber);
    const paragraphs: string[] = [];
    let documentWords = 0;
    while (documentWords < wordsPerDocument * (0.5 + next())) {
      const source = pool[Math.floor(next() * pool.length)] as string[];
      const from = Math.floor(next() * source.length);
      const length = 1 + Math.floor(next() * 4);
      const paragraph = source.slice(from, from + length).map(vary).join(' ');
      paragraphs.push(paragraph);
      documentWords += paragraph.split(/\s+/).length;
    }
    const title = (paragraphs[0]?.split(/\s+/).slice(0, 8).join(' ') ?? '').replace(/[.,;:]+$/, '');
    const id = `doc-${String(documents.length + 1).padStart(5, '0')}`;
    documents.push({ id, title, paragraphs });
    const before = words;
    words += documentWords;
    for (const paragraph of paragraphs) for (const word of paragraph.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) vocabulary.add(word);
    if (Math.floor((10 * words) / minWords) > Math.floor((10 * before) / minWords)) vocabularyGrowth.push({ words, vocabulary: vocabulary.size });
  }
  while (questions.length < questionCount) {
    const document = documents[Math.floor(next() * documents.length)] as SourceDocument;
    const paragraph = document.paragraphs[Math.floor(next() * document.paragraphs.length)] as string;
    const sentences = sentencesOf(paragraph);
    const sentence = sentences[Math.floor(next() * sentences.length)] as string;
    const question = questionFrom(sentence, next);
    if (question) questions.push(question);
  }
  return { documents, questions, words, vocabularyGrowth };
}

/**
 * A question whose answer is a name or number of the sentence: the sentence
 * with that word replaced by `who`/`what` or `how many`. Sentences too short to
 * identify (under eight words, or without another name) give none.
 */
export function questionFrom(sentence: string, next: () => number): SentenceQuestion | undefined {
  const words = sentence.split(/\s+/);
  if (words.length < 8) return undefined;
  const slots = [...sentence.matchAll(NAME), ...sentence.matchAll(NUMBER)].filter((m) => m.index !== 0);
  if (slots.length < 2) return undefined;
  const slot = slots[Math.floor(next() * slots.length)] as RegExpMatchArray;
  const answer = slot[0];
  const asked = /^\d/.test(answer) ? 'how many' : 'what';
  const start = slot.index as number;
  const text = `${sentence.slice(0, start)}${asked}${sentence.slice(start + answer.length)}`.replace(/[.!?"”]+$/, '');
  return { question: `${text}?`, sentence, answer };
}

/** Writes documents as `.txt` files (title line, blank-line paragraphs) into a fresh folder, atomically by rename, with their fingerprint. */
export async function writeCorpus(documents: readonly SourceDocument[], folder: string): Promise<void> {
  const temporary = `${folder}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  for (const document of documents) {
    await writeFile(join(temporary, `${document.id}.txt`), `${document.title}\n\n${document.paragraphs.join('\n\n')}\n`);
  }
  await writeFile(join(temporary, FINGERPRINT), fingerprint(documents));
  await rm(folder, { recursive: true, force: true });
  await rename(temporary, folder);
}

/** Whether a folder already holds exactly these documents, as `writeCorpus` wrote them. */
export async function isWritten(documents: readonly SourceDocument[], folder: string): Promise<boolean> {
  const found = await readFile(join(folder, FINGERPRINT), 'utf8').catch(() => '');
  return found === fingerprint(documents);
}

/** Not a `.txt` file, so loading the corpus skips it. */
const FINGERPRINT = '.fingerprint';

function fingerprint(documents: readonly SourceDocument[]): string {
  const hash = createHash('sha256');
  for (const d of documents) hash.update(JSON.stringify([d.id, d.title, d.paragraphs]));
  return hash.digest('hex');
}
