import type { Token } from './token.js';

/** Words that negate the verb after them. */
const NEGATIONS = new Set(['not', "n't", 'n’t', 'never']);
/** Words that may stand between a negation and its verb: `does not even have`. */
const LIGHT = new Set<Token['pos']>(['AUX', 'PART', 'ADV']);
/** How far back a negation may stand. */
const REACH = 4;

/**
 * Whether `tokens[i]` is negated: `not`, `n't` or `never` before it in its
 * sentence with only auxiliaries, particles and adverbs between (`does not
 * encompass`, `has never fully included`).
 */
export function isNegated(tokens: readonly Token[], i: number): boolean {
  for (let before = i - 1; before >= 0 && before >= i - REACH; before--) {
    const token = tokens[before] as Token;
    if (NEGATIONS.has(token.text.toLowerCase())) return true;
    if (!LIGHT.has(token.pos)) return false;
  }
  return false;
}
