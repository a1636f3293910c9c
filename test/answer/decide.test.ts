import { describe, expect, it } from 'vitest';
import { numberConflict } from '../../src/answer/decide.js';

describe('answer/decide', () => {
  it('finds a number swapped: the question has one the sentence lacks, and the sentence one the question lacks', () => {
    expect(numberConflict('Who was the director of the society in 1917?', 'Bowman was the director of the society in 1914.')).toBe(true);
    expect(numberConflict('When was Warsaw ranked the 22nd most liveable city?', 'In 2012 Warsaw was ranked the 32nd most liveable city.')).toBe(true);
  });

  it('finds none when the numbers agree, however they are written, or when one side has none', () => {
    expect(numberConflict('What did the firm pay in 2017?', 'In 2017 the firm paid 1,000 euros.')).toBe(false);
    expect(numberConflict('Which firm paid 1,000 euros?', 'Hytera paid 1000 euros in 2017.')).toBe(false);
    // Left out, or said in words: no number stands in its place.
    expect(numberConflict('What happened in 1914?', 'The war began that summer.')).toBe(false);
    expect(numberConflict('Who bought Norsat?', 'Hytera bought Norsat in 2017 for 62 million dollars.')).toBe(false);
  });
});
