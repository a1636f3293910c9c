import type { Token } from '../chunk/token.js';
import type { CorpusStats } from '../index/stats.js';
import { isUsualSense, relatedWords, type Relation } from '../wordnet/related.js';
import type { WordNetPos } from '../wordnet/wordnet.js';

const WORDNET_POS: Partial<Record<Token['pos'], WordNetPos>> = { NOUN: 'noun', VERB: 'verb', ADJ: 'adj', ADV: 'adv' };
const PARTICLE_POS = new Set<Token['pos']>(['ADP', 'PART', 'ADV']);

/** The article's words related to a question word it never uses. */
export interface RelatedTerms {
  /** Its synonyms that the article uses. */
  related: string[];
  /** Its opposites that the article uses: they match where negated. */
  opposite: string[];
}

/**
 * The article's words that WordNet relates to a question word the article
 * never uses (`newspaper` -> `paper`), each through one of its usual senses;
 * `next` is the question token after it, for phrasal verbs (`left out` ->
 * `leave_out`, whose opposite is `include`).
 */
export function relatedTerms(token: Token, next: Token | undefined, stats: CorpusStats): RelatedTerms {
  const pos = WORDNET_POS[token.pos];
  // Names, numbers and codes keep to exact matches.
  if (!pos || !/^[a-z][a-z'-]*$/.test(token.term)) return { related: [], opposite: [] };
  const phrasal = pos === 'verb' && next && PARTICLE_POS.has(next.pos) ? relatedWords(`${token.term}_${next.text.toLowerCase()}`, pos) : undefined;
  // The phrasal verb when WordNet knows it: `leave out` means exclude, `leave` alone means go or allow.
  const { synonyms, opposites } = phrasal && phrasal.synonyms.length + phrasal.opposites.length > 0 ? phrasal : relatedWords(token.term, pos);
  const used = (relations: readonly Relation[]): string[] => [
    ...new Set(relations.filter((r) => stats.count(r.word) > 0 && isUsualSense(r)).map((r) => r.word)),
  ];
  return { related: used(synonyms), opposite: used(opposites) };
}
