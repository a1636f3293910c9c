/** How `ask` answers. */
export interface AnswerOptions {
  /** Most quotes in an answer, best first. Default `3`. */
  maxQuotes?: number;
  /**
   * Below this probability (0..1) that the first quote answers the question,
   * the engine declines. Default: the threshold fitted with the model (see the
   * README's *How answers are chosen*); higher declines more, lower answers more.
   */
  minConfidence?: number;
  /** Longest question analyzed, in characters; the rest is ignored. Default `500`. */
  maxQuestionLength?: number;
}

export const DEFAULT_ANSWER_OPTIONS: Required<Omit<AnswerOptions, 'minConfidence'>> & Pick<AnswerOptions, 'minConfidence'> = {
  maxQuotes: 3,
  maxQuestionLength: 500,
};
