import { describe, expect, it } from 'vitest';
import { articleFolds, DEFAULT_TRAIN_OPTIONS, figures, reliability, spanThresholdFor, thresholdFor, type Outcome } from '../../src/train/cross-validate.js';
import { sameFoldPartner, type Example } from '../../src/train/examples.js';

/** A question's outcome with only what the figures read; its short answer, when given, against the gold answer `Blue Line`. */
function outcome(article: string, impossible: boolean, probability: number, hit: boolean, holds = hit, offTopic = false, short = { text: '', probability: 0 }): Outcome {
  const example = {
    id: `${article}-${probability}`, article, impossible, offTopic, holds: Uint8Array.of(holds ? 1 : 0), paragraphHolds: Uint8Array.of(hit ? 1 : 0), golds: impossible ? [] : ['Blue Line'],
  } as unknown as Example;
  return { example, fold: 0, hit, paragraphHit: hit, decision: new Float64Array(), decided: probability, probability, shortAnswer: short.text, spanProbability: short.probability };
}

describe('articleFolds', () => {
  it('puts every question of an article in one fold, and deals articles evenly', () => {
    const examples = ['a', 'b', 'a', 'c', 'd', 'b', 'e', 'a', 'f', 'g'].map((article) => ({ article, articleIndex: article.charCodeAt(0) - 97 }) as Example);
    const folds = articleFolds(examples, 3);
    expect([...folds.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const sizes = [0, 1, 2].map((fold) => [...folds.values()].filter((f) => f === fold).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('thresholdFor', () => {
  it('answers at least the asked share of answerable questions, whatever the unanswerable ones score', () => {
    const outcomes = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map((p) => outcome('a', false, p, true));
    outcomes.push(outcome('a', true, 0.99, false), outcome('a', true, 0.01, false), outcome('b', true, 0.01, false, false, true));
    const threshold = thresholdFor(outcomes, 0.8);
    expect(threshold).toBe(0.3);
    expect(outcomes.filter((o) => !o.example.impossible && o.probability >= threshold).length).toBe(8);
  });
});

describe('figures', () => {
  it('counts a declined answerable question as a miss, and a declined unanswerable one as right', () => {
    const outcomes = [
      outcome('a', false, 0.9, true), // answered, right
      outcome('a', false, 0.9, false, true), // answered, wrong sentence, answer among the candidates
      outcome('a', false, 0.1, true), // declined, though right
      outcome('a', true, 0.1, false), // declined
      outcome('a', true, 0.9, false), // answered
      outcome('b', true, 0.1, false, false, true), // off-topic, declined
      outcome('b', true, 0.2, false, false, true), // off-topic, declined
      outcome('b', true, 0.6, false, false, true), // off-topic, answered
    ];
    expect(figures(outcomes, 0.5)).toEqual({
      questions: 5, answerable: 3, unanswerable: 2, retrievalRecall: 1, rankHit: 2 / 3, quoteHit: 1 / 3, passageHit: 1 / 3, answered: 2 / 3, declined: 1 / 2, offTopicDeclined: 2 / 3,
      shortEM: 0, shortF1: 0,
    });
  });

  it('scores short answers over answerable questions: a decline, or a short answer held back below the span threshold, counts 0', () => {
    const outcomes = [
      outcome('a', false, 0.9, true, true, false, { text: 'the Blue Line', probability: 0.8 }), // EM and F1 1 (articles aside)
      outcome('a', false, 0.9, true, true, false, { text: 'Blue Line Shipping', probability: 0.6 }), // F1 0.8
      outcome('a', false, 0.9, true, true, false, { text: 'Blue', probability: 0.2 }), // held back at 0.3
      outcome('a', false, 0.1, true, true, false, { text: 'Blue Line', probability: 0.9 }), // declined
    ];
    expect(figures(outcomes, 0.5, 0).shortEM).toBeCloseTo(1 / 4, 10);
    expect(figures(outcomes, 0.5, 0).shortF1).toBeCloseTo((1 + 0.8 + 2 / 3) / 4, 10);
    expect(figures(outcomes, 0.5, 0.3).shortF1).toBeCloseTo((1 + 0.8) / 4, 10);
  });
});

describe('spanThresholdFor', () => {
  const fit = DEFAULT_TRAIN_OPTIONS.spanCalibration;
  /** An answered question whose first quote holds the answer, and its short answer: right or wrong words at this span probability. */
  const shown = (probability: number, right: boolean): Outcome => outcome('a', false, 0.9, true, true, false, { text: right ? 'Blue Line' : 'Westport', probability });

  it('holds back the short answers below the probability where their words become more likely wrong than right', async () => {
    // Right from 0.6 up, wrong below: the expected F1 crosses one half near 0.6.
    const outcomes = Array.from({ length: 19 }, (_, i) => (i + 1) / 20).flatMap((p) => [shown(p, p >= 0.6), shown(p, p >= 0.6)]);
    const threshold = await spanThresholdFor(outcomes, 0.5, fit);
    expect(threshold).toBeGreaterThan(0.5);
    expect(threshold).toBeLessThan(0.7);
  });

  it('reads only answered questions whose first quote holds the answer: a wrong sentence, an unanswerable or a declined question says nothing of the words', async () => {
    const outcomes = Array.from({ length: 19 }, (_, i) => (i + 1) / 20).flatMap((p) => [shown(p, p >= 0.6), shown(p, p >= 0.6)]);
    const others = Array.from({ length: 40 }, (_, i) => 0.6 + i / 100).flatMap((p) => [
      outcome('a', false, 0.9, false, false, false, { text: 'Westport', probability: p }), // wrong sentence: the confidence's to say
      outcome('a', true, 0.9, false, false, false, { text: 'ferry', probability: p }), // unanswerable: the decision model's to decline
      outcome('a', false, 0.1, true, true, false, { text: 'Westport', probability: p }), // declined
    ]);
    expect(await spanThresholdFor([...outcomes, ...others], 0.5, fit)).toBeCloseTo(await spanThresholdFor(outcomes, 0.5, fit), 10);
  });

  it('shows every short answer when their words are mostly right at any probability', async () => {
    const outcomes = Array.from({ length: 20 }, (_, i) => shown((i + 1) / 21, i % 5 !== 0));
    expect(await spanThresholdFor(outcomes, 0.5, fit)).toBeLessThan(0.05);
  });

  it('shows every short answer when there is nothing to fit on', async () => {
    expect(await spanThresholdFor([outcome('a', true, 0.9, false)], 0.5, fit)).toBe(0);
  });
});

describe('reliability', () => {
  it('bins answers by confidence and counts those that quote the answer; declines are not answers', () => {
    const bands = reliability([outcome('a', false, 0.85, true), outcome('a', false, 0.95, false), outcome('a', true, 0.9, false), outcome('a', false, 0.3, true), outcome('a', false, 0.1, true)], 0.2);
    expect(bands.map((b) => [b.answers, b.right])).toEqual([[0, 0], [1, 1], [0, 0], [0, 0], [3, 1]]);
    expect(bands[4]?.meanConfidence).toBeCloseTo(0.9, 10);
  });
});

describe('sameFoldPartner', () => {
  it('pairs each article with another of its own fold, so no off-topic question crosses folds', () => {
    for (const [articles, folds] of [[26, 6], [4, 2], [7, 3]] as const) {
      for (let a = 0; a < articles; a++) {
        const partner = sameFoldPartner(a, articles, folds);
        expect(partner % folds).toBe(a % folds);
        expect(partner).toBeLessThan(articles);
        if (articles > a + folds || a >= folds) expect(partner).not.toBe(a);
      }
    }
  });
});
