import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationRow } from '../../src/answer/decide.js';
import { FEATURES } from '../../src/answer/default-model.js';
import { answerModelOf, Network, readModelFile, type NetworkFile } from '../../src/answer/model.js';

/** 2 inputs -> 2 ReLU units -> 1 sigmoid output, small enough to work out by hand. */
const tiny: NetworkFile = {
  features: ['a', 'b'],
  mean: [1, 0],
  scale: [2, 1],
  layers: [
    { weights: [[1, -1], [0.5, 2]], bias: [0, 0.5], activation: 'relu' },
    { weights: [[1], [-3]], bias: [0.25], activation: 'sigmoid' },
  ],
};

describe('Network', () => {
  it('standardizes a row, then applies each layer and its activation', () => {
    const network = new Network(tiny, ['a', 'b']);
    // a' = (3 - 1) / 2 = 1, b' = 2; hidden = relu([1 + 1, -1 + 4 + 0.5]) = [2, 3.5]; logit = 2 - 10.5 + 0.25.
    expect(network.logit(Float64Array.from([3, 2]))).toBeCloseTo(-8.25, 10);
    expect(network.predict(Float64Array.from([3, 2]))).toBeCloseTo(1 / (1 + Math.exp(8.25)), 12);
    // A row further on in a table of rows.
    expect(network.logit(Float64Array.from([9, 9, 3, 2]), 2)).toBeCloseTo(-8.25, 10);
  });

  it('refuses a model fitted with other features, saying to re-train', () => {
    expect(() => new Network(tiny, ['a', 'c'], 'ranking model')).toThrow(/^newsbot: the ranking model was fitted with features "a, b", not the ones the code computes: run npm run train$/);
    expect(() => new Network(tiny, ['b', 'a'])).toThrow(/npm run train/);
  });

  it('refuses layers whose sizes do not fit together', () => {
    const broken = { ...tiny, layers: [{ ...tiny.layers[0]!, weights: [[1, -1]] }, tiny.layers[1]!] };
    expect(() => new Network(broken, ['a', 'b'])).toThrow(/^newsbot: the model's layers do not fit together$/);
  });
});

describe('readModelFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-model-'));

  it('says which file is missing and how to make it', () => {
    expect(() => readModelFile(join(dir, 'none.json'))).toThrow(/^newsbot: model file ".*none\.json" cannot be read: run npm run train$/);
  });

  it('refuses a file that is not JSON or not a model', () => {
    writeFileSync(join(dir, 'text.json'), 'weights?');
    writeFileSync(join(dir, 'other.json'), '{"format":"something else"}');
    expect(() => readModelFile(join(dir, 'text.json'))).toThrow(/is not JSON$/);
    expect(() => readModelFile(join(dir, 'other.json'))).toThrow(/is not a newsbot-answer-model\/5 model: run npm run train$/);
    // A locality without the weight of the words a reading puts in (as fitted before it was one) is refitted, not guessed at.
    const { referent: _referent, ...locality } = readModelFile().locality;
    writeFileSync(join(dir, 'older.json'), JSON.stringify({ ...readModelFile(), locality }));
    expect(() => readModelFile(join(dir, 'older.json'))).toThrow(/is not a newsbot-answer-model\/5 model: run npm run train$/);
  });

  it('reads the shipped model, fitted with exactly the features the code computes', () => {
    const file = readModelFile();
    const model = answerModelOf(file, FEATURES);
    expect(model.version).toMatch(/^[0-9a-f]{16}$/);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.spanThreshold).toBeGreaterThanOrEqual(0);
    expect(model.spanThreshold).toBeLessThan(1);
  });

  it('reads a decision as surer on a short page than in a long article, as the shipped page calibration was fitted to', () => {
    const { calibration } = answerModelOf(readModelFile(), FEATURES);
    for (const decided of [0.1, 0.3, 0.6]) {
      const onPage = calibration.predict(calibrationRow(decided, 12, 1));
      const inArticle = calibration.predict(calibrationRow(decided, 400, 1));
      expect(onPage).toBeGreaterThan(inArticle);
      // A correction, not a new decision: the same order of questions, within a page and within an article.
      expect(calibration.predict(calibrationRow(decided + 0.05, 12, 1))).toBeGreaterThan(onPage);
    }
  });
});
