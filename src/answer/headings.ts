import { analyzePhrase } from '../chunk/analyze.js';
import type { ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
import { looseForm, type Match } from '../index/stats.js';
import type { WeightedTerm } from './evidence.js';

/**
 * A section's heading (a Markdown or web page's `## Opening hours`) or a
 * table's header row, as the context of the passages under it: a list item
 * such as *Saturday: 10 a.m. to 4 p.m.* answers *What are the opening hours?*
 * only with its heading, a row such as *Pro $12 1 TB* says a price only with
 * its header. The engine reads each sentence as if its headings came before
 * it: their words count as the article's, and as the sentence's and its
 * paragraph's when matching a question. The quote stays the sentence alone.
 */
export interface Heading {
  tokens: readonly Token[];
  /** The chunks it heads, as the range `[first, end)`. */
  first: number;
  end: number;
}

/**
 * The headings of a corpus: sections' and tables', each list in reading order
 * with no two overlapping (a table sits inside a section), and the headings
 * that say each form of a word (term, surface word, stem).
 */
export interface Headings {
  sections: readonly Heading[];
  tables: readonly Heading[];
  saying: ReadonlyMap<string, readonly Heading[]>;
}

const NO_HEADINGS: Headings = { sections: [], tables: [], saying: new Map() };
const remembered = new WeakMap<ChunkStore, Headings>();

/**
 * The headings of a corpus's sections (the first heading is the title, not a
 * section: see `SourceDocument.sections`) and tables (`SourceDocument.labels`),
 * analyzed once per corpus, on its first question. Documents without them cost nothing.
 */
export function headingsOf(store: ChunkStore): Headings {
  let headings = remembered.get(store);
  if (!headings) remembered.set(store, (headings = findHeadings(store)));
  return headings;
}

/** Text heading the paragraphs `first` to `last` (from 1) of a document. */
interface Headed {
  text: string;
  first: number;
  last: number;
}

function findHeadings(store: ChunkStore): Headings {
  const sections: Heading[] = [];
  const tables: Heading[] = [];
  const saying = new Map<string, Heading[]>();
  store.documents.forEach((document, d) => {
    const listed = document.sections ?? [];
    const headed = listed.map((s, i): Headed => ({ text: s.heading, first: s.paragraph, last: (listed[i + 1]?.paragraph ?? Infinity) - 1 }));
    sections.push(...headingsIn(store, d, headed));
    tables.push(...headingsIn(store, d, (document.labels ?? []).map((l): Headed => ({ text: l.text, first: l.first, last: l.last }))));
  });
  if (sections.length === 0 && tables.length === 0) return NO_HEADINGS;
  for (const heading of [...sections, ...tables]) {
    for (const form of new Set(heading.tokens.flatMap((token) => [token.term, token.word, looseForm(token)]))) {
      const list = saying.get(form);
      if (list) list.push(heading);
      else saying.set(form, [heading]);
    }
  }
  return { sections, tables, saying };
}

/** The headings of document `d` (in reading order) over the chunks of their paragraphs; one that heads no chunk, or says no word, is left out. */
function headingsIn(store: ChunkStore, d: number, headed: readonly Headed[]): Heading[] {
  const { chunkDocument, chunkParagraph } = store.columns;
  let chunk = headed.length > 0 ? store.firstOf(d) : undefined;
  if (chunk === undefined) return [];
  const out: Heading[] = [];
  for (const { text, first, last } of headed) {
    while (chunk < store.size && chunkDocument[chunk] === d && (chunkParagraph[chunk] as number) < first) chunk++;
    const from = chunk;
    while (chunk < store.size && chunkDocument[chunk] === d && (chunkParagraph[chunk] as number) <= last) chunk++;
    const tokens = analyzePhrase(text).filter((token) => token.term !== '');
    if (chunk > from && tokens.length > 0) out.push({ tokens, first: from, end: chunk });
  }
  return out;
}

/** The headings of chunk `id`: its section's and its table's, when it has them (binary searches, each list being in reading order). */
export function headingsAt(headings: Headings, id: number): Heading[] {
  const out: Heading[] = [];
  for (const list of [headings.sections, headings.tables]) {
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const heading = list[middle] as Heading;
      if (id < heading.first) high = middle - 1;
      else if (id >= heading.end) low = middle + 1;
      else {
        out.push(heading);
        break;
      }
    }
  }
  return out;
}

/** Whether a heading says the question word, in any of its forms. */
export function inHeadings(headings: Headings, token: Pick<Token, 'term' | 'word' | 'stem'>): boolean {
  return headings.saying.has(token.term) || headings.saying.has(token.word) || headings.saying.has(looseForm(token));
}

/**
 * The headings that say a question word, by its own form or its stem, each
 * with the question's weight it says: looked up, not scanned, so a question
 * costs the same however many headings the corpus has.
 */
export function headingsSaying(headings: Headings, terms: readonly WeightedTerm[]): Map<Heading, number> {
  const out = new Map<Heading, number>();
  for (const { token, weight } of terms) {
    const saying = new Set([token.term, token.word, looseForm(token)].flatMap((form) => headings.saying.get(form) ?? []));
    for (const heading of saying) out.set(heading, (out.get(heading) ?? 0) + weight);
  }
  return out;
}

/** How the heading matches each question word, as `CorpusStats.matches` matches a sentence's tokens. */
export function headingMatches(heading: Heading, terms: readonly WeightedTerm[]): Match[] {
  return terms.map(({ token: asked, related }) => {
    let match: Match = 'none';
    for (const token of heading.tokens) {
      if (token.term === asked.term || token.term === asked.word || token.word === asked.term || token.word === asked.word) return 'exact';
      if (looseForm(token) === looseForm(asked)) match = 'loose';
      else if (match === 'none' && related.related.includes(token.term)) match = 'related';
    }
    return match;
  });
}

const RANK: Record<Match, number> = { none: 0, related: 1, loose: 2, exact: 3 };

/** The better of two matches of each question word: a sentence's and its heading's. */
export function withHeading(matches: readonly Match[], heading: readonly Match[]): Match[] {
  return matches.map((match, i) => (RANK[heading[i] as Match] > RANK[match] ? (heading[i] as Match) : match));
}
