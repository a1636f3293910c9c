import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import type { DenseLayer, NetworkFile } from '../answer/model.js';
import { NewsbotError, quoteValue } from '../errors.js';
import { seededRandom, shuffled } from './random.js';

/** How a network is fitted. */
export interface FitOptions {
  /** Sizes of the hidden layers (ReLU); none for logistic regression. */
  hidden: number[];
  /** Passes over the rows. */
  epochs: number;
  /** Rows per gradient step. */
  batchSize: number;
  /** Adam's learning rate. */
  learningRate: number;
  /** L2 penalty on the weights. */
  l2: number;
  /** Seed of the initial weights and of the order rows are visited in: the same seed fits the same network. */
  seed: number;
}

let backend: Promise<void> | undefined;

/** TensorFlow.js on its WebAssembly backend (about four times as fast as plain JavaScript here), or on plain JavaScript where WebAssembly fails. */
function ready(): Promise<void> {
  backend ??= (async () => {
    if (!(await tf.setBackend('wasm').catch(() => false))) await tf.setBackend('cpu');
    await tf.ready();
  })();
  return backend;
}

/**
 * Fits a logistic regression that corrects another model's log-odds (the
 * `offsets`): σ(offset + w·x + b), by cross-entropy, with TensorFlow.js's Adam
 * over the whole batch from zero weights (deterministic; `options.epochs`
 * steps, `options.learningRate`; no hidden layer, no penalty). Returned as a
 * network whose first input, named `offsetName`, is the offset with its weight
 * fixed at 1, so that `Network` scores it like any other.
 */
export async function fitOffsetLogistic(offsetName: string, offsets: Float32Array, rows: Float32Array, labels: Float32Array, features: readonly string[], options: FitOptions): Promise<NetworkFile> {
  await ready();
  const width = features.length;
  requireNumbers(rows, features);
  requireNumbers(offsets, [offsetName]);
  const count = labels.length;
  const { mean, scale, standardized } = standardize(rows, width);
  const x = tf.tensor2d(standardized, [count, width]);
  const offset = tf.tensor2d(offsets, [count, 1]);
  const y = tf.tensor2d(labels, [count, 1]);
  const w = tf.variable(tf.zeros([width, 1]));
  const b = tf.variable(tf.zeros([1]));
  const optimizer = tf.train.adam(options.learningRate);
  for (let step = 0; step < options.epochs; step++) optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, tf.add(tf.add(tf.matMul(x, w), b), offset)));
  const weights = w.arraySync() as number[][];
  const bias = b.arraySync() as number[];
  for (const tensor of [x, offset, y, w, b]) tensor.dispose();
  optimizer.dispose();
  const layers: DenseLayer[] = [{ weights: [[1], ...weights], bias: [...bias], activation: 'sigmoid' }];
  requireFinite(layers, options.learningRate);
  return { features: [offsetName, ...features], mean: [0, ...mean], scale: [1, ...scale], layers };
}

/**
 * Fits a network with a sigmoid output to binary labels by cross-entropy, with
 * TensorFlow.js: features standardized (their mean and scale go into the file),
 * Adam, rows shuffled anew each epoch by the seed. `rows` holds `labels.length`
 * rows of `features.length` numbers.
 */
export async function fitNetwork(rows: Float32Array, labels: Float32Array, features: readonly string[], options: FitOptions, mayBeMissing: readonly string[] = []): Promise<NetworkFile> {
  await ready();
  const width = features.length;
  requireNumbers(rows, features, mayBeMissing);
  const { mean, scale, standardized } = standardize(rows, width);
  const model = network([width], options, 'sigmoid');
  model.compile({ optimizer: tf.train.adam(options.learningRate), loss: 'binaryCrossentropy' });
  await fitShuffled(model, standardized, labels, width, 1, options);
  return networkFile(model, features, mean, scale, 'sigmoid', options.learningRate);
}

/**
 * Fits a scoring network to lists: each list is `size` candidate rows of one
 * question (padded rows have target -1) and its targets share 1 among the
 * candidates that hold the answer. The loss is the cross-entropy of the softmax
 * over each list's scores, so the network learns to put the right candidate
 * first rather than to score each alone. The file's network outputs the score
 * (a logit of the softmax), for one row at a time. With `members` above 1,
 * that many networks are fitted from seeds `MEMBER_SEED_STEP` apart and the
 * file holds their average (see `averaged`).
 */
export async function fitListwise(rows: Float32Array, targets: Float32Array, size: number, features: readonly string[], options: FitOptions, members = 1): Promise<NetworkFile> {
  await ready();
  const width = features.length;
  requireNumbers(rows, features);
  const valid = Uint8Array.from(targets, (t) => (t >= 0 ? 1 : 0));
  const { mean, scale, standardized } = standardize(rows, width, valid);
  const loss = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor =>
    tf.tidy(() => {
      const padded = tf.less(yTrue, 0);
      const scores = tf.where(padded, tf.fill(yPred.shape, -1e9), yPred);
      const target = tf.relu(yTrue);
      return tf.mean(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(scores)), -1)));
    });
  const fitted: NetworkFile[] = [];
  for (let member = 0; member < members; member++) {
    // Each member from its own seed: its initial weights and the order it visits the lists in.
    const seeded = { ...options, seed: options.seed + MEMBER_SEED_STEP * member };
    const model = network([size, width], seeded, 'linear');
    model.add(tfl.layers.reshape({ targetShape: [size] }));
    model.compile({ optimizer: tf.train.adam(options.learningRate), loss });
    await fitShuffled(model, standardized, targets, width * size, size, seeded);
    fitted.push(networkFile(model, features, mean, scale, 'linear', options.learningRate));
  }
  return averaged(fitted);
}

/** How far apart the seeds of an ensemble's members are: past the few seeds one model's layers take (`seed + layer`). */
const MEMBER_SEED_STEP = 100;

/**
 * The average of networks of one hidden layer fitted on the same standardized rows, as one network: their hidden units
 * side by side, their output weights and bias divided by their number. Scoring it costs what one network of all
 * those units costs, and it gives exactly the mean of their outputs.
 */
function averaged(networks: readonly NetworkFile[]): NetworkFile {
  const [first] = networks;
  if (!first || networks.length === 1) return first as NetworkFile;
  if (first.layers.length !== 2) throw new NewsbotError(`an ensemble averages networks of one hidden layer, not ${quoteValue(String(first.layers.length - 1))}`);
  const share = 1 / networks.length;
  const hidden: DenseLayer = {
    weights: (first.layers[0] as DenseLayer).weights.map((_row, i) => networks.flatMap((n) => (n.layers[0] as DenseLayer).weights[i] as number[])),
    bias: networks.flatMap((n) => (n.layers[0] as DenseLayer).bias),
    activation: 'relu',
  };
  const output: DenseLayer = {
    weights: networks.flatMap((n) => (n.layers[1] as DenseLayer).weights.map((row) => row.map((w) => w * share))),
    bias: [networks.reduce((sum, n) => sum + ((n.layers[1] as DenseLayer).bias[0] as number) * share, 0)],
    activation: (first.layers[1] as DenseLayer).activation,
  };
  return { ...first, layers: [hidden, output] };
}

/**
 * Throws a `NewsbotError` naming the feature of the first value that is not a finite number: a bug in a feature, which
 * would make every weight NaN. A feature of `mayBeMissing` may be `NaN`: missing, read as its mean (see `Network`).
 */
function requireNumbers(rows: Float32Array, features: readonly string[], mayBeMissing: readonly string[] = []): void {
  const optional = features.map((name) => mayBeMissing.includes(name));
  const at = rows.findIndex((value, i) => !Number.isFinite(value) && !(Number.isNaN(value) && optional[i % features.length]));
  if (at >= 0) throw new NewsbotError(`feature ${quoteValue(features[at % features.length] ?? '?')} of row ${Math.floor(at / features.length)} is not a number`);
}

/** Dense layers: ReLU hidden layers, then one unit with `output` activation, seeded. */
function network(inputShape: number[], options: FitOptions, output: 'sigmoid' | 'linear'): tfl.Sequential {
  const regularizer = options.l2 > 0 ? tfl.regularizers.l2({ l2: options.l2 }) : undefined;
  const sizes = [...options.hidden, 1];
  return tfl.sequential({
    layers: sizes.map((units, i) =>
      tfl.layers.dense({
        ...(i === 0 ? { inputShape } : {}),
        units,
        activation: i === sizes.length - 1 ? output : 'relu',
        kernelInitializer: tfl.initializers.glorotUniform({ seed: options.seed + i }),
        biasInitializer: 'zeros',
        ...(regularizer ? { kernelRegularizer: regularizer } : {}),
      }),
    ),
  });
}

/** Fits `epochs` passes, the samples (`sampleWidth` inputs, `targetWidth` targets each) in a new seeded order each pass. */
async function fitShuffled(model: tfl.Sequential, inputs: Float32Array, targets: Float32Array, sampleWidth: number, targetWidth: number, options: FitOptions): Promise<void> {
  const count = targets.length / targetWidth;
  const inputShape = (model.inputs[0] as tfl.SymbolicTensor).shape.slice(1) as number[];
  const random = seededRandom(options.seed);
  const x = new Float32Array(inputs.length);
  const y = new Float32Array(targets.length);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffled(count, random).forEach((from, to) => {
      x.set(inputs.subarray(from * sampleWidth, (from + 1) * sampleWidth), to * sampleWidth);
      y.set(targets.subarray(from * targetWidth, (from + 1) * targetWidth), to * targetWidth);
    });
    const xs = tf.tensor(x, [count, ...inputShape]);
    const ys = tf.tensor2d(y, [count, targetWidth]);
    await model.fit(xs, ys, { epochs: 1, batchSize: options.batchSize, shuffle: false, verbose: 0 });
    xs.dispose();
    ys.dispose();
  }
}

/** The dense layers' weights as a model file stores them; a `NewsbotError` when fitting diverged (see `requireFinite`). */
function networkFile(model: tfl.Sequential, features: readonly string[], mean: Float64Array, scale: Float64Array, output: 'sigmoid' | 'linear', learningRate: number): NetworkFile {
  const dense = model.layers.filter((layer) => layer.getWeights().length === 2);
  const layers: DenseLayer[] = dense.map((layer, i) => {
    const [kernel, bias] = layer.getWeights();
    return {
      weights: (kernel as tf.Tensor2D).arraySync(),
      bias: (bias as tf.Tensor1D).arraySync(),
      activation: i === dense.length - 1 ? output : 'relu',
    };
  });
  model.dispose();
  requireFinite(layers, learningRate);
  return { features: [...features], mean: [...mean], scale: [...scale], layers };
}

/** Throws a `NewsbotError` when fitting diverged: a weight that is not a finite number. */
function requireFinite(layers: readonly DenseLayer[], learningRate: number): void {
  if (!layers.every((layer) => layer.bias.every(Number.isFinite) && layer.weights.every((row) => row.every(Number.isFinite)))) {
    throw new NewsbotError(`fitting diverged (a weight is not a number): try a learning rate below ${quoteValue(String(learningRate))}`);
  }
}

/** Standardized rows (`valid` rows only count towards the mean and scale; padded rows and missing values, `NaN`, become 0). */
function standardize(rows: Float32Array, width: number, valid?: Uint8Array): { mean: Float64Array; scale: Float64Array; standardized: Float32Array } {
  const count = rows.length / width;
  const { mean, scale } = standardization(rows, width, count, valid);
  const standardized = new Float32Array(rows.length);
  for (let r = 0; r < count; r++) {
    if (valid && !valid[r]) continue;
    for (let f = 0; f < width; f++) {
      const x = rows[r * width + f] as number;
      if (!Number.isNaN(x)) standardized[r * width + f] = (x - (mean[f] as number)) / (scale[f] as number);
    }
  }
  return { mean, scale, standardized };
}

/** Per feature: the mean and the standard deviation (1 for a constant feature) of the values it has (not `NaN`). */
function standardization(rows: Float32Array, width: number, count: number, valid?: Uint8Array): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  const n = new Float64Array(width);
  const each = (visit: (f: number, x: number) => void): void => {
    for (let r = 0; r < count; r++) {
      if (valid && !valid[r]) continue;
      for (let f = 0; f < width; f++) {
        const x = rows[r * width + f] as number;
        if (!Number.isNaN(x)) visit(f, x);
      }
    }
  };
  each((f, x) => {
    n[f] = (n[f] as number) + 1;
    mean[f] = (mean[f] as number) + x;
  });
  for (let f = 0; f < width; f++) mean[f] = (mean[f] as number) / Math.max(1, n[f] as number);
  each((f, x) => {
    const d = x - (mean[f] as number);
    scale[f] = (scale[f] as number) + d * d;
  });
  for (let f = 0; f < width; f++) {
    const sd = Math.sqrt((scale[f] as number) / Math.max(1, n[f] as number));
    scale[f] = sd > 1e-9 ? sd : 1;
  }
  return { mean, scale };
}
