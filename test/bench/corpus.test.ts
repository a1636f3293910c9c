import { describe, expect, it } from 'vitest';
import { generateLargeCorpus } from '../../bench/corpus.js';
import { loadCorpus } from '../../src/index.js';

describe('generateLargeCorpus', async () => {
  const sources = (await loadCorpus()).flatMap((d) => d.paragraphs);
  const options = { words: 20_000, documents: 40, questions: 30, seed: 7 };

  it('is the same for the same seed, and different for another', () => {
    const a = generateLargeCorpus(sources, options);
    expect(generateLargeCorpus(sources, options)).toEqual(a);
    expect(generateLargeCorpus(sources, { ...options, seed: 8 }).documents).not.toEqual(a.documents);
  });

  it('reaches the words and documents asked for, with vocabulary that keeps growing', () => {
    const corpus = generateLargeCorpus(sources, options);
    expect(corpus.words).toBeGreaterThanOrEqual(20_000);
    expect(corpus.documents.length).toBeGreaterThanOrEqual(40);
    const growth = corpus.vocabularyGrowth.map((g) => g.vocabulary);
    expect(growth.length).toBeGreaterThanOrEqual(9);
    for (let i = 1; i < growth.length; i++) expect(growth[i]).toBeGreaterThan(growth[i - 1] as number);
  });

  it('makes questions from its own sentences, each holding its answer', () => {
    const corpus = generateLargeCorpus(sources, options);
    const text = corpus.documents.flatMap((d) => d.paragraphs).join('\n');
    expect(corpus.questions).toHaveLength(30);
    for (const q of corpus.questions) {
      expect(text).toContain(q.sentence);
      expect(q.sentence).toContain(q.answer);
      expect(q.question).toMatch(/(what|how many)[^?]*\?$/);
    }
  });
});
