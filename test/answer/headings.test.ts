import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/answer/candidates.js';
import { headingMatches, headingsAt, headingsOf, inHeadings, withHeading } from '../../src/answer/headings.js';
import { parseQuestion } from '../../src/answer/question.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import type { Match } from '../../src/index/stats.js';
import { POOL_PAGE as page } from './pool-page.js';

describe('headingsOf', () => {
  it('gives each section its heading and the chunks under it, and no section to the paragraphs before the first heading', () => {
    const { store } = buildIndex([page]);
    const headings = headingsOf(store);
    expect(headings.sections.map((s) => [s.tokens.map((t) => t.word), s.first, s.end])).toEqual([
      [['opening', 'hours'], 1, 3],
      [['prices'], 3, 5],
    ]);
    expect([0, 1, 2, 3, 4].map((id) => headingsAt(headings, id).map((h) => h.first))).toEqual([[], [1], [1], [3], [3]]);
  });

  it('gives a table’s rows its header as a heading too, inside their section', () => {
    const { store } = buildIndex([{ ...page, labels: [{ text: 'Day Hours', first: 2, last: 3 }] }]);
    const headings = headingsOf(store);
    expect(headings.tables.map((t) => [t.tokens.map((token) => token.word), t.first, t.end])).toEqual([[['day', 'hours'], 1, 3]]);
    expect(headingsAt(headings, 2).map((h) => h.tokens.map((t) => t.word).join(' '))).toEqual(['opening hours', 'day hours']);
    expect(headingsAt(headings, 3).map((h) => h.tokens.map((t) => t.word).join(' '))).toEqual(['prices']);
  });

  it('finds no sections in documents without headings', () => {
    const { store } = buildIndex([{ ...page, sections: undefined }]);
    expect(headingsOf(store).sections).toEqual([]);
  });

  it('places every chunk in the section of its paragraph, for any headings', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }), (starts) => {
        const sections = [...starts].sort((a, b) => a - b).map((paragraph) => ({ heading: `Part ${paragraph} rules`, paragraph }));
        const { store } = buildIndex([{ ...page, sections }]);
        const headings = headingsOf(store);
        for (let id = 0; id < store.size; id++) {
          const paragraph = (store.chunk(id) as { paragraph: number }).paragraph;
          const opening = sections.filter((s) => s.paragraph <= paragraph).at(-1)?.paragraph;
          const found = headingsAt(headings, id)[0];
          expect(found === undefined ? undefined : (store.chunk(found.first) as { paragraph: number }).paragraph).toBe(opening);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('headingMatches', () => {
  it('matches a question word a heading says exactly, by its stem, or not at all', () => {
    const { store, stats } = buildIndex([page]);
    const headings = headingsOf(store);
    const asked = askQuestion(parseQuestion('What are the opening times and the price of the pool?'), { store, stats });
    expect(asked.terms.map((t) => t.token.term)).toEqual(['opening', 'time', 'price', 'pool']);
    expect(headingMatches(headings.sections[0]!, asked.terms)).toEqual(['exact', 'none', 'none', 'none']);
    // The heading says *Prices*, a name to the tagger (a heading is set in capitals), found by its stem.
    expect(headingMatches(headings.sections[1]!, asked.terms)).toEqual(['none', 'none', 'loose', 'none']);
  });

  it('keeps the better of a sentence’s match and its heading’s for each word', () => {
    const sentence: Match[] = ['none', 'related', 'exact', 'loose'];
    const heading: Match[] = ['loose', 'exact', 'none', 'related'];
    expect(withHeading(sentence, heading)).toEqual(['loose', 'exact', 'exact', 'loose']);
  });
});

describe('inHeadings', () => {
  it('counts a word only a heading says as the article’s, so a question using it is not told the article lacks it', () => {
    const { store, stats } = buildIndex([page]);
    expect(inHeadings(headingsOf(store), { term: 'hour', word: 'hours', stem: '' })).toBe(true);
    const asked = askQuestion(parseQuestion('What are the hours?'), { store, stats });
    expect(asked.terms.map((t) => [t.token.term, t.known])).toEqual([['hour', true]]);
    const without = buildIndex([{ ...page, sections: undefined }]);
    expect(askQuestion(parseQuestion('What are the hours?'), without).terms.map((t) => t.known)).toEqual([false]);
  });
});
