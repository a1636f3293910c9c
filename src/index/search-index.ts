import MiniSearch from 'minisearch';
import type { Chunk } from '../chunk/chunk.js';
import type { Token } from '../chunk/token.js';
import { looseForm } from './stats.js';

/** How the MiniSearch index weighs its fields. */
export interface IndexOptions {
  /** Weight of a match in the sentence's own words. Default `3`. */
  sentenceBoost?: number;
  /** Weight of a match in the sentence's stemmed words (`normans` ~ `norman`). Default `1`. */
  stemBoost?: number;
  /** Weight of a match anywhere in the sentence's paragraph, so a question whose words are spread over two sentences still finds them. Default `1`. */
  paragraphBoost?: number;
  /** How many sentences retrieval hands to the ranker. Default `40`. */
  candidates?: number;
}

export const DEFAULT_INDEX_OPTIONS: Required<IndexOptions> = {
  sentenceBoost: 3,
  stemBoost: 1,
  paragraphBoost: 1,
  candidates: 40,
};

interface IndexedChunk {
  id: number;
  sentence: string;
  stems: string;
  paragraph: string;
}

/** Retrieval over sentence chunks with MiniSearch; terms are pre-normalized by the chunker, so MiniSearch only splits on spaces. */
export class SearchIndex {
  private readonly search: MiniSearch<IndexedChunk>;
  private readonly options: Required<IndexOptions>;

  constructor(chunks: readonly Chunk[], options: IndexOptions = {}) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
    this.search = new MiniSearch<IndexedChunk>({
      fields: ['sentence', 'stems', 'paragraph'],
      tokenize: (text) => (text ? text.split(' ') : []),
      processTerm: (term) => term || null,
    });
    const paragraphTerms = new Map<string, string[]>();
    for (const chunk of chunks) {
      const key = `${chunk.document}:${chunk.paragraph}`;
      const list = paragraphTerms.get(key) ?? [];
      paragraphTerms.set(key, list);
      for (const token of chunk.tokens) if (token.term) list.push(token.term);
    }
    this.search.addAll(
      chunks.map((chunk) => ({
        id: chunk.id,
        sentence: termsOf(chunk.tokens).join(' '),
        stems: chunk.tokens.filter((t) => t.term).map(looseForm).join(' '),
        paragraph: (paragraphTerms.get(`${chunk.document}:${chunk.paragraph}`) ?? []).join(' '),
      })),
    );
  }

  /** Chunk ids that share words with the query tokens, best first, at most `candidates`. */
  candidates(query: readonly Token[], limit = this.options.candidates): Array<{ id: number; score: number }> {
    const terms = [...new Set(termsOf(query).concat(query.filter((t) => t.term).map(looseForm)))];
    if (terms.length === 0) return [];
    const { sentenceBoost, stemBoost, paragraphBoost } = this.options;
    const results = this.search.search(terms.join(' '), {
      combineWith: 'OR',
      boost: { sentence: sentenceBoost, stems: stemBoost, paragraph: paragraphBoost },
    });
    return results.slice(0, limit).map((result) => ({ id: result.id as number, score: result.score }));
  }
}

function termsOf(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => token.term).map((token) => token.term);
}
