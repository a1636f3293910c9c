import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/candidates.js';
import { parseQuestion } from '../../src/answer/question.js';
import { buildIndex } from '../../src/index/corpus-index.js';

const documents = [
  {
    id: 'ferry',
    title: 'Ferry',
    paragraphs: ['Norvik Marine bought the Night Star ferry in March.', 'It will be repainted blue next spring.'],
  },
];
const context = buildIndex(documents);

describe('askQuestion', () => {
  it('weighs the words a follow-up\'s reading put in at the given share of their rarity, and the question\'s own as they are', () => {
    const question = parseQuestion('When will the Night Star ferry be repainted?');
    const plain = askQuestion(question, context);
    const read = askQuestion(question, context, { words: new Set(['night', 'star', 'ferry']), weight: 0.25 });
    const weightOf = (asked: typeof plain, term: string): number => asked.terms.find((t) => t.token.term === term)?.weight ?? Number.NaN;
    for (const term of ['night', 'star', 'ferry']) expect(weightOf(read, term)).toBeCloseTo(weightOf(plain, term) * 0.25, 10);
    expect(weightOf(read, 'repaint')).toBe(weightOf(plain, 'repaint'));
    // The shares of the question the article knows are of the weights as read.
    expect(read.known).toBe(plain.known);
  });
});
