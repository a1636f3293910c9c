import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/chunk/chunk.js';
import { askQuestion } from '../../src/answer/candidates.js';
import { matchedTokens } from '../../src/answer/evidence.js';
import { Network } from '../../src/answer/model.js';
import { parseQuestion } from '../../src/answer/question.js';
import { answerSpans, bestSpan } from '../../src/answer/short-answer.js';
import { SPAN_FEATURE_NAMES } from '../../src/answer/span-features.js';
import type { EvalSet } from '../../src/eval/squad.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/train/cross-validate.js';
import { examplesOf } from '../../src/train/examples.js';
import { fitSpans } from '../../src/train/spans.js';

const NAMES = ['Nordby Marine', 'Kalvik Holdings', 'Ostrand Group', 'Haldor Partners', 'Brekke Capital', 'Lunde Energy', 'Solvik Fund', 'Torvik Trust', 'Ekberg Estates', 'Varden Ventures', 'Moen Industries', 'Rasmark Company'];
const THINGS = ['ferry', 'bridge', 'harbour', 'tower', 'mill', 'school', 'hotel', 'museum', 'quarry', 'cinema', 'bakery', 'brewery'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/**
 * Made-up articles in which the answer to *who*, *when* and *how much* always
 * has the shape the question asks for, wherever it stands: what the span model
 * can learn from a few dozen examples.
 */
function articles(): EvalSet {
  const set: EvalSet = { name: 'sales', articles: [], questions: [], conversations: [] };
  NAMES.forEach((name, a) => {
    const thing = THINGS[a] as string;
    const date = `${MONTHS[a % MONTHS.length]} ${1990 + a}`;
    const price = `${a + 2} million crowns`;
    const sentence = a % 2 === 0 ? `In ${date}, the town council sold the ${thing} to ${name} for ${price}.` : `The town council sold the ${thing} for ${price} to ${name} in ${date}.`;
    set.articles.push({ title: `The ${thing}`, paragraphs: [sentence, `The ${thing} had stood empty for years.`] });
    const ask = (id: string, question: string, answer: string): void => void set.questions.push({ id: `${a}-${id}`, question, article: a, paragraph: 0, answers: [answer], impossible: false });
    ask('who', `Who did the council sell the ${thing} to?`, name);
    ask('when', `When was the ${thing} sold?`, date);
    ask('price', `How much was the ${thing} sold for?`, price);
  });
  return set;
}

function pick(model: Network, sentence: string, questionText: string): string {
  const { store, stats } = buildIndex([{ id: 'new', title: 'New', paragraphs: [sentence] }]);
  const chunk = store.chunk(0) as Chunk;
  const question = parseQuestion(questionText);
  const asked = askQuestion(question, { store, stats });
  const span = bestSpan(chunk, question, matchedTokens(chunk, asked.lookup), model, answerSpans(chunk, question, asked.asked));
  return span ? chunk.text.slice(span.start - chunk.start, span.end - chunk.start) : '';
}

describe('fitSpans', () => {
  it('learns from the gold answers which span answers each kind of question, on sentences it never saw', async () => {
    const options = { ...DEFAULT_TRAIN_OPTIONS.spans, epochs: 40, learningRate: 0.01 };
    const model = new Network(await fitSpans(examplesOf(articles()), options), SPAN_FEATURE_NAMES);
    const sentence = 'The port authority sold the lighthouse to Grindal Maritime for 9 million crowns in June 2011.';
    expect(pick(model, sentence, 'Who did the port authority sell the lighthouse to?')).toBe('Grindal Maritime');
    expect(pick(model, sentence, 'When was the lighthouse sold?')).toBe('June 2011');
    expect(pick(model, sentence, 'How much was the lighthouse sold for?')).toMatch(/^9 million( crowns)?$/);
  });

  it('fits the same span model twice from the same examples', async () => {
    const options = { ...DEFAULT_TRAIN_OPTIONS.spans, epochs: 2 };
    const examples = examplesOf(articles());
    expect(await fitSpans(examples, options)).toEqual(await fitSpans(examples, options));
  });
});
