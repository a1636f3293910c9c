import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/index.js';

const answerOf = (paragraph: string, question: string): string => Engine.fromDocuments([{ id: 'd', title: 'Wind order', paragraphs: [paragraph] }]).ask(question).answer;

describe('shortAnswer', () => {
  it('answers who does a passive verb with the doer after by, not the subject', () => {
    const paragraph = 'The Formosa 4 wind farm, which is being developed by Danish investor Copenhagen Infrastructure Partners, is due to start operating in 2027.';
    expect(answerOf(paragraph, 'Who is developing the wind farm?')).toBe('Copenhagen Infrastructure Partners');
  });

  it('never answers who with a day of the week', () => {
    expect(answerOf('Siemens Energy said on Tuesday it had won an order worth $1.6 billion.', 'Who won the order?')).toBe('Siemens Energy');
  });

  it('answers why with the clause a news report gives its reason in (blaming, citing)', () => {
    const paragraph = 'The order comes weeks after Siemens Energy cut its annual profit forecast, blaming quality problems at its Spanish wind unit.';
    expect(answerOf(paragraph, 'Why did Siemens Energy cut its forecast?')).toBe('blaming quality problems at its Spanish wind unit');
    expect(answerOf('Shares fell 4 percent on Monday, citing weak demand in China.', 'Why did shares fall?')).toBe('citing weak demand in China');
  });

  it('answers why with the reason clause after the whole statement, not with the means (by ...) next to the verb', () => {
    const paragraph = 'Britain will delay the northern leg of its HS2 high-speed railway by at least two years, the minister said on Thursday, as soaring inflation pushed the budget beyond 100 billion pounds.';
    expect(answerOf(paragraph, 'Why is the railway being delayed?')).toMatch(/^(as )?soaring inflation pushed the budget beyond 100 billion pounds$/);
  });

  it('keeps the currency sign of an amount, whichever currency it is', () => {
    const paragraph = 'BSkyB agreed to pay £304m for the rights, and Siemens Energy won an order worth $1.6 billion.';
    expect(answerOf(paragraph, 'How much did BSkyB agree to pay for the rights?')).toBe('£304m');
    expect(answerOf(paragraph, 'How much is the order worth?')).toBe('$1.6 billion');
    expect(answerOf('The ferry carries 300 passengers a night, for fares worth €2m a year.', 'How many passengers does the ferry carry?')).toBe('300');
  });

  it('answers what year with the year of a date, and prefers a date that has one', () => {
    expect(answerOf('Acme Corp acquired Widget Inc in November 2014, the company said.', 'What year did Acme Corp acquire Widget Inc?')).toBe('2014');
    expect(answerOf('In April, a storm hit the fleet; it was 1191.', 'What year did the storm hit the fleet?')).toBe('1191');
    expect(answerOf('Acme Corp acquired Widget Inc in November 2014, the company said.', 'When did Acme Corp acquire Widget Inc?')).toBe('November 2014');
  });

  it('keeps a name whole where the tagger reads a word of it as a common noun or a pronoun', () => {
    const cases: Array<[paragraph: string, question: string, answer: string]> = [
      ['The analogue service closed in 2001, due to the launch and expansion of the Sky Digital platform.', 'What platform caused the analogue service to close?', 'Sky Digital'],
      ['The county was a small fief of the old kingdom, and under Henry II of Anjou was forged into a principality.', 'Who ruled the county of Anjou?', 'Henry II'],
    ];
    for (const [paragraph, question, answer] of cases) expect(answerOf(paragraph, question)).toBe(answer);
  });

  it('answers why with the purpose an infinitive gives, not with where a preposition to points', () => {
    const paragraph = 'The government wants to boost trade with China, in part to lessen dependence on exports to the United States.';
    expect(answerOf(paragraph, 'Why does the government want to boost trade with China?')).toBe('lessen dependence on exports to the United States');
  });

  it('answers what someone said with the words they said, whole: in quotation marks, after said, or before it', () => {
    const cases: Array<[paragraph: string, question: string, answer: string]> = [
      [
        '“These are steps the Liberals are doing to appease the Chinese government,” party leader Andrew Scheer told CTV television on Sunday.',
        'What did Andrew Scheer say?',
        'These are steps the Liberals are doing to appease the Chinese government',
      ],
      ['China denies those accusations, and says it is also a victim of hacking.', 'What does China say?', 'it is also a victim of hacking'],
      [
        'Siemens Energy said on Tuesday it had won an order worth $1.6 billion to supply wind turbines.',
        'What did Siemens Energy say?',
        'it had won an order worth $1.6 billion to supply wind turbines',
      ],
      [
        'LONDON (Reuters) - Britain will delay the northern leg of its railway, Transport Secretary Mark Harper said on Thursday.',
        'What did Mark Harper say?',
        'Britain will delay the northern leg of its railway',
      ],
    ];
    for (const [paragraph, question, answer] of cases) expect(answerOf(paragraph, question)).toBe(answer);
  });

  it('answers a question about what a statement was about, not with the statement', () => {
    const paragraph = 'On 31 July 2013, Microsoft announced that it will rename its SkyDrive cloud storage service OneDrive.';
    expect(answerOf(paragraph, 'What year did Microsoft announce the rename?')).toBe('2013');
  });
});

