import type { Ranked } from './decide.js';
import type { Network } from './model.js';

/** Candidates scored by the ranking network from their feature rows (`count` rows), best first; ties keep retrieval order. */
export function rank(rows: Float64Array, count: number, ranker: Network): Ranked[] {
  const ranked: Ranked[] = [];
  for (let row = 0; row < count; row++) ranked.push({ row, logit: ranker.logit(rows, row * ranker.inputs) });
  return ranked.sort((a, b) => b.logit - a.logit || a.row - b.row);
}
