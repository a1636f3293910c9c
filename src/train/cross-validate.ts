import { CALIBRATION_FEATURE_NAMES, calibrationRow, DECISION_FEATURE_NAMES, decisionRow, logOdds, MAY_BE_MISSING, type Ranked } from '../answer/decide.js';
import { FEATURE_NAMES } from '../answer/features.js';
import { SPAN_FEATURE_NAMES } from '../answer/span-features.js';
import { Network, sigmoid, type ModelFile, type NetworkFile, type ReliabilityBand } from '../answer/model.js';
import { rank } from '../answer/rank.js';
import { exactMatch, f1Score } from '../eval/metrics.js';
import type { Example } from './examples.js';
import { fitListwise, fitNetwork, fitOffsetLogistic, type FitOptions } from './fit.js';
import { seededRandom } from './random.js';
import { fitSpans, shortAnswerOf, type SpanOptions } from './spans.js';

/** How `train` fits and checks the two models. */
export interface TrainOptions {
  /** Folds of the pool's articles. */
  folds: number;
  /** Share of answerable questions the engine must answer: the decline threshold is set to answer this share on the folds. */
  answerShare: number;
  /** Most candidates of a question the ranker is fitted on: every one that holds the answer, and a sample of the others. */
  rowsPerQuestion: number;
  /** Off-topic questions asked of each pool article, for the decision model (see `examplesOf`). */
  offTopicPerArticle: number;
  ranker: FitOptions;
  /** Rankers of different seeds fitted on the same lists and averaged into one network (see `fitListwise`): less noise from any one seed, at the scoring cost of one network as wide as all of them. */
  rankers: number;
  decider: FitOptions;
  /** The logistic regression of whether the first quote answers on the decision model's log-odds and the sentences searched (see `CALIBRATION_FEATURE_NAMES`). */
  calibration: FitOptions;
  /** How the pool's articles are cut into short pages for the calibration (see `excerptsOf`). */
  pages: { sizes: number[]; offTopicPerPage: number; nearTopicPerPage: number };
  spans: SpanOptions;
  /** The logistic regression of a short answer's F1 on its span probability that sets the span threshold (see `spanThresholdFor`). */
  spanCalibration: FitOptions;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  folds: 6,
  answerShare: 0.92,
  rowsPerQuestion: 24,
  offTopicPerArticle: 40,
  ranker: { hidden: [16], epochs: 8, batchSize: 32, learningRate: 0.002, l2: 1e-5, seed: 7 },
  rankers: 2,
  decider: { hidden: [], epochs: 40, batchSize: 64, learningRate: 0.01, l2: 1e-4, seed: 11 },
  // Full batch, run to convergence, as `spanCalibration`: three inputs, a convex fit.
  calibration: { hidden: [], epochs: 300, batchSize: 1_000_000, learningRate: 0.05, l2: 0, seed: 19 },
  // One paragraph of a SQuAD article is about 5 sentences, three about 15: the sizes of a news story or a Markdown page.
  pages: { sizes: [1, 3], offTopicPerPage: 4, nearTopicPerPage: 4 },
  spans: { hidden: [], epochs: 6, batchSize: 128, learningRate: 0.006, l2: 1e-5, seed: 13, listSize: 24, minF1: 0.5 },
  // One step an epoch over every row (a batch larger than the rows): a convex fit of one input, run until it converges,
  // so the threshold is the maximum-likelihood one rather than wherever the last mini-batch left it.
  spanCalibration: { hidden: [], epochs: 300, batchSize: 1_000_000, learningRate: 0.05, l2: 0, seed: 17 },
};

/** The figures of a set of questions scored by models that never saw their articles. Rates 0..1. */
export interface Figures {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions some candidate of which holds the answer: what ranking can reach at best. */
  retrievalRecall: number;
  /** Answerable questions whose first-ranked sentence holds the answer, declines aside. */
  rankHit: number;
  /** Answerable questions answered with the answer in the first quote / in its paragraph (a decline is a miss). */
  quoteHit: number;
  passageHit: number;
  /** Answerable questions answered; unanswerable ones declined (off-topic ones apart). */
  answered: number;
  declined: number;
  /** Off-topic questions (another article's) declined. */
  offTopicDeclined: number;
  /** SQuAD EM and F1 (0..1) of the short answer over answerable questions; a decline, or no short answer, counts 0. */
  shortEM: number;
  shortF1: number;
}

/** One question's out-of-fold outcome. */
export interface Outcome {
  example: Example;
  fold: number;
  /** Whether the first-ranked sentence, and its paragraph, hold a gold answer. */
  hit: boolean;
  paragraphHit: boolean;
  decision: Float64Array;
  /** The decision model's out-of-fold probability that the first quote answers the question. */
  decided: number;
  /** That probability calibrated out of fold for the number of sentences searched: the answer's confidence. */
  probability: number;
  /** The span model's short answer in the first-ranked sentence (`''` for none), and its probability. */
  shortAnswer: string;
  spanProbability: number;
}

/** The span model alone, within the sentence that holds the answer: SQuAD F1 and EM (0..1) of its best span there. */
export interface SpanFigures {
  /** Answerable questions with a candidate sentence that holds the answer. */
  questions: number;
  f1: number;
  em: number;
}

/** What `crossValidate` fits on and measures. */
export interface TrainingSets {
  /** Questions for every model, cross-validated by article. */
  pool: readonly Example[];
  /** Questions asked of short pages cut from the pool's articles: they teach only the page calibration (see `excerptsOf`). */
  pages: readonly Example[];
  /** Questions in every fold's ranker and span model, never scored (the training slice). */
  alwaysTrain: readonly Example[];
  /**
   * Questions no model learns from, on which the final span model is measured within the sentence that holds the
   * answer: the news conversation files' questions that stand alone, asked as a reader of a news story asks.
   */
  heldOut: readonly Example[];
}

/** What `crossValidate` finds, and the models fitted on everything (the model file's parts). */
export interface Trained extends Omit<ModelFile, 'format' | 'version' | 'locality'> {
  perFold: Figures[];
  overall: Figures;
  /** The span model within the sentence that holds the answer: the pool's questions each by the model of its fold, the `heldOut` ones by the final model. */
  spansInSentence: { pool: SpanFigures; heldOut: SpanFigures };
  /** The same figures of the questions asked of short pages cut from the pool's articles (see `excerptsOf`). */
  pages: Figures;
  pageReliability: ReliabilityBand[];
  outcomes: Outcome[];
  pageOutcomes: Outcome[];
}

/**
 * Fits the ranking and decision models and measures them by article folds of
 * the pool: each pool question is scored by a ranker fitted without its
 * article (the `alwaysTrain` questions are in every ranker's training) and by
 * a decision model fitted on the other folds' out-of-fold rankings. The
 * threshold answers `answerShare` of the pool's answerable questions; the
 * final models are fitted on everything. The `pages` questions (asked of short
 * pages cut from the pool's articles) are scored by the same fold's models and
 * teach only the page calibration, with the pool's. The `heldOut` questions
 * teach nothing: the final span model is measured on them.
 */
export async function crossValidate(sets: TrainingSets, options: TrainOptions, log: (line: string) => void = () => {}): Promise<Trained> {
  const { pool, pages, alwaysTrain, heldOut } = sets;
  const foldOf = articleFolds(pool, options.folds);
  const outcomes: Outcome[] = [];
  const pageOutcomes: Outcome[] = [];
  const poolInSentence: InSentence[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const training = [...alwaysTrain, ...pool.filter((e) => foldOf.get(e.article) !== fold)];
    const spans = new Network(await fitSpans(training, options.spans), SPAN_FEATURE_NAMES);
    const ranker = new Network(await fitRanker(training, options), FEATURE_NAMES);
    for (const example of pool) {
      if (foldOf.get(example.article) !== fold) continue;
      outcomes.push(outcomeOf(example, fold, ranker, spans));
      const scored = spanScoreInSentence(example, spans);
      if (scored) poolInSentence.push(scored);
    }
    for (const example of pages) if (foldOf.get(example.article) === fold) pageOutcomes.push(outcomeOf(example, fold, ranker, spans));
    log(`fold ${fold + 1}/${options.folds}: span model and ranker fitted on ${training.length} questions, scored ${outcomes.filter((o) => o.fold === fold).length} and ${pageOutcomes.filter((o) => o.fold === fold).length} on short pages`);
  }
  const everyOutcome = [...outcomes, ...pageOutcomes];
  for (let fold = 0; fold < options.folds; fold++) {
    const decider = new Network(await fitDecider(outcomes.filter((o) => o.fold !== fold), options), DECISION_FEATURE_NAMES);
    for (const outcome of everyOutcome) if (outcome.fold === fold) outcome.decided = decider.predict(outcome.decision);
  }
  for (let fold = 0; fold < options.folds; fold++) {
    const calibration = new Network(await fitCalibration(everyOutcome.filter((o) => o.fold !== fold), options), CALIBRATION_FEATURE_NAMES);
    // A question with no candidate is declined before the model is asked (`ask`), and is scored so here.
    for (const o of everyOutcome) if (o.fold === fold) o.probability = o.example.holds.length === 0 ? 0 : calibration.predict(calibrationRow(o.decided, o.example.store.size, o.example.asked.known));
  }
  const threshold = thresholdFor(outcomes, options.answerShare);
  const spanThreshold = await spanThresholdFor(outcomes, threshold, options.spanCalibration);
  const everyShown = figures(outcomes, threshold, 0);
  log(`short answers: span threshold ${spanThreshold.toFixed(3)}; with every short answer shown, F1 ${(100 * everyShown.shortF1).toFixed(1)} (EM ${(100 * everyShown.shortEM).toFixed(1)})`);
  const perFold = Array.from({ length: options.folds }, (_, fold) => figures(outcomes.filter((o) => o.fold === fold), threshold, spanThreshold));
  log('fitting the final models on every article');
  const spans = await fitSpans([...alwaysTrain, ...pool], options.spans);
  const finalSpans = new Network(spans, SPAN_FEATURE_NAMES);
  const ranker = await fitRanker([...alwaysTrain, ...pool], options);
  const decider = await fitDecider(outcomes, options);
  const calibration = await fitCalibration(everyOutcome, options);
  return {
    ranker,
    decider,
    calibration,
    threshold,
    spans,
    spanThreshold,
    reliability: reliability(outcomes, threshold),
    perFold,
    overall: figures(outcomes, threshold, spanThreshold),
    pages: figures(pageOutcomes, threshold, spanThreshold),
    pageReliability: reliability(pageOutcomes, threshold),
    spansInSentence: { pool: spanFigures(poolInSentence), heldOut: spanFigures(heldOut.map((example) => spanScoreInSentence(example, finalSpans)).filter((s) => s !== undefined)) },
    outcomes,
    pageOutcomes,
  };
}

/** SQuAD F1 and EM (0..1) of one question's short answer. */
interface InSentence {
  f1: number;
  em: number;
}

/** The span model's best span in the first candidate sentence that holds a gold answer, scored; `undefined` for a question without one. */
function spanScoreInSentence(example: Example, spans: Network): InSentence | undefined {
  const row = example.impossible ? -1 : example.holds.indexOf(1);
  if (row < 0) return undefined;
  const { text } = shortAnswerOf(example, row, spans);
  return { f1: f1Score(text, example.golds), em: exactMatch(text, example.golds) };
}

function spanFigures(scores: readonly InSentence[]): SpanFigures {
  const mean = (score: (s: InSentence) => number): number => (scores.length === 0 ? 0 : scores.reduce((total, s) => total + score(s), 0) / scores.length);
  return { questions: scores.length, f1: mean((s) => s.f1), em: mean((s) => s.em) };
}

/** Fold of each article: its place in its set, dealt round-robin (as `examplesOf` pairs off-topic questions). */
export function articleFolds(examples: readonly Example[], folds: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const example of examples) out.set(example.article, example.articleIndex % folds);
  return out;
}

function outcomeOf(example: Example, fold: number, ranker: Network, spans: Network): Outcome {
  const rows = Float64Array.from(example.rows);
  const ranked: Ranked[] = rank(rows, example.holds.length, ranker);
  const first = ranked[0];
  const short = first === undefined ? { text: '', probability: 0 } : shortAnswerOf(example, first.row, spans);
  return {
    example,
    fold,
    hit: first !== undefined && example.holds[first.row] === 1,
    paragraphHit: first !== undefined && example.paragraphHolds[first.row] === 1,
    decided: 0,
    decision: decisionRow(example.asked, ranked, rows, short.probability, first === undefined ? '' : (example.store.chunk(example.sentences[first.row] as number)?.text ?? '')),
    probability: 0,
    shortAnswer: short.text,
    spanProbability: short.probability,
  };
}

/**
 * Fits the ranker on the answerable questions whose candidates hold the answer,
 * a list of `rowsPerQuestion` candidates each: every one that holds the answer,
 * then the others that BM25 scores highest (the hard ones) for half the room
 * left and a seeded sample of the rest.
 */
async function fitRanker(examples: readonly Example[], options: TrainOptions): Promise<NetworkFile> {
  const width = FEATURE_NAMES.length;
  const size = options.rowsPerQuestion;
  const bm25 = FEATURE_NAMES.indexOf('bm25');
  const random = seededRandom(options.ranker.seed);
  const lists: Array<{ example: Example; rows: number[] }> = [];
  for (const example of examples) {
    if (example.impossible || !example.holds.includes(1)) continue;
    const positives: number[] = [];
    const negatives: number[] = [];
    example.holds.forEach((holds, row) => (holds ? positives : negatives).push(row));
    negatives.sort((a, b) => (example.rows[b * width + bm25] as number) - (example.rows[a * width + bm25] as number) || a - b);
    const room = Math.max(0, size - positives.length);
    const hard = Math.ceil(room / 2);
    for (let i = hard; i < Math.min(room, negatives.length); i++) {
      const j = i + Math.floor(random() * (negatives.length - i));
      [negatives[i], negatives[j]] = [negatives[j] as number, negatives[i] as number];
    }
    lists.push({ example, rows: [...positives.slice(0, size), ...negatives.slice(0, room)] });
  }
  const rows = new Float32Array(lists.length * size * width);
  const targets = new Float32Array(lists.length * size).fill(-1);
  lists.forEach(({ example, rows: picked }, l) => {
    const positives = picked.filter((row) => example.holds[row] === 1).length;
    picked.forEach((row, i) => {
      rows.set(example.rows.subarray(row * width, (row + 1) * width), (l * size + i) * width);
      targets[l * size + i] = example.holds[row] === 1 ? 1 / positives : 0;
    });
  });
  return fitListwise(rows, targets, size, FEATURE_NAMES, options.ranker, options.rankers);
}

/** Fits the decision model: does the first-ranked sentence hold the answer (never, for an unanswerable question)? */
async function fitDecider(outcomes: readonly Outcome[], options: TrainOptions): Promise<NetworkFile> {
  const width = DECISION_FEATURE_NAMES.length;
  const rows = new Float32Array(outcomes.length * width);
  const labels = new Float32Array(outcomes.length);
  outcomes.forEach((o, i) => {
    rows.set(o.decision, i * width);
    labels[i] = answers(o) ? 1 : 0;
  });
  return fitNetwork(rows, labels, DECISION_FEATURE_NAMES, options.decider, MAY_BE_MISSING);
}

/** Fits the page calibration on out-of-fold decisions: does the first quote answer, from the decision model's log-odds corrected by the sentences searched and what of the question the article lacks? */
async function fitCalibration(outcomes: readonly Outcome[], options: TrainOptions): Promise<NetworkFile> {
  const asked = outcomes.filter((o) => o.example.holds.length > 0);
  const [offsetName, ...names] = CALIBRATION_FEATURE_NAMES as [string, ...string[]];
  const offsets = new Float32Array(asked.length);
  const rows = new Float32Array(asked.length * names.length);
  asked.forEach((o, i) => {
    const [offset, ...row] = calibrationRow(o.decided, o.example.store.size, o.example.asked.known);
    offsets[i] = offset as number;
    rows.set(row, i * names.length);
  });
  const labels = Float32Array.from(asked, (o) => (answers(o) ? 1 : 0));
  return fitOffsetLogistic(offsetName, offsets, rows, labels, names, options.calibration);
}

/** Whether the first quote answers the question. */
function answers(outcome: Outcome): boolean {
  return !outcome.example.impossible && outcome.hit;
}

/** The highest probability at which at least `share` of the answerable questions are answered. */
export function thresholdFor(outcomes: readonly Outcome[], share: number): number {
  const probabilities = outcomes.filter((o) => !o.example.impossible && !o.example.offTopic).map((o) => o.probability).sort((a, b) => a - b);
  if (probabilities.length === 0) return 0.5;
  // The epsilon keeps (1 - 0.8) * 10 at 2, not 1.999...: the threshold is the highest one that answers the share.
  const declinable = Math.floor((1 - share) * probabilities.length + 1e-9);
  return probabilities[declinable] as number;
}

/**
 * The span probability below which an answer shows no short answer: where the
 * expected F1 of its words falls below one half, so that a short answer is
 * shown when its words are more likely right than wrong (wrong words cost as
 * much as right ones gain). Whether the quote answers at all is what the
 * confidence says; this threshold is about the words picked in it. The
 * expected F1 is a logistic regression of the short answer's F1 (a soft
 * label) on the log-odds of its span probability, over the answerable pool
 * questions answered on the folds whose first quote holds a gold answer. A
 * smooth fit rather than the best cut of the sorted answers' gains: those
 * sums are flat over a wide range of probabilities, and their maximum moved
 * from 0.44 to 0.52 with the ranker's seed alone.
 */
export async function spanThresholdFor(outcomes: readonly Outcome[], threshold: number, options: FitOptions): Promise<number> {
  const answered = outcomes.filter((o) => !o.example.offTopic && !o.example.impossible && o.hit && o.probability >= threshold);
  if (answered.length === 0) return 0;
  const rows = Float32Array.from(answered, (o) => logOdds(o.spanProbability));
  const labels = Float32Array.from(answered, (o) => f1Score(o.shortAnswer, o.example.golds));
  const file = await fitNetwork(rows, labels, ['spanLogOdds'], options);
  const weight = file.layers[0]?.weights[0]?.[0] ?? 0;
  const bias = file.layers[0]?.bias[0] ?? 0;
  // A probability that says nothing of the F1 (or the opposite of it): every short answer shown, or none, by the mean.
  if (!(weight > 0)) return bias >= 0 ? 0 : 1;
  // Where the fitted log-odds of the F1 cross 0, back from the standardized feature to a probability.
  return sigmoid((file.mean[0] ?? 0) - ((file.scale[0] ?? 1) * bias) / weight);
}

export function figures(all: readonly Outcome[], threshold: number, spanThreshold = 0): Figures {
  const outcomes = all.filter((o) => !o.example.offTopic);
  const offTopic = all.filter((o) => o.example.offTopic);
  const answerable = outcomes.filter((o) => !o.example.impossible);
  const unanswerable = outcomes.filter((o) => o.example.impossible);
  const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  const answered = answerable.filter((o) => o.probability >= threshold);
  const shown = answered.filter((o) => o.spanProbability >= spanThreshold);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    retrievalRecall: rate(answerable.filter((o) => o.example.holds.includes(1)).length, answerable.length),
    rankHit: rate(answerable.filter((o) => o.hit).length, answerable.length),
    quoteHit: rate(answered.filter((o) => o.hit).length, answerable.length),
    passageHit: rate(answered.filter((o) => o.paragraphHit).length, answerable.length),
    answered: rate(answered.length, answerable.length),
    declined: rate(unanswerable.filter((o) => o.probability < threshold).length, unanswerable.length),
    offTopicDeclined: rate(offTopic.filter((o) => o.probability < threshold).length, offTopic.length),
    shortEM: rate(sum(shown, (o) => exactMatch(o.shortAnswer, o.example.golds)), answerable.length),
    shortF1: rate(sum(shown, (o) => f1Score(o.shortAnswer, o.example.golds)), answerable.length),
  };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Answers (questions not declined) by confidence band of 0.2, and how many of them quote the answer. */
export function reliability(outcomes: readonly Outcome[], threshold: number): ReliabilityBand[] {
  const bands: ReliabilityBand[] = [0, 0.2, 0.4, 0.6, 0.8].map((from) => ({ from, to: from + 0.2, answers: 0, right: 0, meanConfidence: 0 }));
  for (const o of outcomes) {
    if (o.probability < threshold || o.example.offTopic) continue;
    const band = bands[Math.min(4, Math.floor(o.probability / 0.2))] as ReliabilityBand;
    band.answers++;
    band.meanConfidence += o.probability;
    if (answers(o)) band.right++;
  }
  for (const band of bands) band.meanConfidence = band.answers === 0 ? 0 : band.meanConfidence / band.answers;
  return bands;
}
