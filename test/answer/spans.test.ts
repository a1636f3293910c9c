import { describe, expect, it } from 'vitest';
import { analyzePhrase } from '../../src/chunk/analyze.js';
import { candidates } from '../../src/answer/spans.js';

/** The texts of a sentence's candidates of one shape. */
function spans(sentence: string, shape: string): string[] {
  const tokens = analyzePhrase(sentence);
  return candidates(tokens)
    .filter((c) => c.shape === shape)
    .map((c) => sentence.slice(tokens[c.first]?.start, tokens[c.last]?.end));
}

const phrases = (sentence: string): string[] => spans(sentence, 'phrase');

describe('candidates', () => {
  it('keeps a participle joined by a hyphen inside its noun phrase', () => {
    expect(phrases('It does not encompass state-sponsored cyber spying.')).toContain('state-sponsored cyber');
  });

  it('does not join a verb set apart by spaced dashes', () => {
    expect(phrases('They named the state - sponsored groups aside - as a risk.')).not.toContain('the state - sponsored groups');
  });

  it('offers nothing of a dateline, which says where and by whom a story was filed', () => {
    const sentence = 'OSLO (Reuters) - Chief executive Kari Moen resigned on Friday.';
    expect(spans(sentence, 'name')).toEqual(['Kari Moen']);
    expect(spans('(Reuters) - Kari Moen resigned.', 'name')).toEqual(['Kari Moen']);
  });

  it('offers days and months as dates, never as names', () => {
    const sentence = 'Siemens Energy said on Tuesday it had won the order in June.';
    expect(spans(sentence, 'name')).toEqual(['Siemens Energy']);
    expect(spans(sentence, 'date')).toEqual(expect.arrayContaining(['Tuesday']));
  });

  it('does not offer a name that modifies a noun, even across a number, as a name of its own', () => {
    expect(spans('The Formosa 4 project will be built off the coast of Miaoli County.', 'name')).toEqual(['Miaoli County']);
  });

  it('offers the year of a longer date alone, for what-year questions', () => {
    expect(spans('Acme Corp acquired Widget Inc in November 2014, the company said.', 'date')).toEqual(expect.arrayContaining(['November 2014', '2014']));
  });

  it('offers two spans of one shape joined by and, or, to as one, and a name with its number', () => {
    expect(spans('Between 5,000 and 30,000 people were killed.', 'number')).toContain('5,000 and 30,000 people');
    expect(spans('The road joins State Route 41 near Fresno.', 'name')).toContain('State Route 41');
  });

  it('does not join a name with a number that counts what follows it', () => {
    expect(spans('The regulator fined Orsella Semiconductors 84 million euros on Monday.', 'name')).not.toContain('Orsella Semiconductors 84 million');
  });

  it('keeps the currency sign of an amount, whichever currency it is', () => {
    expect(spans('BSkyB agreed to pay £304m for the rights.', 'amount')).toEqual(['£304m']);
    expect(spans('Siemens Energy won an order worth $1.6 billion.', 'amount')).toEqual(['$1.6 billion']);
  });

  it('offers what someone said whole: in quotation marks, after said, or before it', () => {
    expect(spans('“These are steps to appease the government,” party leader Andrew Scheer told CTV on Sunday.', 'statement')).toContain('These are steps to appease the government');
    expect(spans('China denies those accusations, and says it is also a victim of hacking.', 'statement')).toContain('it is also a victim of hacking');
    expect(spans('LONDON (Reuters) - Britain will delay the northern leg of its railway, Transport Secretary Mark Harper said on Thursday.', 'statement')).toContain('Britain will delay the northern leg of its railway');
  });
});
