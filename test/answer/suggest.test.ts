import { describe, expect, it } from 'vitest';
import { ask, type AnswerContext } from '../../src/answer/ask.js';
import { suggestQuestions } from '../../src/answer/suggest.js';
import { buildIndex } from '../../src/index/corpus-index.js';

/** A short article of our own, with people given titles, a firm, and a sentence that says nothing of what the firm is. */
const documents = [
  {
    id: 'ferry',
    title: 'New ferry for Carrow',
    paragraphs: [
      'Harbour master Leif Sandvik said the new ferry would dock at the north pier from June.',
      'The ferry was built by Nordby Marine in Bergen for 40 million crowns.',
      'Council leader Maria Okafor said the island of Carrow could not be cut off for four months.',
      'Anna Berg, the ferry captain, has sailed the route for twenty years.',
    ],
  },
];
const context: AnswerContext = { documents, ...buildIndex(documents) };

describe('suggestQuestions', () => {
  it('asks who holds a title the article gives a name, in reading order, with the title in lower case', () => {
    expect(suggestQuestions(context, 2)).toEqual(['Who is the harbour master?', 'Who is the council leader?']);
  });

  it('asks who a name is when the article says it beside the name, after a comma', () => {
    expect(suggestQuestions(context, 10)).toContain('Who is Anna Berg?');
  });

  it('suggests no question the engine answers with words the article does not say of the name', () => {
    // Answered, but with the price in the sentence that names the firm: no example of what the bot does.
    expect(ask(context, 'Who is Nordby Marine?').answered).toBe(true);
    expect(suggestQuestions(context, 10)).not.toContain('Who is Nordby Marine?');
  });

  it('suggests at most the number asked for, and none of a page without names', () => {
    expect(suggestQuestions(context, 1)).toHaveLength(1);
    const plain = [{ id: 'p', title: 'Notes', paragraphs: ['the ferry docks at the north pier.'] }];
    expect(suggestQuestions({ documents: plain, ...buildIndex(plain) }, 2)).toEqual([]);
  });
});
