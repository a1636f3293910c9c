import { describe, expect, it } from 'vitest';
import { parseQuestion, withoutPassiveGet } from '../../src/answer/question.js';

const terms = (question: string): string[] => withoutPassiveGet(parseQuestion(question)).content.map((t) => t.term);

describe('answer/question', () => {
  it('reads the get of a passive as no word to look up, as it reads was, and get as a verb otherwise', () => {
    expect(terms('who got fined?')).toHaveLength(1);
    expect(terms('who got fined?')).not.toContain('get');
    expect(terms('When did the harbour wall get repaired?')).toEqual(['harbor', 'wall', 'repair']);
    expect(terms('Who got the prize?')).toContain('get');
    // The question as parsed keeps every word: the models were fitted on it.
    expect(parseQuestion('who got fined?').content.map((t) => t.term)).toContain('get');
  });
});
