import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/chunk/analyze.js';
import { ChunkStore } from '../../src/chunk/store.js';
import type { Token } from '../../src/chunk/token.js';
import { CorpusStats } from '../../src/index/stats.js';

const store = ChunkStore.build([{ id: 'd', title: 'T', paragraphs: ['The paper covers roads.', 'It does not include bridges.'] }]);
const stats = new CorpusStats(store);
const token = (word: string): Token => analyzeQuestion(word)[0] as Token;

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
