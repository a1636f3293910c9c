import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const ask = (paragraphs: string[], question: string) => Engine.fromDocuments([{ id: 'd', title: 'Results', paragraphs }]).ask(question);

describe('antecedent', () => {
  it('answers from the sentence before that names what the best sentence calls "the company"', () => {
    const answer = ask(
      ['Acme Corp reported record profits on Monday.', 'Shares of many firms rose.', 'An analyst told the company, which first reported the results, that sales rose.'],
      'Which company reported the results?',
    );
    expect(answer.answer).toBe('Acme Corp');
    expect(answer.quotes.map((q) => q.paragraph)).toEqual([1, 3]);
  });

  it('keeps the best sentence when it names the answer itself', () => {
    const answer = ask(
      ['Acme Corp reported record profits on Monday.', 'The company, Globex, first reported the results.'],
      'Which company reported the results?',
    );
    expect(answer.answer).toBe('Globex');
    expect(answer.quotes[0]?.paragraph).toBe(2);
  });

  it('keeps the best sentence when no sentence shortly before shares words with the question, names or not', () => {
    const answer = ask(
      ['Acme Corp reported record profits.', 'Shares of Initech rose.', 'Prices fell in Tokyo.', 'Markets closed early.', 'An analyst told the company, which first reported the results, that sales rose.'],
      'Which company reported the results?',
    );
    expect(answer.quotes[0]?.paragraph).toBe(5);
  });
});
