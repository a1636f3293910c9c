import type { Token } from '../chunk/token.js';
import type { CorpusStats } from '../index/stats.js';
import { doers, isUsualSense, relatedWords, type Relation } from '../wordnet/related.js';
import type { WordNetPos } from '../wordnet/wordnet.js';

const WORDNET_POS: Partial<Record<Token['pos'], WordNetPos>> = { NOUN: 'noun', VERB: 'verb', ADJ: 'adj', ADV: 'adv' };
const PARTICLE_POS = new Set<Token['pos']>(['ADP', 'PART', 'ADV']);

/** The article's words related to a question word it never uses. */
export interface RelatedTerms {
  /** Its synonyms that the article uses (for a verb, also the people who do it: see `doers`). */
  related: string[];
  /** Its opposites that the article uses: they match where negated. */
  opposite: string[];
}

/** No related terms: a word the article uses, or one WordNet cannot relate. */
export const NO_RELATED: RelatedTerms = { related: [], opposite: [] };

/** Most question words whose related terms are remembered per article: a few words each. */
const MAX_REMEMBERED = 10_000;

/** Related terms by question word (part of speech, lemma, particle), per article's statistics. */
const remembered = new WeakMap<CorpusStats, Map<string, RelatedTerms>>();

/**
 * The article's words that WordNet relates to a question word the article
 * never uses (`newspaper` -> `paper`; for a verb, who does it: `runs` ->
 * `executive`, see `doers`), each through one of its usual senses;
 * `next` is the question token after it, for phrasal verbs (`left out` ->
 * `leave_out`, whose opposite is `include`). Remembered for the article.
 */
export function relatedTerms(token: Token, next: Token | undefined, stats: CorpusStats): RelatedTerms {
  return rememberedFor(token, next, stats, true);
}

/**
 * The article's words of opposite meaning to a question word it uses as well
 * (`largest` -> `smallest`): `relatedTerms`' opposites, without the look-ups
 * only a word the article lacks needs.
 */
export function oppositeTerms(token: Token, next: Token | undefined, stats: CorpusStats): string[] {
  return rememberedFor(token, next, stats, false).opposite;
}

function rememberedFor(token: Token, next: Token | undefined, stats: CorpusStats, lacked: boolean): RelatedTerms {
  const pos = WORDNET_POS[token.pos];
  // Names, numbers and codes keep to exact matches.
  if (!pos || !/^[a-z][a-z'-]*$/.test(token.term)) return NO_RELATED;
  const particle = pos === 'verb' && next && PARTICLE_POS.has(next.pos) ? next.text.toLowerCase() : '';
  let memo = remembered.get(stats);
  if (!memo) remembered.set(stats, (memo = new Map()));
  const key = `${pos} ${token.term} ${particle}`;
  let found = memo.get(key);
  if (!found) {
    found = lookUp(token.term, particle, pos, stats);
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    memo.set(key, found);
  }
  // Who does what a verb says, as news names them (*Chief executive Mette Lund* for *Who runs Kvikly?*): a dozen
  // WordNet reads for a new verb, so only for a verb the article lacks.
  if (!lacked || pos !== 'verb') return found;
  let withDoers = memo.get(`${key}+`);
  if (!withDoers) {
    const people = used(doers(token.term), stats);
    withDoers = people.length === 0 ? found : { related: [...new Set([...found.related, ...people])], opposite: found.opposite };
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    memo.set(`${key}+`, withDoers);
  }
  return withDoers;
}

function lookUp(lemma: string, particle: string, pos: WordNetPos, stats: CorpusStats): RelatedTerms {
  const phrasal = particle ? relatedWords(`${lemma}_${particle}`, pos) : undefined;
  // The phrasal verb when WordNet knows it: `leave out` means exclude, `leave` alone means go or allow.
  const { synonyms, opposites } = phrasal && phrasal.synonyms.length + phrasal.opposites.length > 0 ? phrasal : relatedWords(lemma, pos);
  return { related: used(synonyms, stats), opposite: used(opposites, stats) };
}

/** The words of `relations` that the article uses, each through one of its usual senses. */
function used(relations: readonly Relation[], stats: CorpusStats): string[] {
  return [...new Set(relations.filter((r) => stats.count(r.word) > 0 && isUsualSense(r)).map((r) => r.word))];
}
