import type { Token } from '../chunk/token.js';
import type { WeightedTerm } from './evidence.js';
import { PRONOUNS } from './follow-up/parts.js';
import { kindNoun, type AnswerKind, type Question } from './question.js';

/** What the article lacks, by the kind of answer asked for. */
const LACKING: Record<AnswerKind, string> = {
  person: 'who that was',
  place: 'where that was',
  date: 'when that was',
  number: 'how many',
  amount: 'the amount or price',
  duration: 'how long that was',
  reason: 'why',
  manner: 'how',
  entity: 'that',
  definition: 'that',
  thing: 'that',
  confirmation: 'that',
  statement: 'what was said',
};

/**
 * The question's words that the article never uses, nor says in related words, as phrases of the
 * question (`European Union`, `jobs`), heaviest first; not the `kind` of
 * *what kind of firm*, which is how the question asks, not what about. A verb
 * is a phrase of its own: *broadcaster interviewed* is two things the article
 * lacks, not one.
 */
export function missingPhrases(question: Question, terms: readonly WeightedTerm[]): string[] {
  // A word the article says in other words (`runs` as *chief executive*, `newspaper` as *paper*) is not what it lacks.
  const missing = new Set(terms.filter((t) => !t.known && t.related.related.length === 0).map((t) => t.token.term));
  const weight = new Map(terms.map((t) => [t.token.term, t.weight]));
  const phrases: Array<{ text: string; weight: number }> = [];
  let run: Token[] = [];
  const flush = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) {
      phrases.push({
        text: question.text.slice(first.start, last.end),
        weight: run.reduce((sum, t) => sum + (weight.get(t.term) ?? 0), 0),
      });
    }
    run = [];
  };
  const kind = kindNoun(question.tokens);
  for (const token of question.tokens) {
    if (!token.term || token === kind || !missing.has(token.term)) {
      flush();
      continue;
    }
    const last = run[run.length - 1];
    if (last && (last.pos === 'VERB') !== (token.pos === 'VERB')) flush();
    run.push(token);
  }
  flush();
  return phrases.sort((a, b) => b.weight - a.weight).map((p) => p.text);
}

/**
 * A one-sentence reason for declining that names what the article lacks: the
 * kind of answer when no sentence holds one (`the amount or price`), else the
 * question's words it never uses.
 */
export function declineReason(question: Question, missing: readonly string[], lacksKind = false): string {
  if (lacksKind) return `The article doesn't mention ${lacking(question)}.`;
  const [first, second] = missing;
  if (first && second) return `The article doesn't mention “${first}” or “${second}”.`;
  if (first) return `The article doesn't mention “${first}”.`;
  return `The article doesn't say ${lacking(question)}.`;
}

/**
 * What the article lacks, by the kind of answer; for a number, as the question
 * asks for it (*how far*, *how old*, *the percentage*), since *how many* fits
 * only a count.
 */
function lacking(question: Question): string {
  if (question.kind !== 'number') return LACKING[question.kind];
  if (question.focus !== undefined) return `the ${question.focus}`;
  const how = question.tokens.findIndex((token) => token.text.toLowerCase() === 'how');
  const next = question.tokens[how + 1]?.text.toLowerCase();
  return how !== -1 && next !== undefined && /^\p{L}+$/u.test(next) ? `how ${next}` : LACKING.number;
}

/** What a pronoun asks about when nothing tells what it stands for, by what it agrees with. */
const UNCLEAR = { person: 'who', thing: 'what', group: 'who or what', place: 'where', date: 'when', event: 'what' } as const;

/**
 * Why a question with no words to look up is declined: when it is a pronoun
 * and little else (*What did he say?*, its *he* standing for nothing the
 * conversation named), that it is not clear what the pronoun stands for;
 * else that there are no words.
 */
export function noWordsReason(question: Question): string {
  const pronoun = question.tokens.find((t) => (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'ADV') && PRONOUNS[t.text.toLowerCase()] !== undefined);
  const agreement = pronoun && PRONOUNS[pronoun.text.toLowerCase()];
  if (!pronoun || !agreement) return 'The question has no words to look up in the article.';
  const plural = agreement === 'group' ? 'are' : 'is';
  return `It isn't clear ${UNCLEAR[agreement]} “${pronoun.text}” ${plural} here: ask again with a name.`;
}
