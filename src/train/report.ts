import type { ReliabilityBand } from '../answer/model.js';
import type { Figures, SpanFigures } from './cross-validate.js';

const percent = (rate: number): string => `${(100 * rate).toFixed(1)}%`;
const score = (rate: number): string => (100 * rate).toFixed(1);

/** The cross-validated figures as a Markdown table: one row per fold, then all folds together, then the same articles' questions asked of short pages cut from them. */
export function cvTable(perFold: readonly Figures[], overall: Figures, pages: Figures): string {
  const row = (name: string, f: Figures): string =>
    `| ${name} | ${f.answerable} / ${f.unanswerable} | ${percent(f.retrievalRecall)} | ${percent(f.rankHit)} | ${percent(f.quoteHit)} | ${percent(f.passageHit)} | ${percent(f.answered)} | ${percent(f.declined)} | ${percent(f.offTopicDeclined)} | ${score(f.shortF1)} (${score(f.shortEM)}) |`;
  return [
    '| fold | answerable / unanswerable | retrieval recall | first sentence holds answer | quote hit | passage hit | answerable answered | unanswerable declined | off-topic declined | short-answer F1 (EM) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...perFold.map((f, i) => row(String(i + 1), f)),
    row('**all**', overall),
    row('short pages', pages),
  ].join('\n');
}

/** Answers by confidence band, and how many quote the answer, as a Markdown table. */
export function reliabilityTable(bands: readonly ReliabilityBand[]): string {
  return [
    '| confidence | answers | quote the answer | mean confidence |',
    '|---|---|---|---|',
    ...bands.map((b) => `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.answers} | ${b.answers ? percent(b.right / b.answers) : '–'} | ${b.answers ? b.meanConfidence.toFixed(2) : '–'} |`),
  ].join('\n');
}

/** The span model within the sentence that holds the answer, as a Markdown table: the pool's questions (cross-validated) and the conversation files' (never learned from). */
export function spansTable(figures: { pool: SpanFigures; heldOut: SpanFigures }): string {
  const row = (name: string, f: SpanFigures): string => `| ${name} | ${f.questions} | ${score(f.f1)} (${score(f.em)}) |`;
  return [
    '| span model, in the sentence that holds the answer | questions | short-answer F1 (EM) |',
    '|---|---|---|',
    row('pool articles, cross-validated', figures.pool),
    row('news conversation files, never learned from (questions that stand alone)', figures.heldOut),
  ].join('\n');
}
