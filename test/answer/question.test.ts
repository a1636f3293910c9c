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

  it('reads the noun after kind of, type of or sort of as what the question asks for', () => {
    expect(parseQuestion('What kind of vessel ran aground?')).toMatchObject({ kind: 'entity', focus: 'vessel' });
    expect(parseQuestion('Which types of fish live in the harbour?')).toMatchObject({ kind: 'entity', focus: 'fish' });
    // The kind the noun names still sets the kind of answer: a person, a year.
    expect(parseQuestion('What sort of person runs the ferry?')).toMatchObject({ kind: 'person', focus: 'person' });
    expect(parseQuestion('What kind of year was it for the harbour?')).toMatchObject({ kind: 'date', focus: 'year' });
    // A kind noun that is not followed by `of` is the thing asked for.
    expect(parseQuestion('What type is the ferry?').focus).toBe('type');
  });
});
