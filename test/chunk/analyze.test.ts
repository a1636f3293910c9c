import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzePhrase } from '../../src/chunk/analyze.js';

const sentences = (text: string): string[] => analyze(text).map((s) => s.text);

describe('analyze', () => {
  it('keeps the ticker sentence whole, with the tickers as single terms', () => {
    const ticker = 'Ottawa recently allowed Hytera Communications Corp Ltd 002583.SZ to buy Canadian satellite communications firm Norsat International Inc NII.TO.';
    const [sentence, ...rest] = analyze(`${ticker} Canada’s main opposition objected.`);
    expect(sentence?.text).toBe(ticker);
    expect(rest.map((s) => s.text)).toEqual(['Canada’s main opposition objected.']);
    const terms = sentence?.tokens.map((t) => t.term);
    expect(terms).toContain('002583.sz');
    expect(terms).toContain('nii.to');
  });

  it('does not split after U.S., Inc., Corp., Mr., initials or inside decimals', () => {
    expect(sentences('Mr. Smith of Acme Corp. met U.S. officials. J. R. R. Tolkien wrote it. Shares rose 3.5 percent to $12.75 at Acme Inc. on Monday. It ended.')).toEqual([
      'Mr. Smith of Acme Corp. met U.S. officials.',
      'J. R. R. Tolkien wrote it.',
      'Shares rose 3.5 percent to $12.75 at Acme Inc. on Monday.',
      'It ended.',
    ]);
  });

  it('still splits ordinary sentences, including after quotes and abbreviations that end a sentence', () => {
    expect(sentences('“It is done,” he said. She left. They moved to the U.S. in 2010.')).toEqual([
      '“It is done,” he said.',
      'She left.',
      'They moved to the U.S. in 2010.',
    ]);
  });

  it('lemmatizes so that bought and buy share a term, and drops stop and question words', () => {
    expect(analyzePhrase('Who bought Norsat?').map((t) => t.term).filter(Boolean)).toEqual(['buy', 'norsat']);
    expect(analyzePhrase('What is the deal?').map((t) => t.term).filter(Boolean)).toEqual(['deal']);
  });

  it('gives a word the tagger cannot place (X) a term, so a plan called Pro can be asked about, but not an abbreviation', () => {
    const terms = (text: string) => analyzePhrase(text).map((t) => t.term).filter(Boolean);
    expect(terms('How much is the Pro plan?')).toEqual(['pro', 'plan']);
    expect(terms('Pro $12 1 TB')).toContain('pro');
    expect(terms('Soft metals, e.g. copper')).not.toContain('e.g.');
  });

  it('folds accents and case in terms but keeps numbers whole', () => {
    const terms = analyzePhrase('Hervé paid 3.5 million in 1066').map((t) => t.term).filter(Boolean);
    expect(terms).toEqual(['herve', 'pay', '3.5', 'million', '1066']);
  });

  it('gives numbers written as words the term of their digits, so four and 4 match', () => {
    const terms = (text: string) => analyzePhrase(text).map((t) => t.term).filter(Boolean);
    expect(terms('Sky picked up the remaining four packages')).toEqual(terms('Sky picked up the remaining 4 packages'));
    expect(terms('twenty ships and seventy men')).toEqual(['20', 'ship', '70', 'man']);
  });

  it('stems words but not tokens longer than any word (URLs, codes), whose stemming would take time growing with the square of their length', () => {
    const [long, word] = analyzePhrase(`${'ab'.repeat(5000)} universities`).filter((t) => t.term);
    expect(long?.term).toBe('ab'.repeat(5000));
    expect(long?.stem).toBe('');
    expect(word?.stem).toBe('univers');
  });

  it('gives offsets that reproduce the text for any input', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.constantFrom('Mr.', 'U.S.', 'NII.TO.', '3.5', 'Hello', 'world.', '“Quote,”', '—', '\u00a0', ' ', '\n', 'é', '🙂', 'Inc.', 'a'), { maxLength: 40 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(text, (input) => {
        let previousEnd = 0;
        for (const sentence of analyze(input)) {
          expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = sentence.end;
          for (const token of sentence.tokens) expect(input.slice(token.start, token.end)).toBe(token.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
