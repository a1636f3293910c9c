import type { Chunk } from '../chunk/chunk.js';
import type { Token } from '../chunk/token.js';

/** The loose form of a token: its stem when it has one, else its term (`normans`, `norman` -> `norman`). */
export function looseForm(token: Pick<Token, 'term' | 'stem'>): string {
  return token.stem || token.term;
}

/** Term sets of one chunk and of its paragraph, for exact and loose matching. */
export interface ChunkTerms {
  terms: Set<string>;
  loose: Set<string>;
  paragraphTerms: Set<string>;
  paragraphLoose: Set<string>;
}

/**
 * Corpus statistics the ranker needs: per-chunk term sets, sentence-level
 * document frequencies (for IDF) and the corpus vocabulary (to tell which
 * question words the article never uses).
 */
export class CorpusStats {
  readonly chunkTerms: ChunkTerms[];
  private readonly frequency = new Map<string, number>();
  private readonly looseFrequency = new Map<string, number>();
  readonly size: number;
  private readonly corrections = new Map<string, string | undefined>();

  constructor(chunks: readonly Chunk[]) {
    this.size = chunks.length;
    const own = chunks.map((chunk) => termSets(chunk.tokens));
    const paragraphs = new Map<string, { terms: Set<string>; loose: Set<string> }>();
    chunks.forEach((chunk, i) => {
      const key = `${chunk.document}:${chunk.paragraph}`;
      const sets = paragraphs.get(key) ?? { terms: new Set<string>(), loose: new Set<string>() };
      paragraphs.set(key, sets);
      const mine = own[i] as { terms: Set<string>; loose: Set<string> };
      for (const term of mine.terms) sets.terms.add(term);
      for (const term of mine.loose) sets.loose.add(term);
      for (const term of mine.terms) this.frequency.set(term, (this.frequency.get(term) ?? 0) + 1);
      for (const term of mine.loose) this.looseFrequency.set(term, (this.looseFrequency.get(term) ?? 0) + 1);
    });
    this.chunkTerms = chunks.map((chunk, i) => {
      const paragraph = paragraphs.get(`${chunk.document}:${chunk.paragraph}`) as { terms: Set<string>; loose: Set<string> };
      const mine = own[i] as { terms: Set<string>; loose: Set<string> };
      return { ...mine, paragraphTerms: paragraph.terms, paragraphLoose: paragraph.loose };
    });
  }

  /** Sentences containing the term exactly. */
  count(term: string): number {
    return this.frequency.get(term) ?? 0;
  }

  /** Sentences containing the loose form. */
  looseCount(loose: string): number {
    return this.looseFrequency.get(loose) ?? 0;
  }

  /**
   * The article's word closest in spelling to an unknown one, for misspelled
   * questions (`Primeier Leage` -> `premier league`): one edit for words of 4 to
   * 7 letters, two for longer ones; none for shorter words or numbers.
   */
  closest(term: string): string | undefined {
    if (this.corrections.has(term)) return this.corrections.get(term);
    let found: string | undefined;
    let best = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    if (best > 0 && !/\d/.test(term)) {
      for (const candidate of this.frequency.keys()) {
        if (Math.abs(candidate.length - term.length) > best) continue;
        const distance = editDistance(term, candidate, best + 1);
        if (distance > best) continue;
        // Closer wins; at the same distance, the more frequent word.
        if (found === undefined || distance < best || this.count(candidate) > this.count(found)) {
          found = candidate;
          best = distance;
        }
      }
    }
    this.corrections.set(term, found);
    return found;
  }

  /** BM25-style inverse document frequency over sentences; rare words weigh more. */
  idf(token: Pick<Token, 'term' | 'stem'>): number {
    const n = Math.max(this.count(token.term), this.looseCount(looseForm(token)));
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }
}

function termSets(tokens: readonly Token[]): { terms: Set<string>; loose: Set<string> } {
  const terms = new Set<string>();
  const loose = new Set<string>();
  for (const token of tokens) {
    if (!token.term) continue;
    terms.add(token.term);
    terms.add(token.word);
    loose.add(looseForm(token));
  }
  return { terms, loose };
}

/** Damerau-Levenshtein distance (adjacent swaps count once), or `limit` as soon as it is reached. */
export function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest >= limit) return limit;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? limit;
}
