import { remember } from '../answer/conversation.js';
import { Engine, type EngineOptions } from '../engine.js';
import type { Answer, Conversation } from '../types.js';
import { exactMatch, f1Score } from './metrics.js';
import type { EvalQuestion, EvalSet } from './squad.js';

/** What the engine said for one question, in the shape `--predictions` writes. */
export interface Prediction {
  answer: string;
  quote: string;
  passage: number | null;
  abstained: boolean;
  confidence: number;
  /** The question as the engine read it, when it leaned on the conversation. */
  understood?: string;
}

/** The figures of one evaluation run; rates are 0..1, EM/F1 0..100. */
export interface EvalReport {
  name: string;
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Answerable questions answered with a gold answer inside the first quote. */
  quoteHits: number;
  /** Answerable questions answered with a gold answer inside the cited paragraph. */
  passageHits: number;
  /** Answerable questions that got an answer rather than a decline. */
  answered: number;
  /** Unanswerable questions that were declined. */
  declined: number;
  /** SQuAD EM and F1 of the short answer over answerable questions. */
  answerableEM: number;
  answerableF1: number;
  /** Official SQuAD v2 EM and F1 over all questions (a decline is the empty answer). */
  exact: number;
  f1: number;
  /** The same figures for the questions asked after a conversation's first, when the set has conversations. */
  followUps?: EvalReport;
}

/**
 * Asks every question of the set of its own article and scores the answers.
 * A conversation's questions are asked in order, each with the conversation so
 * far; the other questions one at a time.
 */
export function evaluate(set: EvalSet, options: EngineOptions = {}): { report: EvalReport; predictions: Record<string, Prediction> } {
  const engines = set.articles.map((article, a) =>
    Engine.fromDocuments([{ id: `article-${a + 1}`, title: article.title, paragraphs: article.paragraphs }], options),
  );
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  const predictions: Record<string, Prediction> = {};
  const all = emptyTally(set.name);
  const followUps = emptyTally(`${set.name} (follow-ups)`);
  const score = (q: EvalQuestion, conversation?: Conversation): Answer => {
    const engine = engines[q.article] as Engine;
    const answer = engine.ask(q.question, conversation ? { conversation } : {});
    predictions[q.id] = predictionOf(answer);
    const paragraph = answer.quotes[0] ? engine.passage(answer.quotes[0].paragraph).text : '';
    tally(all, q, answer, paragraph);
    if (conversation && conversation.turns.length > 0) tally(followUps, q, answer, paragraph);
    return answer;
  };
  for (const ids of set.conversations) {
    let conversation: Conversation = { turns: [] };
    for (const id of ids) conversation = remember(conversation, score(byId.get(id) as EvalQuestion, conversation));
  }
  const inConversation = new Set(set.conversations.flat());
  for (const q of set.questions) if (!inConversation.has(q.id)) score(q);
  const report = finish(all);
  return { report: set.conversations.length > 0 ? { ...report, followUps: finish(followUps) } : report, predictions };
}

function emptyTally(name: string): EvalReport {
  return { name, questions: 0, answerable: 0, unanswerable: 0, quoteHits: 0, passageHits: 0, answered: 0, declined: 0, answerableEM: 0, answerableF1: 0, exact: 0, f1: 0 };
}

/** Adds one answer to the sums (EM and F1 as sums until `finish`). `paragraph`: the text of the paragraph the first quote cites. */
function tally(report: EvalReport, q: EvalQuestion, answer: Answer, paragraph: string): void {
  report.questions++;
  const said = answer.answered ? answer.answer : '';
  if (q.impossible) {
    report.unanswerable++;
    if (!answer.answered) report.declined++;
    report.exact += said === '' ? 1 : 0;
    report.f1 += said === '' ? 1 : 0;
    return;
  }
  report.answerable++;
  const em = exactMatch(said, q.answers);
  const f1 = f1Score(said, q.answers);
  report.answerableEM += em;
  report.answerableF1 += f1;
  report.exact += em;
  report.f1 += f1;
  const quote = answer.quotes[0];
  if (!answer.answered || !quote) return;
  report.answered++;
  if (q.answers.some((gold) => quote.text.includes(gold))) report.quoteHits++;
  if (q.answers.some((gold) => paragraph.includes(gold))) report.passageHits++;
}

/** The sums as percentages (EM and F1 0..100, one decimal). */
function finish(report: EvalReport): EvalReport {
  const percent = (sum: number, n: number): number => (n === 0 ? 0 : Math.round((1000 * sum) / n) / 10);
  return {
    ...report,
    answerableEM: percent(report.answerableEM, report.answerable),
    answerableF1: percent(report.answerableF1, report.answerable),
    exact: percent(report.exact, report.questions),
    f1: percent(report.f1, report.questions),
  };
}

function predictionOf(answer: Answer): Prediction {
  const quote = answer.quotes[0];
  return {
    answer: answer.answered ? answer.answer : '',
    quote: answer.answered && quote ? quote.text : '',
    passage: answer.answered && quote ? quote.paragraph : null,
    abstained: !answer.answered,
    confidence: answer.confidence,
    ...(answer.understood === undefined ? {} : { understood: answer.understood }),
  };
}
