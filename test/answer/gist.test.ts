import { describe, expect, it } from 'vitest';
import { asksForGist } from '../../src/answer/gist.js';
import { Engine, NEW_CONVERSATION, remember } from '../../src/index.js';

const ferry = { id: 'ferry', title: 'Blue Line buys the Night Star ferry', paragraphs: ['Blue Line Shipping has bought the Night Star ferry for 12 million euros. The sale closes in May.', 'The council approved the sale on Tuesday.'] };
const levy = { id: 'levy', title: 'Harbour levy passes', paragraphs: ['The harbour levy passed by nine votes to four. It funds the new sea wall.'] };
const engine = Engine.fromDocuments([ferry, levy]);

describe('asksForGist', () => {
  it('recognizes questions for what the document itself is about', () => {
    for (const question of ['What is this article about?', 'what’s the story about', 'Summarize the article', 'sum up this page please', 'tl;dr', 'TL DR', 'Give me a summary', 'What is the gist of the article?', 'What does the article say?', 'What is it about?', 'Tell me about the article', 'Describe this story', 'What happened?', 'what’s happening', 'What is going on?']) {
      expect(asksForGist(question), question).toBe(true);
    }
  });

  it('leaves questions about what something the text talks about is about or says', () => {
    for (const question of ['What is the levy about?', 'What does the council say?', 'Summarize the council vote', 'What is the summary of the ruling?', 'What is the article 5 about?', 'Tell me about it', 'Tell me about the levy', 'What happened to the levy?', 'What happened then?']) {
      expect(asksForGist(question), question).toBe(false);
    }
  });
});

describe('answering what the document is about', () => {
  it('quotes the opening sentence of each document in scope, with no short answer, and nothing guessed', () => {
    const answer = engine.ask('What is this article about?');
    expect(answer).toMatchObject({ answered: true, answer: '', confidence: 1 });
    expect(answer.quotes.map((q) => [q.documentId, q.paragraph, q.text])).toEqual([
      ['ferry', 1, 'Blue Line Shipping has bought the Night Star ferry for 12 million euros.'],
      ['levy', 1, 'The harbour levy passed by nine votes to four.'],
    ]);
  });

  it('quotes only the document asked of', () => {
    const answer = engine.ask('tl;dr', { documentId: 'levy' });
    expect(answer.quotes.map((q) => q.documentId)).toEqual(['levy']);
  });

  it('gives the next question nothing to lean on: its it is the article, not a phrase to put back', () => {
    const conversation = remember(remember(NEW_CONVERSATION, engine.ask('Who bought the Night Star ferry?')), engine.ask('What is this article about?'));
    const answer = engine.ask('When did the council approve it?', { conversation });
    expect(answer.understood).toBeUndefined();
  });
});
