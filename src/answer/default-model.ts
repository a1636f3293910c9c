import { CALIBRATION_FEATURE_NAMES, DECISION_FEATURE_NAMES } from './decide.js';
import { FEATURE_NAMES } from './features.js';
import { answerModelOf, readModelFile, type AnswerModel, type FeatureNames } from './model.js';
import { SPAN_FEATURE_NAMES } from './span-features.js';

/** What the code computes for each network of the model file. */
export const FEATURES: FeatureNames = { ranker: FEATURE_NAMES, decider: DECISION_FEATURE_NAMES, calibration: CALIBRATION_FEATURE_NAMES, spans: SPAN_FEATURE_NAMES };

let loaded: AnswerModel | undefined;

/** The project's fitted model (`models/answer.json`), read once. */
export function defaultModel(): AnswerModel {
  loaded ??= answerModelOf(readModelFile(), FEATURES);
  return loaded;
}
