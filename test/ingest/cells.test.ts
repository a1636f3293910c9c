import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, joinCells } from '../../src/ingest/cells.js';

describe('joinCells', () => {
  it('reads a row across between bars, collapsing each cell’s spaces and keeping empty cells in their place', () => {
    expect(joinCells(['Pro', ' $12 ', '1\n TB'])).toBe('Pro | $12 | 1 TB');
    expect(joinCells(['Hall', '', 'stage'])).toBe('Hall | | stage');
  });

  it('gives nothing when every cell is empty', () => {
    expect(joinCells(['', '  ', '\n'])).toBe('');
  });
});

describe('cellsOf', () => {
  it('finds the cells joinCells wrote, empty ones included, and leaves a bar inside a word in its cell', () => {
    const text = 'Hall | | a|b | stage';
    expect(cellsOf(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Hall', '', 'a|b', 'stage']);
    expect(cellsOf('| $5').map(({ start, end }) => '| $5'.slice(start, end))).toEqual(['', '$5']);
  });

  it('reads a sentence without bars as one cell', () => {
    expect(cellsOf('Tickets are valid all day.')).toEqual([{ start: 0, end: 26 }]);
  });

  it('gives back every cell of a joined row, in order, at offsets that reproduce it', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9$£.|-]{0,6}( [A-Za-z0-9$£.-]{1,6}){0,2}$/).map((c) => c.trim()).filter((c) => !/^\||\|$/.test(c));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 6 }).filter((cells) => cells.some((c) => c !== '')), (cells) => {
        const text = joinCells(cells);
        expect(cellsOf(text).map(({ start, end }) => text.slice(start, end))).toEqual(cells);
      }),
    );
  });
});
