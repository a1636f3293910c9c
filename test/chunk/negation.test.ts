import { describe, expect, it } from 'vitest';
import { analyzePhrase } from '../../src/chunk/analyze.js';
import { isNegated } from '../../src/chunk/negation.js';

/** Whether `word` is negated in `sentence`. */
function negated(sentence: string, word: string): boolean {
  const tokens = analyzePhrase(sentence);
  return isNegated(tokens, tokens.findIndex((t) => t.text === word));
}

describe('isNegated', () => {
  it('finds not, n’t and never before a verb, across auxiliaries and adverbs', () => {
    expect(negated('It does not encompass state-sponsored cyber spying.', 'encompass')).toBe(true);
    expect(negated('The plan doesn’t include the bridge.', 'include')).toBe(true);
    expect(negated('They have never really covered it.', 'covered')).toBe(true);
  });

  it('is false without a negation, or when a content word stands between', () => {
    expect(negated('The new agreement covers only economic cyber espionage.', 'covers')).toBe(false);
    expect(negated('Not one official said the deal covers spying.', 'covers')).toBe(false);
    expect(negated('Covers are not cheap.', 'Covers')).toBe(false);
  });
});
