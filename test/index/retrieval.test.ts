import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { squadSample } from './squad-sample.js';
import { parseQuestion } from '../../src/answer/question.js';
import { loadCorpus } from '../../src/index.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import { looseForm } from '../../src/index/stats.js';
import { DEFAULT_INDEX_OPTIONS } from '../../src/index/search-index.js';


/**
 * What retrieval must return, worked out apart from the engine's index: a MiniSearch
 * over each sentence's term and stem strings (read from the chunk objects), asked for
 * the question's words rarest first: the paragraphs of its best 15 sentences (the default), in that
 * order, each sentence with its score (0 where it matched nothing).
 */
function expectedCandidates(corpus: ReturnType<typeof buildIndex>): (question: string, document?: number) => Array<{ id: number; score: number }> {
  const { store, stats } = corpus;
  const reference = new MiniSearch<{ id: number; terms: string }>({ fields: ['terms'], tokenize: (text) => (text ? text.split(' ') : []), processTerm: (term) => term || null });
  const chunks = [...store.all()];
  for (const chunk of chunks) {
    const terms = chunk.tokens.filter((t) => t.term).flatMap((t) => (t.stem ? [t.term, t.stem] : [t.term]));
    reference.add({ id: chunk.id, terms: terms.join(' ') });
  }
  return (question, document) => {
    const content = parseQuestion(question).content;
    const words = [...new Set(content.map((t) => t.term).concat(content.map(looseForm)))];
    const postings = (word: string): number => stats.count(word) + stats.looseCount(word);
    const rarestFirst = words.filter((w) => postings(w) > 0).sort((a, b) => postings(a) - postings(b));
    if (rarestFirst.length === 0) return [];
    const found = reference.search(rarestFirst.join(' '), { combineWith: 'OR', ...(document === undefined ? {} : { filter: (r) => chunks[r.id]?.document === document }) });
    const scores = new Map<number, number>(found.map((r) => [r.id as number, r.score]));
    const out = new Map<number, number>();
    for (const { id } of found.slice(0, DEFAULT_INDEX_OPTIONS.candidates)) {
      const { document: d, paragraph } = chunks[id as number] as (typeof chunks)[number];
      for (const sibling of chunks) if (sibling.document === d && sibling.paragraph === paragraph && !out.has(sibling.id)) out.set(sibling.id, scores.get(sibling.id) ?? 0);
    }
    return [...out].map(([id, score]) => ({ id, score }));
  };
}

describe('retrieval', () => {
  it('returns the expected candidates, ties and their order included, for every SQuAD sample question', async () => {
    const { documents, questions } = await squadSample();
    const corpus = buildIndex(documents);
    const expected = expectedCandidates(corpus);
    let nonEmpty = 0;
    for (const question of questions) {
      const content = parseQuestion(question).content;
      const found = corpus.index.candidates(content);
      expect(found, question).toEqual(expected(question));
      expect(corpus.index.candidates(content, 1), question).toEqual(expected(question, 1));
      if (found.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(questions.length * 0.9);
  });

  it('finds every sentence holding a term, and only those', async () => {
    const { store, index } = buildIndex(await loadCorpus());
    const holding = [...store.all()].filter((c) => c.tokens.some((t) => t.term === 'norsat'));
    const paragraphs = new Set(holding.map((c) => c.paragraph));
    const expected = [...store.all()].filter((c) => paragraphs.has(c.paragraph)).map((c) => c.id);
    expect(holding.length).toBeGreaterThan(0);
    expect(index.candidates(parseQuestion('Norsat').content).map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    expect(index.candidates(parseQuestion('Zanzibar').content)).toEqual([]);
  });
});
