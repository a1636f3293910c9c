import { describe, expect, it } from 'vitest';
import type { EvalSet } from '../../src/eval/squad.js';
import { examplesOf, excerptsOf, standaloneExamplesOf } from '../../src/train/examples.js';

/** Two articles of two paragraphs; the second paragraph's first question names the ferry, which only the first paragraph does. */
const SET: EvalSet = {
  name: 'pages',
  articles: [
    { title: 'Ferry', paragraphs: ['The Westport council runs the Night Star ferry. The council bought it in 2019.', 'The boat carries 400 passengers a day. Tickets cost 3 pounds.'] },
    { title: 'Festival', paragraphs: ['The apple festival in Linden drew 12,000 visitors.', 'Rain moved the cider tasting indoors.'] },
  ],
  questions: [
    { id: 'runs', question: 'Who runs the Night Star ferry?', article: 0, paragraph: 0, answers: ['The Westport council'], impossible: false },
    { id: 'named', question: 'How many passengers does the Night Star ferry carry a day?', article: 0, paragraph: 1, answers: ['400'], impossible: false },
    { id: 'tickets', question: 'How much do tickets cost?', article: 0, paragraph: 1, answers: ['3 pounds'], impossible: false },
    { id: 'built', question: 'Who built the boat?', article: 0, paragraph: 1, answers: [], impossible: true },
    { id: 'visitors', question: 'How many visitors came to the festival?', article: 1, paragraph: 0, answers: ['12,000'], impossible: false },
    { id: 'rain', question: 'Why was the cider tasting moved indoors?', article: 1, paragraph: 1, answers: ['Rain'], impossible: false },
  ],
  conversations: [],
};

describe('excerptsOf', () => {
  const whole = examplesOf(SET);
  const pages = excerptsOf(SET, whole, { sizes: [1, 2], offTopicPerPage: 1, nearTopicPerPage: 0, folds: 1 });
  const asked = (size: number): string[] => pages.filter((e) => e.id.split('/')[1] === String(size) && !e.offTopic).map((e) => e.id.split('/')[0] as string);

  it('asks each question of the page of its paragraph, with its gold answer in one of the page’s sentences', () => {
    expect(asked(2).sort()).toEqual(['built', 'named', 'rain', 'runs', 'tickets', 'visitors']);
    for (const example of pages.filter((e) => !e.impossible)) expect(example.holds).toContain(1);
    const sentences = (id: string): number | undefined => pages.find((e) => e.id === id)?.store.size;
    expect(sentences('tickets/1')).toBeLessThan(sentences('tickets/2') ?? 0);
  });

  it('leaves out a question that uses a word its article has and its page lacks', () => {
    expect(asked(1).sort()).toEqual(['built', 'rain', 'runs', 'tickets', 'visitors']);
  });

  it('asks each page questions of its article’s other paragraphs whose answer it does not hold, as questions it does not answer', () => {
    const near = excerptsOf(SET, whole, { sizes: [1], offTopicPerPage: 0, nearTopicPerPage: 2, folds: 1 }).filter((e) => e.offTopic);
    const onFirstPage = near.filter((e) => e.article === 'pages#0' && e.id.endsWith('~/1/0')).map((e) => e.id.split('~')[0]);
    // The second paragraph's answerable questions; not its unanswerable one, nor one whose answer the page holds.
    expect(onFirstPage.sort()).toEqual(['named', 'tickets']);
    for (const example of near) expect(example.impossible).toBe(true);
  });

  it('asks each page some questions of another article, as off-topic questions that nothing answers', () => {
    const foreign = pages.filter((e) => e.offTopic);
    expect(foreign).toHaveLength(6);
    for (const example of foreign) expect(example.impossible).toBe(true);
    expect(foreign.filter((e) => e.article === 'pages#0').map((e) => e.id.split('@')[0])).toEqual(expect.arrayContaining(['visitors']));
  });
});

describe('standaloneExamplesOf', () => {
  /** A conversation file: one article, two conversations whose later questions lean on the earlier ones or not. */
  const chat = (name: string, title: string): EvalSet => ({
    name,
    articles: [{ title, paragraphs: ['The Westport council runs the Night Star ferry.', 'The council bought it in 2019 for 2 million pounds.'] }],
    questions: [
      { id: `${name}-who`, question: 'Who runs the Night Star ferry?', article: 0, paragraph: 0, answers: ['The Westport council'], impossible: false },
      { id: `${name}-when`, question: 'When did they buy it?', article: 0, paragraph: 1, answers: ['2019'], impossible: false },
      { id: `${name}-much`, question: 'And for how much?', article: 0, paragraph: 1, answers: ['2 million pounds'], impossible: false },
      { id: `${name}-price`, question: 'How much did the council pay for the ferry?', article: 0, paragraph: 1, answers: ['2 million pounds'], impossible: false },
    ],
    conversations: [[`${name}-who`, `${name}-when`, `${name}-much`], [`${name}-price`]],
  });
  const examples = standaloneExamplesOf([chat('a', 'Ferry'), chat('b', 'Ferry again')]);

  it('keeps the first question of each conversation and the later ones that lean on no earlier turn', () => {
    expect(examples.map((e) => e.id).sort()).toEqual(['a-price', 'a-who', 'b-price', 'b-who']);
    for (const example of examples) expect(example.holds).toContain(1);
  });

  it('asks each question of its own file\'s article', () => {
    expect(examples.filter((e) => e.id.startsWith('a-')).every((e) => e.article === 'a#0')).toBe(true);
    expect(examples.filter((e) => e.id.startsWith('b-')).every((e) => e.article === 'b#0')).toBe(true);
  });
});
