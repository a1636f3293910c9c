import { describe, expect, it } from 'vitest';
import { truecased } from '../../src/answer/truecase.js';
import { ChunkStore } from '../../src/chunk/store.js';

const store = ChunkStore.build([
  {
    id: 'bank',
    title: 'Nordhavn Bank raises rates',
    paragraphs: ['Nordhavn Bank raised its rates on Monday, its chief Ida Brandt said.', 'The bank of the river flooded, and Brandt said the bank would help.'],
  },
]);

describe('answer/truecase', () => {
  it('capitalizes the words the corpus writes as names when a question is typed without capitals', () => {
    expect(truecased('what did ida brandt say', store)).toBe('what did Ida Brandt say');
    expect(truecased('When did nordhavn raise its rates?', store)).toBe('When did Nordhavn raise its rates?');
  });

  it('leaves the noun a question word asks for, though the corpus uses it only in a name', () => {
    const analysts = ChunkStore.build([{ id: 'a', title: 'Analysts', paragraphs: ['Analysts at Danske Bank said pricing would be the main hurdle.'] }]);
    expect(truecased('which bank do they work for', analysts)).toBe('which bank do they work for');
    expect(truecased('what did danske bank say', analysts)).toBe('what did Danske Bank say');
  });

  it('leaves a word the corpus also writes in lower case, and a question typed with capitals', () => {
    // *bank* is a name's word once, a common noun twice.
    expect(truecased('what did the bank say', store)).toBe('what did the bank say');
    expect(truecased('What did ida Brandt say?', store)).toBe('What did ida Brandt say?');
    expect(truecased('', store)).toBe('');
  });
});
