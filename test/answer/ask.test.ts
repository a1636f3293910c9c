import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine, type Answer } from '../../src/index.js';
import { WordNet } from '../../src/wordnet/wordnet.js';

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.load();
});

/** Every quote of an answer is its paragraph's text at its offsets, and highlights sit inside it. */
function expectVerbatim(answer: Answer): void {
  for (const quote of answer.quotes) {
    const paragraph = engine.passage(quote.paragraph, quote.documentId).text;
    expect(paragraph.slice(quote.start, quote.end)).toBe(quote.text);
    for (const [start, end] of quote.highlights) {
      expect(start).toBeGreaterThanOrEqual(quote.start);
      expect(end).toBeLessThanOrEqual(quote.end);
    }
  }
  if (answer.answered && answer.answer) expect(answer.quotes[0]?.text).toContain(answer.answer);
}

describe('Engine.ask', () => {
  it('answers who bought Norsat with Hytera, quoting ¶8 (bought matches buy)', () => {
    const answer = engine.ask('who bought Norsat?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/^Hytera Communications Corp Ltd/);
    expect(answer.quotes[0]?.paragraph).toBe(8);
    const highlighted = answer.quotes[0]?.highlights.map(([s, e]) => engine.passage(8).text.slice(s, e));
    expect(highlighted).toEqual(expect.arrayContaining(['buy', 'Norsat']));
    expectVerbatim(answer);
  });

  it('answers what the deal covers with economic cyber espionage from ¶6', () => {
    const answer = engine.ask('what does the deal cover?');
    expect(answer.answer).toContain('economic cyber espionage');
    expect(answer.quotes[0]?.paragraph).toBe(6);
  });

  it('answers with the span of the kind the question word asks for', () => {
    expect(engine.ask('Where was Michael Martina reporting from?').answer).toBe('Beijing');
    expect(engine.ask('Who is Andrew Scheer?').answer).toBe('party leader');
    expect(engine.ask('When did China and the United States reach a similar understanding?').answer).toBe('2015');
  });

  it('finds the paragraph when the question words are spread over two of its sentences', () => {
    // `agreement` and `cover` are in ¶6's first sentence, `intelligence gathering` in its second.
    const answer = engine.ask('Which intelligence gathering does the agreement not cover?');
    expect(answer.quotes[0]?.paragraph).toBe(6);
  });

  it('declines and names the missing words when the article does not mention them', () => {
    const answer = engine.ask('What is the capital of Germany?');
    expect(answer).toMatchObject({ answered: false, answer: '' });
    expect(answer.reason).toMatch(/doesn't mention .*Germany/);
    expect(engine.ask('What did the European Union say about the agreement?').reason).toContain('European Union');
    expect(engine.ask('How many jobs will the agreement create?').reason).toContain('jobs');
  });

  it('answers which newspaper broke the story in synonyms, quoting where the paper is named (¶3), then ¶4', () => {
    // `newspaper` matches ¶4's `paper` and `story` its `reported`; ¶4 only says `the paper`, ¶3 names it.
    const answer = engine.ask('Which newspaper broke the story?');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe('Globe and Mail');
    expect(answer.quotes.map((q) => q.paragraph).slice(0, 2)).toEqual([3, 4]);
    expectVerbatim(answer);
  });

  it('answers what is left out from the sentence saying what the agreement does not encompass', () => {
    const answer = engine.ask('What is left out of the agreement?');
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]?.text).toBe('It does not encompass state-sponsored cyber spying for intelligence gathering.');
    expectVerbatim(answer);
  });

  it('answers what a plan leaves out from its negated statement, not from what it covers', () => {
    const plan = Engine.fromDocuments([{ id: 'plan', title: 'Budget', paragraphs: ['The plan covers road repairs and new buses. It does not include the bridge over the river, officials said.'] }]);
    for (const question of ['What does the plan leave out?', 'What does the plan omit?']) {
      const answer = plan.ask(question);
      expect(answer.answer).toBe('bridge');
      expect(answer.quotes[0]?.text).toMatch(/^It does not include/);
    }
  });

  it('quotes the sentence that negates the verb the question negates, over one that only shares its other words', () => {
    const rail = Engine.fromDocuments([{ id: 'rail', title: 'Rail', paragraphs: ['The first phase, linking London with Birmingham, is still expected to open between 2029 and 2033. It does not cover the eastern branch to Leeds, which was scrapped in 2021.'] }]);
    const answer = rail.ask('What is not covered by the first phase?');
    expect(answer.quotes[0]?.text).toMatch(/^It does not cover/);
    expect(answer.answer).toBe('eastern branch');
  });

  it('answers who holds a title with the name after it, however the question writes the title', () => {
    for (const question of ['Who is the prime minister of Canada?', 'Who is the Prime Minister of Canada?']) {
      expect(engine.ask(question)).toMatchObject({ answered: true, answer: 'Justin Trudeau' });
    }
    // What is left of a name is still no answer: `Cisco` of `Cisco Systems`.
    const system = Engine.fromDocuments([{ id: 'd', title: 'Pay TV', paragraphs: ['BSkyB uses the VideoGuard pay-TV scrambling system owned by NDS, a Cisco Systems company.'] }]);
    expect(system.ask('What is the name of the TV scrambling system BSkyB uses?').answer).toBe('VideoGuard');
  });

  it('never answers with what is left of a name the question uses (Andrew of Andrew Scheer)', () => {
    expect(engine.ask('Which television channel did Scheer talk to?').answer).toBe('CTV');
  });

  it('does not answer what something covers from a sentence saying what it does not cover', () => {
    const rail = Engine.fromDocuments([{ id: 'rail', title: 'Rail', paragraphs: ['The new line does not cover the eastern branch to Leeds.', 'The new line covers the towns of the west coast.'] }]);
    const answer = rail.ask('What does the new line cover?');
    expect(answer.quotes[0]?.text).toBe('The new line covers the towns of the west coast.');
  });

  it('declines "what is the X of Y" when the article never uses X, however often it names Y', () => {
    for (const [question, missing] of [['What is the capital of Canada?', 'capital'], ['Who is the president of the United States?', 'president']] as const) {
      const answer = engine.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.reason).toContain(missing);
    }
  });

  it('answers a question for a name though the article never uses the word name, call or know', () => {
    expect(engine.ask('What is the name of the company that bought Norsat?')).toMatchObject({ answered: true, answer: 'Hytera Communications Corp Ltd 002583.SZ' });
    const ferry = Engine.fromDocuments([
      { id: 'ferry', title: 'Council keeps the Night Star ferry', paragraphs: ['The council voted on Thursday to keep the Night Star ferry running through the winter.'] },
    ]);
    for (const question of ['What is the name of the ferry?', 'What is the ferry called?', 'What is the ferry known as?']) {
      expect(ferry.ask(question)).toMatchObject({ answered: true, answer: 'Night Star' });
    }
  });

  it('declines a question for the name of a thing the article does not mention, naming it', () => {
    for (const [question, missing] of [['What was the naval base called?', 'naval'], ['What is the name of the bridge?', 'bridge']] as const) {
      const answer = engine.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.reason).toContain(missing);
      expect(answer.reason).not.toMatch(/name|call/);
    }
  });

  it('answers a yes-or-no question with the sentence that says, and no short answer that would not say yes or no', () => {
    const answer = engine.ask('Does the agreement cover economic cyber espionage?');
    expect(answer).toMatchObject({ answered: true, answer: '' });
    expect(answer.quotes[0]?.paragraph).toBe(6);
    expect(answer.quotes[0]?.text).toContain('covers only economic cyber espionage');
    expect(engine.ask('Is the agreement binding?').answered).toBe(false);
  });

  it('still declines when the article has only synonyms of the question words and does not say', () => {
    for (const question of ['What is the newspaper’s circulation?', 'Who owns the newspaper?']) {
      const answer = engine.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.reason).toContain('newspaper');
    }
  });

  it('reads WordNet only for question words the article never uses', () => {
    const senses = vi.spyOn(WordNet.prototype, 'senses');
    try {
      // Words no other test asks about, so no remembered look-up hides a read.
      engine.ask('Why does the Liberal government want to lessen dependence on exports?');
      expect(senses).not.toHaveBeenCalled();
      engine.ask('Which periodical covered the deal?');
      expect(senses).toHaveBeenCalled();
    } finally {
      senses.mockRestore();
    }
  });

  it('declines a how-much question when the article gives no amount', () => {
    const answer = engine.ask('How much did Hytera pay for Norsat?');
    expect(answer.answered).toBe(false);
    expect(answer.reason).toBe("The article doesn't mention the amount or price.");
  });

  it('offers the closest passages when it declines but the article has related words', () => {
    const answer = engine.ask('How many jobs will the agreement create?');
    expect(answer.answered).toBe(false);
    expectVerbatim(answer);
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n '],
    ['punctuation only', '?!?...;'],
    ['10,000 characters', 'who bought Norsat '.repeat(560).slice(0, 10_000)],
    ['emoji', '🤔🤔 who 🛰️ bought 💰 Norsat?'],
    ['control characters', 'who\u0000 bought\u0007 Norsat\u001b[31m?'],
    ['another language', '¿Quién compró Norsat? 谁收购了Norsat？'],
    ['only stop words', 'what is the of and it?'],
  ])('gives a clear answer or decline, never an exception, for a %s question', (_, question) => {
    const answer = engine.ask(question);
    expect(typeof answer.answered).toBe('boolean');
    expect(answer.confidence).toBeGreaterThanOrEqual(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    if (!answer.answered) expect(answer.reason).toMatch(/^The (article|question)/);
    expectVerbatim(answer);
  });

  it('declines an empty question saying so', () => {
    expect(engine.ask('   ').reason).toBe('The question is empty.');
    expect(engine.ask('?!').reason).toBe('The question has no words to look up in the article.');
  });

  it('returns verbatim quotes and at most three of them for any question', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('', 'who bought ', 'when did ', 'cyber '), (noise, prefix) => {
        const answer = engine.ask(prefix + noise);
        expect(answer.quotes.length).toBeLessThanOrEqual(3);
        expectVerbatim(answer);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Engine.search', () => {
  it('returns passages that share words with the query, best first', () => {
    const quotes = engine.search('cyber espionage', 5);
    expect(quotes.length).toBeGreaterThan(1);
    expect(quotes.length).toBeLessThanOrEqual(5);
    for (const quote of quotes) expect(quote.highlights.length).toBeGreaterThan(0);
  });

  it('returns nothing for a query without words from the article', () => {
    expect(engine.search('zebra giraffe', 5)).toEqual([]);
  });
});

describe('Engine.passage', () => {
  it('returns a paragraph verbatim by number', () => {
    expect(engine.passage(1).text).toMatch(/^\(Reuters\) - China and Canada/);
  });

  it('throws a newsbot error naming the bad number and the valid range', () => {
    expect(() => engine.passage(99)).toThrow('newsbot: paragraph "99" does not exist: "China, Canada vow not to conduct cyber attacks on private sector" has paragraphs 1 to 16');
    expect(() => engine.passage(1, 'nope')).toThrow('newsbot: there is no document "nope"');
  });
});

describe('Engine.documents', () => {
  it('lists the loaded documents with title and paragraph count', () => {
    expect(engine.documents()).toEqual([
      expect.objectContaining({ id: 'china-canada-cyber-agreement', title: 'China, Canada vow not to conduct cyber attacks on private sector', paragraphs: 16 }),
    ]);
  });
});
