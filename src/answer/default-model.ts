import { DECISION_FEATURE_NAMES } from './decide.js';
import { FEATURE_NAMES } from './features.js';
import { answerModelOf, readModelFile, type AnswerModel } from './model.js';

let loaded: AnswerModel | undefined;

/** The project's fitted model (`models/answer.json`), read once. */
export function defaultModel(): AnswerModel {
  loaded ??= answerModelOf(readModelFile(), FEATURE_NAMES, DECISION_FEATURE_NAMES);
  return loaded;
}
