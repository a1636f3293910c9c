import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bylineName, isByline, withByline } from '../../src/ingest/byline.js';
import type { SourceDocument } from '../../src/types.js';

describe('isByline', () => {
  it('takes "By NAME" lines, with a role, a date or a site after a separator', () => {
    for (const line of ['By Maria Delgado', 'By Maria Delgado, Staff Writer', 'BY JOHN SMITH', 'Written by Kim Ng', 'By Ana de la Cruz and Tom Lee | March 3, 2024', 'By Kim Ng - Reuters', 'By Élodie Brûlé · Le Monde']) {
      expect(isByline(line), line).toBe(true);
    }
  });

  it('leaves prose that starts with "by" alone', () => {
    for (const line of ['By Monday, officials had agreed to the plan.', 'By the time the meeting ended, nobody was left.', 'By 2030 the city wants no coal.', 'By Maria Delgado. She writes about towns.', `By ${'Long '.repeat(30)}Name`]) {
      expect(isByline(line), line).toBe(false);
    }
  });
});

describe('bylineName', () => {
  it('gives the name without "By" and the role, as a substring of the byline', () => {
    for (const [line, name] of [
      ['By Maria Delgado, Staff Writer', 'Maria Delgado'],
      ['Written by Kim Ng', 'Kim Ng'],
      ['By Ana de la Cruz and Tom Lee | March 3, 2024', 'Ana de la Cruz and Tom Lee'],
    ] as const) {
      const found = bylineName(line);
      expect(found?.text).toBe(name);
      expect(line.slice(found?.start, found?.end)).toBe(name);
    }
  });

  it('returns a substring of any byline it names', () => {
    fc.assert(
      fc.property(fc.string(), (rest) => {
        const line = `By ${rest}`;
        const found = bylineName(line);
        return found === undefined || line.slice(found.start, found.end) === found.text;
      }),
    );
  });
});

describe('withByline', () => {
  const document: SourceDocument = {
    id: 'd',
    title: 'Title',
    paragraphs: ['By Maria Delgado, Staff Writer', 'First.', 'Second.'],
    sections: [{ heading: 'Later', paragraph: 3 }],
  };

  it('moves a first-paragraph byline into meta.byline and the sections up with the paragraphs', () => {
    expect(withByline(document)).toEqual({ id: 'd', title: 'Title', paragraphs: ['First.', 'Second.'], meta: { byline: 'By Maria Delgado, Staff Writer' }, sections: [{ heading: 'Later', paragraph: 2 }] });
  });

  it('moves a table’s label up with its rows', () => {
    const table = withByline({ ...document, paragraphs: [...document.paragraphs, 'Hall 120'], labels: [{ text: 'Room Seats', first: 4, last: 4 }] });
    expect(table.labels).toEqual([{ text: 'Room Seats', first: 3, last: 3 }]);
  });

  it('keeps a web page’s own byline and drops its copy from the paragraphs', () => {
    const page = withByline({ ...document, meta: { byline: 'Maria Delgado', siteName: 'Ledger' } });
    expect(page.meta).toEqual({ byline: 'Maria Delgado', siteName: 'Ledger' });
    expect(page.paragraphs).toEqual(['First.', 'Second.']);
  });

  it('leaves a document alone when its first paragraph is prose or its only paragraph', () => {
    const prose = { ...document, paragraphs: ['By Monday, officials had agreed.', 'More.'] };
    expect(withByline(prose)).toBe(prose);
    const lone = { ...document, paragraphs: ['By Maria Delgado'] };
    expect(withByline(lone)).toBe(lone);
  });
});
