import { describe, expect, it } from 'vitest';
import { parseQuestion, withoutGoingTo, withoutPassiveGet } from '../../src/answer/question.js';

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

  it('reads the going of a future as no word to look up, and going as a verb of its own when it moves somewhere', () => {
    const future = (question: string): string[] => withoutGoingTo(parseQuestion(question)).content.map((t) => t.term);
    expect(future('Who is going to repair the harbour wall?')).toEqual(['repair', 'harbor', 'wall']);
    expect(future('What is going to happen to the ferry fares?')).not.toContain('go');
    expect(future('Why are fewer pupils going to the harbour school?')).toContain('go');
    // The question as parsed keeps every word: the models were fitted on it.
    expect(parseQuestion('Who is going to repair the harbour wall?').content.map((t) => t.term)).toContain('go');
  });
});
