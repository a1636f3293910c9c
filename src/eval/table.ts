import type { EvalReport } from './run.js';

/** The figures of an evaluation run as a Markdown table, one row per question set, and one more for a set's follow-up questions. */
export function reportTable(reports: readonly EvalReport[]): string {
  const rate = (n: number, of: number): string => (of === 0 ? '–' : `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`);
  const rows = reports.flatMap((r) => (r.followUps ? [r, r.followUps] : [r])).map((r) =>
    [
      r.name,
      String(r.questions),
      rate(r.quoteHits, r.answerable),
      rate(r.passageHits, r.answerable),
      rate(r.answered, r.answerable),
      rate(r.declined, r.unanswerable),
      r.answerable ? `${r.answerableEM.toFixed(1)} / ${r.answerableF1.toFixed(1)}` : '–',
      `${r.exact.toFixed(1)} / ${r.f1.toFixed(1)}`,
    ].join(' | '),
  );
  return [
    '| set | questions | quote hit | passage hit | answered (answerable) | declined (unanswerable) | EM / F1 answerable | EM / F1 all (SQuAD v2) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}
