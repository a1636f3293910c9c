import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePhrase } from '../../src/chunk/analyze.js';
import { ChunkStore } from '../../src/chunk/store.js';
import type { Token } from '../../src/chunk/token.js';
import { CorpusStats, editDistance } from '../../src/index/stats.js';

const store = ChunkStore.build([{ id: 'd', title: 'T', paragraphs: ['The paper covers roads.', 'It does not include bridges.'] }]);
const stats = new CorpusStats(store);
const token = (word: string): Token => analyzePhrase(word)[0] as Token;

describe('CorpusStats.matches', () => {
  it('matches a question word by a related word as related, and by its own word as exact', () => {
    const newspaper = stats.wordIds(token('newspaper'), ['paper']);
    const paper = stats.wordIds(token('paper'));
    expect(stats.matches([newspaper, paper], 0, 1)).toEqual(['related', 'exact']);
    expect(stats.matches([newspaper], 1, 2)).toEqual(['none']);
  });

  it('matches an opposite only where it is negated', () => {
    const omit = stats.wordIds(token('omit'), [], ['include', 'cover']);
    expect(stats.matches([omit], 0, 1)).toEqual(['none']);
    expect(stats.matches([omit], 1, 2)).toEqual(['related']);
    expect(stats.matches([omit], 0, 2)).toEqual(['related']);
  });

  it('leaves out related words the article never uses', () => {
    expect(stats.wordIds(token('newspaper'), ['journal', 'paper']).related).toEqual([stats.wordIds(token('paper')).term]);
  });
});

describe('CorpusStats.closest', () => {
  const sample = ChunkStore.build([
    {
      id: 'd',
      title: 'T',
      paragraphs: [
        'The provincial government announced a stadium for the headquarters of the organization.',
        'Passengers of the airline praised the premier, whose company built the district station in 1998.',
      ],
    },
  ]);
  const sampleStats = new CorpusStats(sample);
  const words = [...new Set([...sample.all()].flatMap((chunk) => chunk.tokens.map((t) => t.term)))].filter((w) => w.length >= 4 && !/\d/.test(w));
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
  // One edit of a word: a letter inserted, deleted, replaced, or two neighbours swapped.
  const misspelled = fc
    .tuple(fc.constantFrom(...words), fc.nat(), letter, fc.integer({ min: 0, max: 3 }))
    .map(([word, at, c, kind]) => {
      const i = at % word.length;
      if (kind === 0) return word.slice(0, i) + c + word.slice(i);
      if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
      if (kind === 2) return word.slice(0, i) + c + word.slice(i + 1);
      const j = Math.min(i, word.length - 2);
      return word.slice(0, j) + word[j + 1] + word[j] + word.slice(j + 2);
    })
    .filter((word) => word.length >= 4);

  it('finds a word of the article within one edit of any word one edit away from one of its own', () => {
    fc.assert(
      fc.property(misspelled, (word) => {
        const found = sampleStats.closest(word);
        expect(found).toBeDefined();
        expect(editDistance(word, found as string, 3)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('corrects a misspelling to the article’s word, and leaves a word too far from any alone', () => {
    expect(sampleStats.closest('goverment')).toBe('government');
    expect(sampleStats.closest('headquaters')).toBe('headquarters');
    expect(sampleStats.closest('stadum')).toBe('stadium');
    expect(sampleStats.closest('zebra')).toBeUndefined();
  });
});
