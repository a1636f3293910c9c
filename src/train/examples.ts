import { askQuestion, candidateSentences, type AnswerContext, type AskedQuestion } from '../answer/candidates.js';
import { featureRows, measure } from '../answer/features.js';
import { parseQuestion } from '../answer/question.js';
import type { ChunkStore } from '../chunk/store.js';
import type { EvalSet } from '../eval/squad.js';
import { buildIndex } from '../index/corpus-index.js';

/** One training question with the feature rows of its candidate sentences and what each holds. */
export interface Example {
  id: string;
  /** Which article it is asked of (`set#index`), and that article's place in its set: folds group by this. */
  article: string;
  articleIndex: number;
  impossible: boolean;
  /** Asked of an article it was not written for (an off-topic question: never answerable). */
  offTopic: boolean;
  asked: AskedQuestion;
  /** One row of `FEATURE_NAMES.length` features per candidate, in retrieval order. */
  rows: Float32Array;
  /** Per candidate: 1 when its sentence holds a gold answer, and when its paragraph does. */
  holds: Uint8Array;
  paragraphHolds: Uint8Array;
  /** The gold answers (none for an unanswerable question). */
  golds: string[];
  /** The article's sentences, and per candidate its sentence's id there: the span model reads them when it needs them. */
  store: ChunkStore;
  sentences: Uint32Array;
}

/** Off-topic questions to add: how many per article, and the folds they must stay within. */
export interface OffTopic {
  perArticle: number;
  folds: number;
}

/**
 * Asks every question of a SQuAD set of its own article, exactly as `ask` does
 * up to ranking (same analysis, retrieval and features), and records which
 * candidates hold a gold answer. With `offTopic`, each article is also asked
 * some answerable questions of another article of the same fold (article `a`
 * is in fold `a % folds`), as off-topic questions: the decision model learns
 * from them what people ask of an article that is about something else, and no
 * fold learns from another fold's articles.
 */
export function examplesOf(set: EvalSet, offTopic?: OffTopic): Example[] {
  const out: Example[] = [];
  set.articles.forEach((article, a) => {
    const documents = [{ id: `article-${a + 1}`, title: article.title, paragraphs: article.paragraphs }];
    const context: AnswerContext = { documents, ...buildIndex(documents) };
    const questions = set.questions.filter((q) => q.article === a).map((q) => ({ q, offTopic: false }));
    if (offTopic) {
      const partner = sameFoldPartner(a, set.articles.length, offTopic.folds);
      const theirs = set.questions.filter((q) => q.article === partner && !q.impossible);
      const step = Math.max(1, Math.floor(theirs.length / offTopic.perArticle));
      for (let i = 0; i < theirs.length && i / step < offTopic.perArticle; i += step) {
        const q = theirs[i] as (typeof theirs)[number];
        questions.push({ q: { ...q, id: `${q.id}@${a}`, article: a, answers: [], impossible: true }, offTopic: true });
      }
    }
    for (const { q, offTopic: foreign } of questions) {
      const asked = askQuestion(parseQuestion(q.question.slice(0, 500)), context);
      if (asked.terms.length === 0) continue;
      const measured = measure(asked, candidateSentences(context, asked));
      const rows = Float32Array.from(featureRows(asked, measured));
      const holds = Uint8Array.from(measured, (m) => (q.answers.some((gold) => m.candidate.chunk.text.includes(gold)) ? 1 : 0));
      const paragraphHolds = Uint8Array.from(measured, (m) => {
        const paragraph = article.paragraphs[m.candidate.chunk.paragraph - 1] ?? '';
        return q.answers.some((gold) => paragraph.includes(gold)) ? 1 : 0;
      });
      const sentences = Uint32Array.from(measured, (m) => m.candidate.chunk.id);
      out.push({ id: q.id, article: `${set.name}#${a}`, articleIndex: a, impossible: q.impossible, offTopic: foreign, asked, rows, holds, paragraphHolds, golds: q.answers, store: context.store, sentences });
    }
  });
  return out;
}

/** The next article of article `a`'s fold (articles `a`, `a + folds`, ... in a ring); `a` itself when alone in its fold. */
export function sameFoldPartner(a: number, articles: number, folds: number): number {
  const next = a + folds < articles ? a + folds : a % folds;
  return next;
}
