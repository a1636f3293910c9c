import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/chunk/analyze.js';
import { candidates } from '../../src/answer/spans.js';

/** The texts of a sentence's candidates of one shape. */
function spans(sentence: string, shape: string): string[] {
  const tokens = analyzeQuestion(sentence);
  return candidates(tokens)
    .filter((c) => c.shape === shape)
    .map((c) => sentence.slice(tokens[c.first]?.start, tokens[c.last]?.end));
}

const phrases = (sentence: string): string[] => spans(sentence, 'phrase');

describe('candidates', () => {
  it('keeps a participle joined by a hyphen inside its noun phrase', () => {
    expect(phrases('It does not encompass state-sponsored cyber spying.')).toContain('state-sponsored cyber');
  });

  it('does not join a verb set apart by spaced dashes', () => {
    expect(phrases('They named the state - sponsored groups aside - as a risk.')).not.toContain('the state - sponsored groups');
  });

  it('offers days and months as dates, never as names', () => {
    const sentence = 'Siemens Energy said on Tuesday it had won the order in June.';
    expect(spans(sentence, 'name')).toEqual(['Siemens Energy']);
    expect(spans(sentence, 'date')).toEqual(expect.arrayContaining(['Tuesday']));
  });

  it('does not offer a name that modifies a noun, even across a number, as a name of its own', () => {
    expect(spans('The Formosa 4 project will be built off the coast of Miaoli County.', 'name')).toEqual(['Miaoli County']);
  });
});
