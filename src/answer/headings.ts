import { analyzePhrase } from '../chunk/analyze.js';
import type { ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
import { looseForm, type Match } from '../index/stats.js';
import type { WeightedTerm } from './evidence.js';

/**
 * A section's heading (a Markdown or web page's `## Opening hours`) or a
 * table's header row, as the context of the passages under it: a list item
 * such as *Saturday: 10 a.m. to 4 p.m.* answers *What are the opening hours?*
 * only with its heading, a row such as *Pro | $12 | 1 TB* says a price only with
 * its header. The engine reads each sentence as if its headings came before
 * it: their words count as the article's, and as the sentence's and its
 * paragraph's when matching a question. The quote stays the sentence alone.
 */
export interface Heading {
  /** Its place among the corpus's headings (sections' first), for counting per heading in flat arrays. */
  index: number;
  /** As written (a table's header row with its cells between ` | `); `tokens` have offsets into it. */
  text: string;
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
  /** How many headings there are. */
  count: number;
}

const NO_HEADING: readonly Heading[] = [];
const NO_HEADINGS: Headings = { sections: [], tables: [], saying: new Map(), count: 0 };
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
  store.documents.forEach((document, d) => {
    const listed = document.sections ?? [];
    headingsIn(store, d, listed.map((s, i) => ({ text: s.heading, first: s.paragraph, last: (listed[i + 1]?.paragraph ?? Infinity) - 1 })), sections);
  });
  store.documents.forEach((document, d) => headingsIn(store, d, document.labels ?? [], tables));
  const all = [...sections, ...tables];
  if (all.length === 0) return NO_HEADINGS;
  all.forEach((heading, index) => (heading.index = index));
  const saying = new Map<string, Heading[]>();
  for (const heading of all) {
    for (const form of new Set(heading.tokens.flatMap((token) => [token.term, token.word, looseForm(token)]))) {
      const list = saying.get(form);
      if (list) list.push(heading);
      else saying.set(form, [heading]);
    }
  }
  return { sections, tables, saying, count: all.length };
}

/** Adds to `into` the headings of document `d` (in reading order) over the chunks of their paragraphs; one that heads no chunk, or says no word, is left out. */
function headingsIn(store: ChunkStore, d: number, headed: readonly Headed[], into: Heading[]): void {
  const { chunkDocument, chunkParagraph } = store.columns;
  let chunk = headed.length > 0 ? store.firstOf(d) : undefined;
  if (chunk === undefined) return;
  for (const { text, first, last } of headed) {
    while (chunk < store.size && chunkDocument[chunk] === d && (chunkParagraph[chunk] as number) < first) chunk++;
    const from = chunk;
    while (chunk < store.size && chunkDocument[chunk] === d && (chunkParagraph[chunk] as number) <= last) chunk++;
    const tokens = analyzePhrase(text).filter((token) => token.term !== '');
    // Its index is set once every heading is known.
    if (chunk > from && tokens.length > 0) into.push({ index: -1, text, tokens, first: from, end: chunk });
  }
}

/** The headings of chunk `id`: its section's and its table's, when it has them. */
export function headingsAt(headings: Headings, id: number): readonly Heading[] {
  // Most corpora (the bundled article, SQuAD's) have none: no arrays made four times a candidate.
  if (headings.count === 0) return NO_HEADING;
  const section = headingOver(headings.sections, id);
  const table = headingOver(headings.tables, id);
  return section && table ? [section, table] : section ? [section] : table ? [table] : NO_HEADING;
}

/** The header row of the table chunk `id` is a row of, if it is one. */
export function tableHeaderAt(headings: Headings, id: number): Heading | undefined {
  return headings.count === 0 ? undefined : headingOver(headings.tables, id);
}

/** The heading of `list` (in reading order, none overlapping) over chunk `id`: a binary search. */
function headingOver(list: readonly Heading[], id: number): Heading | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const heading = list[middle] as Heading;
    if (id < heading.first) high = middle - 1;
    else if (id >= heading.end) low = middle + 1;
    else return heading;
  }
  return undefined;
}

/** Whether a heading says the question word, in any of its forms. */
export function inHeadings(headings: Headings, token: Pick<Token, 'term' | 'word' | 'stem'>): boolean {
  return headings.saying.has(token.term) || headings.saying.has(token.word) || headings.saying.has(looseForm(token));
}

/**
 * The headings that say at least `least` of the question's weight (a word
 * counted once, said in its own form or by its stem), heaviest first. Counted
 * in flat arrays over the headings that say some question word: a word common
 * in headings (*release* in every changelog's) costs a pass over a list, not a
 * set or a map of it.
 */
export function headingsSaying(headings: Headings, terms: readonly WeightedTerm[], least: number): Heading[] {
  if (headings.count === 0) return [];
  const weight = new Float64Array(headings.count);
  const lastTerm = new Int32Array(headings.count).fill(-1);
  const touched: Heading[] = [];
  terms.forEach(({ token, weight: w }, t) => {
    for (const form of [token.term, token.word, looseForm(token)]) {
      for (const heading of headings.saying.get(form) ?? []) {
        const at = heading.index;
        if (lastTerm[at] === t) continue;
        if (lastTerm[at] === -1) touched.push(heading);
        lastTerm[at] = t;
        weight[at] = (weight[at] as number) + w;
      }
    }
  });
  return touched
    .filter((h) => (weight[h.index] as number) > 0 && (weight[h.index] as number) >= least)
    .sort((a, b) => (weight[b.index] as number) - (weight[a.index] as number) || a.first - b.first);
}

/** How the heading matches each question word, as `CorpusStats.matches` matches a sentence's tokens. */
export function headingMatches(heading: Pick<Heading, 'tokens'>, terms: readonly WeightedTerm[]): Match[] {
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
