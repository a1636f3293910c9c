import { Engine, type EngineOptions } from '../engine.js';
import type { Answer } from '../types.js';
import { exactMatch, f1Score } from './metrics.js';
import type { EvalSet } from './squad.js';

/** What the engine said for one question, in the shape `--predictions` writes. */
export interface Prediction {
  answer: string;
  quote: string;
  passage: number | null;
  abstained: boolean;
  confidence: number;
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
}

/** Asks every question of the set of its own article and scores the answers. */
export function evaluate(set: EvalSet, options: EngineOptions = {}): { report: EvalReport; predictions: Record<string, Prediction> } {
  const engines = set.articles.map((article, a) =>
    Engine.fromDocuments([{ id: `article-${a + 1}`, title: article.title, paragraphs: article.paragraphs }], options),
  );
  const predictions: Record<string, Prediction> = {};
  const report: EvalReport = {
    name: set.name, questions: set.questions.length, answerable: 0, unanswerable: 0, quoteHits: 0, passageHits: 0,
    answered: 0, declined: 0, answerableEM: 0, answerableF1: 0, exact: 0, f1: 0,
  };
  for (const q of set.questions) {
    const engine = engines[q.article] as Engine;
    const answer = engine.ask(q.question);
    predictions[q.id] = predictionOf(answer);
    const said = answer.answered ? answer.answer : '';
    if (q.impossible) {
      report.unanswerable++;
      if (!answer.answered) report.declined++;
      report.exact += said === '' ? 1 : 0;
      report.f1 += said === '' ? 1 : 0;
      continue;
    }
    report.answerable++;
    const em = exactMatch(said, q.answers);
    const f1 = f1Score(said, q.answers);
    report.answerableEM += em;
    report.answerableF1 += f1;
    report.exact += em;
    report.f1 += f1;
    const quote = answer.quotes[0];
    if (!answer.answered || !quote) continue;
    report.answered++;
    if (q.answers.some((gold) => quote.text.includes(gold))) report.quoteHits++;
    const paragraph = engine.passage(quote.paragraph).text;
    if (q.answers.some((gold) => paragraph.includes(gold))) report.passageHits++;
  }
  const percent = (sum: number, n: number): number => (n === 0 ? 0 : Math.round((1000 * sum) / n) / 10);
  report.answerableEM = percent(report.answerableEM, report.answerable);
  report.answerableF1 = percent(report.answerableF1, report.answerable);
  report.exact = percent(report.exact, report.questions);
  report.f1 = percent(report.f1, report.questions);
  return { report, predictions };
}

function predictionOf(answer: Answer): Prediction {
  const quote = answer.quotes[0];
  return {
    answer: answer.answered ? answer.answer : '',
    quote: answer.answered && quote ? quote.text : '',
    passage: answer.answered && quote ? quote.paragraph : null,
    abstained: !answer.answered,
    confidence: answer.confidence,
  };
}
