import { describe, expect, it } from 'vitest';
import { Network } from '../../src/answer/model.js';
import { fitListwise, fitNetwork, fitOffsetLogistic, type FitOptions } from '../../src/train/fit.js';
import { seededRandom } from '../../src/train/random.js';

const options: FitOptions = { hidden: [4], epochs: 30, batchSize: 16, learningRate: 0.05, l2: 0, seed: 3 };

/** Rows of two features, labelled 1 when the first is larger than the second. */
function separable(count: number): { rows: Float32Array; labels: Float32Array } {
  const random = seededRandom(1);
  const rows = Float32Array.from({ length: count * 2 }, () => random() * 10);
  const labels = Float32Array.from({ length: count }, (_, i) => ((rows[2 * i] as number) > (rows[2 * i + 1] as number) ? 1 : 0));
  return { rows, labels };
}

describe('fitNetwork', () => {
  it('fits a network that the engine scores rows with, learning a rule the data follows', async () => {
    const { rows, labels } = separable(200);
    const network = new Network(await fitNetwork(rows, labels, ['x', 'y'], options), ['x', 'y']);
    let right = 0;
    for (let i = 0; i < labels.length; i++) if ((network.predict(Float64Array.from(rows.subarray(2 * i, 2 * i + 2))) >= 0.5 ? 1 : 0) === labels[i]) right++;
    expect(right / labels.length).toBeGreaterThan(0.9);
  });

  it('refuses a row with a value that is not a number, naming the feature', async () => {
    const { rows, labels } = separable(8);
    rows[5] = Number.NaN;
    await expect(fitNetwork(rows, labels, ['x', 'y'], options)).rejects.toThrow(/^newsbot: feature "y" of row 2 is not a number$/);
    await expect(fitListwise(rows, labels.map(() => 0), 2, ['x', 'y'], options)).rejects.toThrow(/^newsbot: feature "y" of row 2 is not a number$/);
  });

  it('takes a missing value (NaN) of a feature that may be missing, and scores it as the mean of that feature', async () => {
    const { rows, labels } = separable(200);
    for (let i = 0; i < 200; i += 10) rows[2 * i + 1] = Number.NaN;
    const file = await fitNetwork(rows, labels, ['x', 'y'], options, ['y']);
    const present = Array.from({ length: 200 }, (_, i) => rows[2 * i + 1] as number).filter((y) => !Number.isNaN(y));
    expect(file.mean[1]).toBeCloseTo(present.reduce((sum, y) => sum + y, 0) / present.length, 4);
    const network = new Network(file, ['x', 'y']);
    expect(network.predict(Float64Array.of(4, Number.NaN))).toBeCloseTo(network.predict(Float64Array.of(4, file.mean[1] as number)), 12);
    // Still a number, and still the rule: a larger x is more likely 1 whatever y is.
    expect(network.predict(Float64Array.of(9, Number.NaN))).toBeGreaterThan(network.predict(Float64Array.of(1, Number.NaN)));
  });

  it('fits the same network again from the same seed and data', async () => {
    const { rows, labels } = separable(64);
    const quick = { ...options, epochs: 3 };
    expect(await fitNetwork(rows, labels, ['x', 'y'], quick)).toEqual(await fitNetwork(rows, labels, ['x', 'y'], quick));
  });
});

/** Lists of three candidates (the last one padding in every other list); the answer is the one with the largest x. */
function candidateLists(lists: number): { rows: Float32Array; targets: Float32Array } {
  const random = seededRandom(2);
  const rows = new Float32Array(lists * 3 * 2);
  const targets = new Float32Array(lists * 3);
  for (let l = 0; l < lists; l++) {
    const size = l % 2 === 0 ? 3 : 2;
    let best = 0;
    for (let c = 0; c < 3; c++) {
      rows[(l * 3 + c) * 2] = random() * 10;
      rows[(l * 3 + c) * 2 + 1] = random() * 10;
      if (c < size && (rows[(l * 3 + c) * 2] as number) > (rows[(l * 3 + best) * 2] as number)) best = c;
    }
    for (let c = 0; c < 3; c++) targets[l * 3 + c] = c >= size ? -1 : c === best ? 1 : 0;
  }
  return { rows, targets };
}

describe('fitOffsetLogistic', () => {
  // Labels drawn from σ(offset + 1.5·x − 1): the fit should find that correction, and keep the offset's weight at 1.
  const random = seededRandom(5);
  const count = 4000;
  const offsets = Float32Array.from({ length: count }, () => 4 * random() - 2);
  const rows = Float32Array.from({ length: count }, () => 2 * random() - 1);
  const labels = Float32Array.from(offsets, (offset, i) => (random() < 1 / (1 + Math.exp(-(offset + 1.5 * (rows[i] as number) - 1))) ? 1 : 0));
  const options: FitOptions = { hidden: [], epochs: 300, batchSize: count, learningRate: 0.05, l2: 0, seed: 1 };

  it('learns the correction to another model’s log-odds, scored by the engine with the offset as its first input', async () => {
    const file = await fitOffsetLogistic('offset', offsets, rows, labels, ['x'], options);
    expect(file.features).toEqual(['offset', 'x']);
    const network = new Network(file, ['offset', 'x']);
    for (const [offset, x] of [[0, 0], [1, 0.5], [-1.5, -0.8]] as const) {
      const truth = 1 / (1 + Math.exp(-(offset + 1.5 * x - 1)));
      expect(network.predict(Float64Array.of(offset, x))).toBeCloseTo(truth, 1);
    }
    // The offset passes through unchanged: one more unit of it is one more unit of log-odds.
    expect(network.logit(Float64Array.of(1, 0.2)) - network.logit(Float64Array.of(0, 0.2))).toBeCloseTo(1, 6);
  });

  it('fits the same correction again from the same data', async () => {
    const a = await fitOffsetLogistic('offset', offsets, rows, labels, ['x'], options);
    const b = await fitOffsetLogistic('offset', offsets, rows, labels, ['x'], options);
    expect(b).toEqual(a);
  });
});

describe('fitListwise', () => {
  it('learns to score first the candidate of each list that holds the answer, ignoring padding', async () => {
    const lists = 60;
    const { rows, targets } = candidateLists(lists);
    const network = new Network(await fitListwise(rows, targets, 3, ['x', 'noise'], options), ['x', 'noise']);
    let right = 0;
    for (let l = 0; l < lists; l++) {
      const size = l % 2 === 0 ? 3 : 2;
      const scores = Array.from({ length: size }, (_, c) => network.logit(Float64Array.from(rows.subarray((l * 3 + c) * 2, (l * 3 + c) * 2 + 2))));
      if (targets[l * 3 + scores.indexOf(Math.max(...scores))] === 1) right++;
    }
    expect(right / lists).toBeGreaterThan(0.9);
  });

  it('scores with an ensemble of members exactly the mean of the members fitted alone, as one network as wide as all of them', async () => {
    const { rows, targets } = candidateLists(20);
    const quick = { ...options, epochs: 3 };
    const names = ['x', 'noise'];
    const ensemble = await fitListwise(rows, targets, 3, names, quick, 2);
    expect(ensemble.layers[0]?.bias).toHaveLength(8);
    const both = new Network(ensemble, names);
    const members = [new Network(await fitListwise(rows, targets, 3, names, quick), names), new Network(await fitListwise(rows, targets, 3, names, { ...quick, seed: quick.seed + 100 }), names)];
    for (const row of [[1, 2], [7.5, 0.5], [3, 9]]) {
      const x = Float64Array.from(row);
      const [a, b] = members.map((m) => m.logit(x)) as [number, number];
      expect(a).not.toBeCloseTo(b, 3);
      expect(both.logit(x)).toBeCloseTo((a + b) / 2, 9);
    }
  });
});
