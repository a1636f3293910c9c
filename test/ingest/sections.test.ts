import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SectionList, sectionOf } from '../../src/ingest/sections.js';

describe('SectionList', () => {
  it('records each heading with the paragraph it opens; of headings with nothing between, the last', () => {
    const list = new SectionList();
    list.heading('Part one', 0);
    list.heading('  Costs \n and  fees ', 0);
    list.heading('', 2);
    list.heading('Visiting', 3);
    expect(list.sections).toEqual([
      { heading: 'Costs and fees', paragraph: 1 },
      { heading: 'Visiting', paragraph: 4 },
    ]);
  });
});

describe('sectionOf', () => {
  it('names the heading a paragraph sits under, and none before the first heading or without headings', () => {
    const sections = [
      { heading: 'Who paid', paragraph: 2 },
      { heading: 'Visiting', paragraph: 4 },
    ];
    expect([1, 2, 3, 4, 9].map((n) => sectionOf({ sections }, n))).toEqual([undefined, 'Who paid', 'Who paid', 'Visiting', 'Visiting']);
    expect(sectionOf({}, 1)).toBeUndefined();
  });

  it('agrees with a scan of the sections for any headings and paragraph', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 200 })), fc.integer({ min: 1, max: 220 }), (starts, paragraph) => {
        const sections = [...starts].sort((a, b) => a - b).map((p) => ({ heading: `h${p}`, paragraph: p }));
        const scanned = sections.filter((s) => s.paragraph <= paragraph).at(-1)?.heading;
        return sectionOf({ sections }, paragraph) === scanned;
      }),
    );
  });
});
