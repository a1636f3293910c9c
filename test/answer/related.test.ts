import { describe, expect, it } from 'vitest';
import { analyzePhrase } from '../../src/chunk/analyze.js';
import { oppositeTerms, relatedTerms } from '../../src/answer/related.js';
import { buildIndex } from '../../src/index/corpus-index.js';

const { stats } = buildIndex([
  {
    id: 'd',
    title: 'T',
    paragraphs: [
      'An official told the paper, which first reported the deal.',
      'The deal does not encompass spying, and breaches dropped.',
      'Its chairwoman, Ana Ruiz, said the firm would appeal.',
    ],
  },
]);

/** The related terms of question word `word` in `question`. */
function related(question: string, word: string): ReturnType<typeof relatedTerms> {
  const tokens = analyzePhrase(question);
  const at = tokens.findIndex((t) => t.text === word);
  return relatedTerms(tokens[at]!, tokens[at + 1], stats);
}

describe('relatedTerms', () => {
  it('gives the article’s synonyms of a word it never uses', () => {
    expect(related('Which newspaper had the story first?', 'newspaper').related).toEqual(['paper']);
    expect(related('Which newspaper had the story first?', 'story').related).toEqual(['report']);
  });

  it('takes a phrasal verb whole: left out relates to the article’s encompass, not to its dropped', () => {
    expect(related('What is left out of the deal?', 'left')).toEqual({ related: [], opposite: ['encompass'] });
  });

  it('relates a verb the article never uses to the people it names who do it: runs to chairwoman', () => {
    expect(related('Who runs the firm?', 'runs').related).toContain('chairwoman');
    expect(related('Who allowed the deal?', 'allowed').related).not.toContain('chairwoman');
  });

  it('gives the article’s opposites of a question word: increase to its dropped, excluded to its encompass', () => {
    const opposites = (question: string, word: string): string[] => {
      const tokens = analyzePhrase(question);
      const at = tokens.findIndex((t) => t.text === word);
      return oppositeTerms(tokens[at]!, tokens[at + 1], stats);
    };
    expect(opposites('Did breaches increase?', 'increase')).toEqual(['drop']);
    expect(opposites('What is excluded?', 'excluded')).toEqual(['encompass']);
  });

  it('relates nothing to names, numbers or words WordNet lacks', () => {
    expect(related('Who is Hytera?', 'Hytera')).toEqual({ related: [], opposite: [] });
    expect(related('Did the zorblax report it?', 'zorblax')).toEqual({ related: [], opposite: [] });
  });
});
