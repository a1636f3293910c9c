import { describe, expect, it } from 'vitest';
import { exactMatch, f1Score, normalizeAnswer } from '../../src/eval/metrics.js';

describe('normalizeAnswer', () => {
  it('lower-cases, drops punctuation and articles, and collapses white space', () => {
    expect(normalizeAnswer('  The  Globe and Mail!  ')).toBe('globe and mail');
    expect(normalizeAnswer('An NII.TO, a ticker')).toBe('niito ticker');
  });
});

describe('exactMatch', () => {
  it('is 1 when the prediction equals any gold answer after normalization', () => {
    expect(exactMatch('the Globe and Mail', ['Globe and Mail', 'x'])).toBe(1);
    expect(exactMatch('Globe', ['Globe and Mail'])).toBe(0);
  });
});

describe('f1Score', () => {
  it('scores token overlap, best over gold answers', () => {
    expect(f1Score('Hytera Communications', ['Hytera Communications Corp Ltd'])).toBeCloseTo(2 / 3);
    expect(f1Score('Hytera', ['Norsat', 'Hytera'])).toBe(1);
    expect(f1Score('Beijing', ['Ottawa'])).toBe(0);
  });

  it('gives 1 to an empty prediction only when the gold answer is empty too (SQuAD v2)', () => {
    expect(f1Score('', [''])).toBe(1);
    expect(f1Score('', ['Beijing'])).toBe(0);
  });
});
