import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewsbotError, quoteValue } from '../errors.js';

/** One fully connected layer: `weights[i][o]` from input `i` to output `o`. */
export interface DenseLayer {
  weights: number[][];
  bias: number[];
  activation: 'relu' | 'sigmoid' | 'linear';
}

/** A fitted network as the model file stores it: the feature names it was fitted with, their standardization and its layers. */
export interface NetworkFile {
  features: string[];
  /** Per feature: subtracted, then divided by `scale`, before the first layer. */
  mean: number[];
  scale: number[];
  layers: DenseLayer[];
}

/** A row of a reliability table: the answers given in one confidence band, and how many of them quoted the answer (cross-validated). */
export interface ReliabilityBand {
  from: number;
  to: number;
  answers: number;
  right: number;
  meanConfidence: number;
}

/** What `npm run train` writes to `models/answer.json`. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  /** A hash of the fitted weights: changes whenever the models do. */
  version: string;
  /** Scores a candidate sentence: the logit of the probability that it holds the answer. */
  ranker: NetworkFile;
  /** From the question and its best candidates: the probability that the first quote answers the question. */
  decider: NetworkFile;
  /** From the decision model's probability and the number of sentences searched: the answer's confidence (see `CALIBRATION_FEATURE_NAMES`). */
  calibration: NetworkFile;
  /** Below this confidence the engine declines (chosen on the cross-validation folds, see the README). */
  threshold: number;
  /** Scores a candidate short answer: its logit in the softmax over the spans of the quoted sentence. */
  spans: NetworkFile;
  /** Below this probability of its best span the quote is shown with no short answer (chosen on the folds). */
  spanThreshold: number;
  /** Cross-validated reliability of `decider`, for the README and `npm run train`'s report. */
  reliability: ReliabilityBand[];
  /** In a conversation, added to the ranking logits of the previous answer's sentence and paragraph, and the weight of the words a reading put in (fitted on conversations, see `Locality`). */
  locality: Locality;
}

/**
 * How a follow-up is answered in its conversation. How much more likely its
 * answer is near the previous one: added to the ranking model's logit (a
 * prior, in log-odds) of the candidates in the paragraph of the previous
 * turn's first quote (`paragraph`), and more to that sentence itself
 * (`sentence`). And how much the words its reading put in (`referent`: the
 * name a pronoun stands for, an ellipsis's frame) weigh, as a share of their
 * rarity: they say what the conversation is about, which the sentence that
 * answers often says with a pronoun of its own. Fitted by `npm run train` on
 * conversations written for other articles than the test sets' (see
 * `src/train/locality.ts`).
 */
export interface Locality {
  sentence: number;
  paragraph: number;
  referent: number;
}

export const MODEL_FORMAT = 'newsbot-answer-model/5' as const;

/** The model file shipped with the project. */
export const DEFAULT_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/answer.json');

/**
 * A network ready to score rows of features. Built from a `NetworkFile` whose
 * feature names must be exactly `expected`, in order: a feature added, removed
 * or moved in code without re-training fails here, loudly, instead of shifting
 * every weight.
 */
export class Network {
  readonly inputs: number;
  private readonly layers: Array<{ weights: Float64Array; bias: Float64Array; inputs: number; outputs: number; activation: DenseLayer['activation'] }>;
  private readonly buffers: [Float64Array, Float64Array];
  /** Per feature, the value a missing one (`NaN`) is read as: its training mean, which adds nothing to the first layer. */
  private readonly means: Float64Array;

  constructor(file: NetworkFile, expected: readonly string[], name = 'model') {
    const names = file.features.join(', ');
    if (names !== expected.join(', ')) {
      throw new NewsbotError(`the ${name} was fitted with features ${quoteValue(names.slice(0, 200))}, not the ones the code computes: run npm run train`);
    }
    this.inputs = expected.length;
    this.means = Float64Array.from(expected, (_, i) => file.mean[i] ?? 0);
    let inputs = this.inputs;
    this.layers = file.layers.map((layer, l) => {
      const outputs = layer.bias.length;
      if (layer.weights.length !== inputs || layer.weights.some((row) => row.length !== outputs)) throw new NewsbotError(`the ${name}'s layers do not fit together`);
      const weights = new Float64Array(inputs * outputs);
      const bias = Float64Array.from(layer.bias);
      layer.weights.forEach((row, i) => {
        // The first layer takes the features as they are: their standardization, (x - mean) / scale, is folded into its
        // weights and bias, so a feature that is 0 (most of the one-hot and hashed ones) costs nothing.
        const scale = l === 0 && (file.scale[i] ?? 0) > 0 ? (file.scale[i] as number) : 1;
        const mean = l === 0 ? (file.mean[i] ?? 0) : 0;
        row.forEach((w, o) => {
          weights[i * outputs + o] = w / scale;
          bias[o] = (bias[o] as number) - (mean * w) / scale;
        });
      });
      const built = { weights, bias, inputs, outputs, activation: layer.activation };
      inputs = outputs;
      return built;
    });
    if (inputs !== 1) throw new NewsbotError(`the ${name} must have one output, not ${inputs}`);
    const widest = Math.max(this.inputs, ...this.layers.map((l) => l.outputs));
    this.buffers = [new Float64Array(widest), new Float64Array(widest)];
  }

  /** The network's output for the row of features at `rows[offset ...]`, before its last activation (a logit for a sigmoid output). */
  logit(rows: Float64Array, offset = 0): number {
    // Plain loops over typed arrays: the ranker scores every candidate of every question, and this is its hottest code.
    let [input, output] = this.buffers;
    const last = this.layers.length - 1;
    for (let l = 0; ; l++) {
      const { weights, bias, inputs, outputs, activation } = this.layers[l] as Network['layers'][number];
      // The first layer reads the row in place; the others, the layer before's output.
      const source = l === 0 ? rows : input;
      const at = l === 0 ? offset : 0;
      for (let o = 0; o < outputs; o++) output[o] = bias[o] as number;
      for (let i = 0; i < inputs; i++) {
        let x = source[at + i] as number;
        if (x === 0) continue;
        if (x !== x) x = this.means[i] as number; // NaN: a missing feature (only ever in the first layer's input)
        const row = i * outputs;
        for (let o = 0; o < outputs; o++) output[o] = (output[o] as number) + x * (weights[row + o] as number);
      }
      if (l === last) return output[0] as number;
      if (activation === 'relu') for (let o = 0; o < outputs; o++) output[o] = Math.max(0, output[o] as number);
      else for (let o = 0; o < outputs; o++) output[o] = activate(activation, output[o] as number);
      const next = output;
      output = input;
      input = next;
    }
  }

  /** The network's output for a row, after its last activation. */
  predict(rows: Float64Array, offset = 0): number {
    const last = this.layers[this.layers.length - 1] as { activation: DenseLayer['activation'] };
    return activate(last.activation, this.logit(rows, offset));
  }
}

function activate(activation: DenseLayer['activation'], x: number): number {
  return activation === 'relu' ? Math.max(0, x) : activation === 'sigmoid' ? sigmoid(x) : x;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Reads a model file; a missing or malformed one is a one-line `NewsbotError`. */
export function readModelFile(path: string = DEFAULT_MODEL_PATH): ModelFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new NewsbotError(`model file ${quoteValue(path)} cannot be read: run npm run train`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NewsbotError(`model file ${quoteValue(path)} is not JSON`);
  }
  const file = json as Partial<ModelFile>;
  if (file.format !== MODEL_FORMAT || !file.ranker || !file.decider || !file.calibration || !file.spans || typeof file.threshold !== 'number' || typeof file.spanThreshold !== 'number' || typeof file.version !== 'string' || !isLocality(file.locality)) {
    throw new NewsbotError(`model file ${quoteValue(path)} is not a ${MODEL_FORMAT} model: run npm run train`);
  }
  return file as ModelFile;
}

function isLocality(value: unknown): value is Locality {
  const locality = value as Partial<Locality> | undefined;
  return Number.isFinite(locality?.sentence) && Number.isFinite(locality?.paragraph) && Number.isFinite(locality?.referent);
}

/** The fitted models as `ask` uses them. */
export interface AnswerModel {
  version: string;
  ranker: Network;
  decider: Network;
  calibration: Network;
  threshold: number;
  spans: Network;
  spanThreshold: number;
  locality: Locality;
}

/** The feature names the code computes for each of the three networks. */
export interface FeatureNames {
  ranker: readonly string[];
  decider: readonly string[];
  calibration: readonly string[];
  spans: readonly string[];
}

/** Builds the networks of a model file, checking their feature names against the code's. */
export function answerModelOf(file: ModelFile, names: FeatureNames): AnswerModel {
  return {
    version: file.version,
    ranker: new Network(file.ranker, names.ranker, 'ranking model'),
    decider: new Network(file.decider, names.decider, 'decision model'),
    calibration: new Network(file.calibration, names.calibration, 'page calibration'),
    threshold: file.threshold,
    spans: new Network(file.spans, names.spans, 'span model'),
    spanThreshold: file.spanThreshold,
    locality: { ...file.locality },
  };
}
