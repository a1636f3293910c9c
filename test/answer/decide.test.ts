import { describe, expect, it } from 'vitest';
import { calibrationRow, numberConflict } from '../../src/answer/decide.js';

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

  it('gives the page calibration the decision’s log-odds, finite at 0 and 1, and the log of the sentences searched', () => {
    expect(Array.from(calibrationRow(0.5, 1, 1))).toEqual([0, 0, 0, 0]);
    const [sure, sentences] = calibrationRow(1, 20, 1);
    expect(Number.isFinite(sure)).toBe(true);
    expect(sure).toBeGreaterThan(10);
    expect(sentences).toBeCloseTo(Math.log(20), 10);
    expect(calibrationRow(0, 0, 1)[0]).toBeLessThan(-10);
    expect(calibrationRow(0, 0, 1)[1]).toBe(0);
  });

  it('tells the page calibration the share of the question the article lacks, alone and by the page’s size', () => {
    const [, size, unknown, bySize] = calibrationRow(0.3, 30, 0.25);
    expect(unknown).toBeCloseTo(0.75, 10);
    expect(bySize).toBeCloseTo(0.75 * (size as number), 10);
    expect(Array.from(calibrationRow(0.3, 30, 1)).slice(2)).toEqual([0, 0]);
  });
});
