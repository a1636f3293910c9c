/** How `ask` ranks sentences and when it declines. */
export interface AnswerOptions {
  /** Most quotes in an answer, best first. Default `3`. */
  maxQuotes?: number;
  /** Share of a sentence's score that comes from its own words; the rest comes from its paragraph. Default `0.6`. */
  sentenceWeight?: number;
  /** Below this combined score (0..1) the best sentence is not evidence enough and the engine declines. Default `0.4`. */
  minScore?: number;
  /** Below this share of the question's weight found anywhere in the article, the engine declines. Default `0.3`. */
  minCoverage?: number;
  /** Longest question analyzed, in characters; the rest is ignored. Default `500`. */
  maxQuestionLength?: number;
}

export const DEFAULT_ANSWER_OPTIONS: Required<AnswerOptions> = {
  maxQuotes: 3,
  sentenceWeight: 0.6,
  minScore: 0.4,
  minCoverage: 0.3,
  maxQuestionLength: 500,
};
