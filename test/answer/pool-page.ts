import type { SourceDocument } from '../../src/types.js';

/**
 * A page of our own with sections, as a Markdown or web page gives them: a
 * paragraph before any heading, a list under *Opening hours* none of whose
 * items says those words, and a paragraph of two sentences under *Prices*.
 */
export const POOL_PAGE: SourceDocument = {
  id: 'pool',
  title: 'Town pool',
  paragraphs: ['The town pool reopened in May after repairs.', 'Weekdays: 7 a.m. to 9 p.m.', 'Sundays: closed', 'A swim costs £4. Children swim free.'],
  sections: [
    { heading: 'Opening hours', paragraph: 2 },
    { heading: 'Prices', paragraph: 4 },
  ],
};
