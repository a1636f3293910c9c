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
    loose.add(looseForm(token));
  }
  return { terms, loose };
}
