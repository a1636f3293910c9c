import { analyzePhrase } from '../chunk/analyze.js';
import type { ChunkStore } from '../chunk/store.js';
import type { Token } from '../chunk/token.js';
import { looseForm, type Match } from '../index/stats.js';
import type { WeightedTerm } from './evidence.js';

/**
 * A section heading (a Markdown or web page's `## Opening hours`) as the
 * context of the passages under it: a list item such as *Saturday: 10 a.m. to
 * 4 p.m.* answers *What are the opening hours?* only with its heading. The
 * engine reads each sentence of a section as if its heading came before it:
 * the heading's words count as the article's, and as the sentence's and its
 * paragraph's when matching a question. The quote stays the sentence alone.
 */
export interface SectionHeading {
  tokens: readonly Token[];
  /** The chunks of its section, as the range `[first, end)`. */
  first: number;
  end: number;
}

/** The section headings of a corpus, in reading order, and the sections whose heading says each form of a word (term, surface word, stem). */
export interface Headings {
  sections: readonly SectionHeading[];
  saying: ReadonlyMap<string, readonly SectionHeading[]>;
}

const NO_HEADINGS: Headings = { sections: [], saying: new Map() };
const remembered = new WeakMap<ChunkStore, Headings>();

/**
 * The headings of a corpus's sections (the first heading is the title, not a
 * section: see `SourceDocument.sections`), analyzed once per corpus, on its
 * first question. Documents without sections cost nothing.
 */
export function headingsOf(store: ChunkStore): Headings {
  let headings = remembered.get(store);
  if (!headings) remembered.set(store, (headings = findHeadings(store)));
  return headings;
}

function findHeadings(store: ChunkStore): Headings {
  const { chunkDocument, chunkParagraph } = store.columns;
  const sections: SectionHeading[] = [];
  const saying = new Map<string, SectionHeading[]>();
  store.documents.forEach((document, d) => {
    const listed = document.sections;
    const start = listed?.length ? store.firstOf(d) : undefined;
    if (!listed || start === undefined) return;
    let chunk = start;
    listed.forEach((section, s) => {
      const next = listed[s + 1]?.paragraph ?? Infinity;
      while (chunk < store.size && chunkDocument[chunk] === d && (chunkParagraph[chunk] as number) < section.paragraph) chunk++;
      const first = chunk;
      while (chunk < store.size && chunkDocument[chunk] === d && (chunkParagraph[chunk] as number) < next) chunk++;
      if (chunk === first) return;
      const tokens = analyzePhrase(section.heading).filter((token) => token.term !== '');
      if (tokens.length === 0) return;
      const heading = { tokens, first, end: chunk };
      for (const form of new Set(tokens.flatMap((token) => [token.term, token.word, looseForm(token)]))) {
        const list = saying.get(form);
        if (list) list.push(heading);
        else saying.set(form, [heading]);
      }
      sections.push(heading);
    });
  });
  return sections.length === 0 ? NO_HEADINGS : { sections, saying };
}

/** The heading of the section chunk `id` sits in, if any: a binary search, sections being in reading order. */
export function headingOf(headings: Headings, id: number): SectionHeading | undefined {
  const { sections } = headings;
  let low = 0;
  let high = sections.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const section = sections[middle] as SectionHeading;
    if (id < section.first) high = middle - 1;
    else if (id >= section.end) low = middle + 1;
    else return section;
  }
  return undefined;
}

/** Whether a heading says the question word, in any of its forms. */
export function inHeadings(headings: Headings, token: Pick<Token, 'term' | 'word' | 'stem'>): boolean {
  return headings.saying.has(token.term) || headings.saying.has(token.word) || headings.saying.has(looseForm(token));
}

/**
 * The sections whose heading says a question word, by its own form or its
 * stem, each with the question's weight it says: looked up, not scanned, so a
 * question costs the same however many sections the corpus has.
 */
export function sectionsSaying(headings: Headings, terms: readonly WeightedTerm[]): Map<SectionHeading, number> {
  const out = new Map<SectionHeading, number>();
  for (const { token, weight } of terms) {
    const saying = new Set([token.term, token.word, looseForm(token)].flatMap((form) => headings.saying.get(form) ?? []));
    for (const section of saying) out.set(section, (out.get(section) ?? 0) + weight);
  }
  return out;
}

/** How the heading matches each question word, as `CorpusStats.matches` matches a sentence's tokens. */
export function headingMatches(heading: SectionHeading, terms: readonly WeightedTerm[]): Match[] {
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
