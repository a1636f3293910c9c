import { askQuestion, candidateSentences, type AnswerContext, type AskedQuestion } from '../answer/candidates.js';
import { featureRows, measure } from '../answer/features.js';
import { standsAlone } from '../answer/follow-up/index.js';
import { parseQuestion } from '../answer/question.js';
import type { ChunkStore } from '../chunk/store.js';
import type { EvalQuestion, EvalSet } from '../eval/squad.js';
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
    const questions = set.questions.filter((q) => q.article === a).map((q) => ({ q, offTopic: false }));
    if (offTopic) questions.push(...offTopicQuestions(set, a, offTopic.folds, offTopic.perArticle, 0));
    out.push(...examplesOfDocument(set, a, article.paragraphs, questions));
  });
  return out;
}

/**
 * The questions of conversation files that stand alone (the first of each
 * conversation, and any later one that leans on no earlier turn: see
 * `standsAlone`), each asked of its own article as `examplesOf` asks.
 */
export function standaloneExamplesOf(sets: readonly EvalSet[]): Example[] {
  const out: Example[] = [];
  for (const set of sets) {
    const firsts = new Set(set.conversations.map((ids) => ids[0]));
    set.articles.forEach((article, a) => {
      const questions = set.questions.filter((q) => q.article === a && (firsts.has(q.id) || standsAlone(q.question))).map((q) => ({ q, offTopic: false }));
      out.push(...examplesOfDocument(set, a, article.paragraphs, questions));
    });
  }
  return out;
}

/** How `excerptsOf` cuts the pool's articles into short pages. */
export interface Excerpts {
  /** Paragraphs a page, one set of pages (consecutive, not overlapping) for each. */
  sizes: readonly number[];
  /** Off-topic questions asked of each page (another article's of the same fold, as `examplesOf`). */
  offTopicPerPage: number;
  /** Questions of the article's other paragraphs asked of each page, whose answer the page does not hold: what a reader asks about the page's subject that it does not say. */
  nearTopicPerPage: number;
  folds: number;
}

/**
 * The questions of each article asked of pages of a few of its paragraphs, as
 * a short page a server adds (a Markdown file, a news story): the answerable
 * and unanswerable questions written on the page's paragraphs; questions
 * written on its other paragraphs, whose answer the page does not hold (what
 * a reader asks of a page about its subject that it does not say); and some
 * off-topic ones. The last two are filed as off-topic questions: nothing on
 * the page answers them. A question of the page's own paragraphs that uses a
 * word its article has and the page lacks is left out: SQuAD's questions name
 * their article's subject (*the Huguenots*), which a page cut out of it may
 * not, and such a question is not one a reader of the page would ask.
 */
export function excerptsOf(set: EvalSet, whole: readonly Example[], options: Excerpts): Example[] {
  const knownInArticle = new Map(whole.map((e) => [e.id, new Set(e.asked.terms.filter((t) => t.known).map((t) => t.token.term))]));
  const out: Example[] = [];
  set.articles.forEach((article, a) => {
    for (const size of options.sizes) {
      for (let from = 0, page = 0; from < article.paragraphs.length; from += size, page++) {
        const paragraphs = article.paragraphs.slice(from, from + size);
        const own = set.questions.filter((q) => q.article === a && q.paragraph >= from && q.paragraph < from + size);
        const asked = [
          ...own.map((q) => ({ q: { ...q, id: `${q.id}/${size}`, paragraph: q.paragraph - from }, offTopic: false })),
          ...offTopicQuestions(set, a, options.folds, options.offTopicPerPage, page * options.offTopicPerPage),
          ...nearTopicQuestions(set, a, from, paragraphs, options.nearTopicPerPage, page),
        ].map((x) => (x.offTopic ? { ...x, q: { ...x.q, id: `${x.q.id}/${size}/${page}` } } : x));
        const examples = examplesOfDocument(set, a, paragraphs, asked);
        out.push(
          ...examples.filter((e) => {
            const known = knownInArticle.get(e.id.slice(0, -`/${size}`.length));
            return e.offTopic || known === undefined || e.asked.terms.every((t) => t.known || !known.has(t.token.term));
          }),
        );
      }
    }
  });
  return out;
}

/** `count` answerable questions of article `a`'s paragraphs outside the page starting at `from`, whose answer the page does not hold, from the `skip`-th on (cycling). */
function nearTopicQuestions(set: EvalSet, a: number, from: number, paragraphs: readonly string[], count: number, skip: number): Asking[] {
  const text = paragraphs.join('\n');
  const elsewhere = set.questions.filter((q) => q.article === a && (q.paragraph < from || q.paragraph >= from + paragraphs.length) && !q.impossible && !q.answers.some((gold) => text.includes(gold)));
  return spreadOver(elsewhere, count, skip).map((q) => ({ q: { ...q, id: `${q.id}~`, answers: [], impossible: true }, offTopic: true }));
}

interface Asking {
  q: EvalQuestion;
  offTopic: boolean;
}

/** `count` answerable questions of article `a`'s same-fold partner, from the `skip`-th on (cycling), filed as off-topic questions of `a`. */
function offTopicQuestions(set: EvalSet, a: number, folds: number, count: number, skip: number): Asking[] {
  const partner = sameFoldPartner(a, set.articles.length, folds);
  const theirs = set.questions.filter((q) => q.article === partner && !q.impossible);
  return spreadOver(theirs, count, skip).map((q) => ({ q: { ...q, id: `${q.id}@${a}`, article: a, answers: [], impossible: true }, offTopic: true }));
}

/** `count` of `questions` (all when fewer), evenly spaced through them, from the `skip`-th on (cycling): a sample of the whole list, not its first few. */
function spreadOver(questions: readonly EvalQuestion[], count: number, skip: number): EvalQuestion[] {
  if (questions.length === 0 || count === 0) return [];
  const step = Math.max(1, Math.floor(questions.length / count));
  return Array.from({ length: Math.min(count, questions.length) }, (_, i) => questions[(skip + i * step) % questions.length] as EvalQuestion);
}

/** The examples of questions asked of one page of article `a` (all its paragraphs, or some). */
function examplesOfDocument(set: EvalSet, a: number, paragraphs: readonly string[], questions: readonly Asking[]): Example[] {
  const documents = [{ id: `article-${a + 1}`, title: (set.articles[a] as EvalSet['articles'][number]).title, paragraphs: [...paragraphs] }];
  const context: AnswerContext = { documents, ...buildIndex(documents) };
  const out: Example[] = [];
  for (const { q, offTopic: foreign } of questions) {
    const asked = askQuestion(parseQuestion(q.question.slice(0, 500)), context);
    if (asked.terms.length === 0) continue;
    const measured = measure(asked, candidateSentences(context, asked));
    const rows = Float32Array.from(featureRows(asked, measured));
    const holds = Uint8Array.from(measured, (m) => (q.answers.some((gold) => m.candidate.chunk.text.includes(gold)) ? 1 : 0));
    const paragraphHolds = Uint8Array.from(measured, (m) => {
      const paragraph = paragraphs[m.candidate.chunk.paragraph - 1] ?? '';
      return q.answers.some((gold) => paragraph.includes(gold)) ? 1 : 0;
    });
    const sentences = Uint32Array.from(measured, (m) => m.candidate.chunk.id);
    out.push({ id: q.id, article: `${set.name}#${a}`, articleIndex: a, impossible: q.impossible, offTopic: foreign, asked, rows, holds, paragraphHolds, golds: q.answers, store: context.store, sentences });
  }
  return out;
}

/** The next article of article `a`'s fold (articles `a`, `a + folds`, ... in a ring); `a` itself when alone in its fold. */
export function sameFoldPartner(a: number, articles: number, folds: number): number {
  const next = a + folds < articles ? a + folds : a % folds;
  return next;
}
