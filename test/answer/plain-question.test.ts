import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainQuestion } from '../../src/answer/plain-question.js';

describe('answer/plain-question', () => {
  it('takes off Markdown marks around words, nested or not, and inline code marks', () => {
    expect(plainQuestion('**who** bought ||Norsat||?')).toBe('who bought Norsat?');
    expect(plainQuestion('*who* bought _the ferry_?')).toBe('who bought the ferry?');
    expect(plainQuestion('***who*** sold ~~it~~ **_the yard_**?')).toBe('who sold it the yard?');
    expect(plainQuestion('what does `max_tokens` do?')).toBe('what does max_tokens do?');
  });

  it('keeps marks inside a word or standing alone', () => {
    expect(plainQuestion('what does max_tokens do?')).toBe('what does max_tokens do?');
    expect(plainQuestion('what sets max__depth or *args?')).toBe('what sets max__depth or *args?');
    expect(plainQuestion('is 2**8 or 5 * 3 bigger?')).toBe('is 2**8 or 5 * 3 bigger?');
  });

  it('drops invisible characters that split a word, composes accents and folds white space', () => {
    expect(plainQuestion('who bought Nor\u00adsat?')).toBe('who bought Norsat?');
    expect(plainQuestion('\ufeffwho\u200b bought\u200d it?')).toBe('who bought it?');
    expect(plainQuestion('who is Rene\u0301?')).toBe('who is René?');
    expect(plainQuestion('  who\n\tbought   it? ')).toBe('who bought it?');
  });

  it('types full-width letters, digits and punctuation as ASCII', () => {
    expect(plainQuestion('ＷＨＯ ｂｏｕｇｈｔ Ｎｏｒｓａｔ？')).toBe('WHO bought Norsat?');
    expect(plainQuestion('ｉｎ ２０１７，\u3000ｗｈｏ？')).toBe('in 2017, who?');
  });

  it('types letters and digits styled by code point as ASCII', () => {
    expect(plainQuestion('𝕨𝕙𝕠 bought ℕ𝕠𝕣𝕤𝕒𝕥?')).toBe('who bought Norsat?');
    expect(plainQuestion('𝐖𝐡𝐨 𝘣𝘰𝘶𝘨𝘩𝘵 Ⓝorsat in 𝟮𝟬𝟭𝟳?')).toBe('Who bought Norsat in 2017?');
  });

  it('keeps compatibility forms, which the article may use as they are', () => {
    expect(plainQuestion('how many km² of forest?')).toBe('how many km² of forest?');
    expect(plainQuestion('is it 20 ℃ or № 5™?')).toBe('is it 20 ℃ or № 5™?');
  });

  it('gives text that it leaves as it is, with no format character, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '_', '~', '|', '`', 'a', '1', ' ', '\u00ad', '?', '\u0301') }), fc.string({ unit: 'binary' }), (marks, any) => {
        for (const text of [marks, any]) {
          const plain = plainQuestion(text);
          expect(plainQuestion(plain)).toBe(plain);
          expect(plain).not.toMatch(/\p{Cf}/u);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('leaves out the chatter of a chat: a greeting or thanks first, please, and a request to answer a question', () => {
    expect(plainQuestion('hey, what did the council decide')).toBe('what did the council decide');
    expect(plainQuestion('thx. will they vote again?')).toBe('will they vote again?');
    expect(plainQuestion('why pls')).toBe('why');
    expect(plainQuestion('can you please tell me who runs the yard?')).toBe('who runs the yard?');
    expect(plainQuestion('do you know if the ferry still sails')).toBe('the ferry still sails');
    // A request for a topic keeps its words, and a question of nothing but chatter stays as typed.
    expect(plainQuestion('Tell me about the ferry')).toBe('Tell me about the ferry');
    expect(plainQuestion('thanks!')).toBe('thanks!');
    // *And* still says the question goes on from the one before.
    expect(plainQuestion('Ok, and who sold it?')).toBe('and who sold it?');
  });

  it('spells out gonna and wanna, which the tagger reads as nouns, and a question word\'s \'s typed without its apostrophe', () => {
    expect(plainQuestion("who's gonna repair the wall")).toBe("who's going to repair the wall");
    expect(plainQuestion('Do they WANNA sell the ferry?')).toBe('Do they want to sell the ferry?');
    expect(plainQuestion('whats the fare')).toBe("what's the fare");
    expect(plainQuestion('Hows it going')).toBe("How's it going");
    // Not inside another word.
    expect(plainQuestion('Who runs Gonnaway Ferries?')).toBe('Who runs Gonnaway Ferries?');
  });
});
