import type { AnswerContext } from '../answer/candidates.js';
import { NEW_CONVERSATION, remember } from '../answer/conversation.js';
import { askInConversation } from '../answer/in-conversation.js';
import type { AnswerModel, Locality } from '../answer/model.js';
import type { EvalSet } from '../eval/squad.js';
import { buildIndex } from '../index/corpus-index.js';

/** The prior values tried for each of the sentence and the paragraph bonus, in log-odds. */
export const LOCALITY_GRID: readonly number[] = [0, 0.5, 1, 1.5, 2, 2.5, 3];

/** The weights tried for the words a follow-up's reading put in, as a share of their rarity (1: as if asked). */
export const REFERENT_GRID: readonly number[] = [1, 0.5, 0.25, 0.1];

/** Folds of the conversation files for the prior's held-out figure: each file is scored under a prior fitted without it. */
export const LOCALITY_FOLDS = 6;

/** A fitted locality prior, with what it and no prior score on the conversations' follow-up questions. */
export interface FittedLocality {
  locality: Locality;
  /** Follow-up questions scored right (answerable: answered with the answer in the first quote; unanswerable: declined), of `followUps`. */
  right: number;
  /** The same without the prior. */
  rightWithout: number;
  /** The same, each file's under the prior fitted on the other folds' files (`LOCALITY_FOLDS`, dealt round-robin). */
  heldOut: number;
  followUps: number;
}

/**
 * Fits the locality prior by grid search on conversations (SQuAD v2.0 files
 * with a `conversations` field): the pair of bonuses under which the most
 * follow-up questions (every question after a conversation's first) are
 * scored right, the smallest such prior on a tie, so that without evidence the
 * ranker's order stands (the smaller sum, then the smaller sentence bonus);
 * then, under those bonuses, the weight of the words a reading put in
 * (`referents`, the first, 1, on a tie). Cross-validated by file as well. The
 * conversations must be written for other articles than the test sets'.
 */
export function fitLocality(sets: readonly EvalSet[], model: AnswerModel, grid: readonly number[] = LOCALITY_GRID, referents: readonly number[] = REFERENT_GRID): FittedLocality {
  // No prior first: what the search starts from, and what it is measured against.
  const priors: Locality[] = [{ sentence: 0, paragraph: 0, referent: 1 }, ...grid.flatMap((sentence) => grid.map((paragraph) => ({ sentence, paragraph, referent: 1 })))].filter(
    (p, i) => i === 0 || p.sentence !== 0 || p.paragraph !== 0,
  );
  const conversations = sets.map((set) => conversationsOf([set]));
  // Right follow-ups of each set under a prior, scored once.
  const scored = new Map<string, number[]>();
  const scoresUnder = (locality: Locality): number[] => {
    const key = `${locality.sentence} ${locality.paragraph} ${locality.referent}`;
    let scores = scored.get(key);
    if (!scores) scored.set(key, (scores = conversations.map((ofSet) => ofSet.reduce((sum, conversation) => sum + rightFollowUps(conversation, { ...model, locality }), 0))));
    return scores;
  };
  const rightOf = (members: readonly number[], locality: Locality): number => {
    const scores = scoresUnder(locality);
    return members.reduce((sum, set) => sum + (scores[set] ?? 0), 0);
  };
  const bestFor = (members: readonly number[]): Locality => {
    let best = priors[0] as Locality;
    for (const p of priors) {
      const [right, bestRight] = [rightOf(members, p), rightOf(members, best)];
      if (right > bestRight || (right === bestRight && p.sentence + p.paragraph < best.sentence + best.paragraph)) best = p;
    }
    let weighed = best;
    for (const referent of referents) {
      const p = { ...best, referent };
      if (rightOf(members, p) > rightOf(members, weighed)) weighed = p;
    }
    return weighed;
  };
  const all = sets.map((_, i) => i);
  const chosen = bestFor(all);
  let heldOut = 0;
  for (let fold = 0; fold < LOCALITY_FOLDS; fold++) {
    const held = all.filter((i) => i % LOCALITY_FOLDS === fold);
    heldOut += rightOf(held, bestFor(all.filter((i) => i % LOCALITY_FOLDS !== fold)));
  }
  const followUps = conversations.flat().reduce((sum, c) => sum + c.questions.length - 1, 0);
  return { locality: chosen, right: rightOf(all, chosen), rightWithout: rightOf(all, priors[0] as Locality), heldOut, followUps };
}

interface ScoredConversation {
  context: AnswerContext;
  questions: Array<{ question: string; answers: string[] }>;
}

/** Each conversation of the sets, with its article's index (built once per article). */
function conversationsOf(sets: readonly EvalSet[]): ScoredConversation[] {
  const out: ScoredConversation[] = [];
  for (const set of sets) {
    const byId = new Map(set.questions.map((q) => [q.id, q]));
    const contexts = new Map<number, AnswerContext>();
    for (const ids of set.conversations) {
      const questions = ids.map((id) => byId.get(id)).filter((q) => q !== undefined);
      const article = questions[0]?.article;
      if (article === undefined) continue;
      let context = contexts.get(article);
      if (!context) {
        const source = set.articles[article];
        const documents = [{ id: `${set.name}#${article}`, title: source?.title ?? '', paragraphs: source?.paragraphs ?? [] }];
        contexts.set(article, (context = { documents, ...buildIndex(documents) }));
      }
      out.push({ context, questions });
    }
  }
  return out;
}

/** How many of a conversation's follow-up questions the model scores right, asked in order with the conversation so far. */
function rightFollowUps({ context, questions }: ScoredConversation, model: AnswerModel): number {
  let conversation = NEW_CONVERSATION;
  let right = 0;
  questions.forEach((q, turn) => {
    const answer = askInConversation(context, q.question, conversation, {}, {}, model);
    const quote = answer.quotes[0]?.text ?? '';
    const ok = q.answers.length === 0 ? !answer.answered : answer.answered && q.answers.some((gold) => quote.includes(gold));
    if (turn > 0 && ok) right++;
    conversation = remember(conversation, answer);
  });
  return right;
}
