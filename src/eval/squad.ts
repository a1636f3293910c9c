import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { NewsbotError, quoteValue } from '../errors.js';

/** One question of a SQuAD v2.0 file, with its article and gold answers. */
export interface EvalQuestion {
  id: string;
  question: string;
  /** Index of its article in the file. */
  article: number;
  /** Index of the paragraph holding the gold answers. */
  paragraph: number;
  answers: string[];
  impossible: boolean;
}

/** An article of a SQuAD file: its own corpus. */
export interface EvalArticle {
  title: string;
  paragraphs: string[];
}

export interface EvalSet {
  name: string;
  articles: EvalArticle[];
  questions: EvalQuestion[];
  /** Question ids asked in order as one conversation each (the articles' `conversations` field); other questions are asked alone. */
  conversations: string[][];
}

interface SquadFile {
  data: Array<{
    title: string;
    paragraphs: Array<{ context: string; qas: Array<{ id: string; question: string; answers?: Array<{ text: string }>; is_impossible?: boolean }> }>;
    conversations?: Array<{ id: string; questions: string[] }>;
  }>;
}

/** Reads a SQuAD v2.0 JSON file; a file of another shape is a one-line `NewsbotError`. */
export async function loadSquad(path: string): Promise<EvalSet> {
  const name = basename(path);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new NewsbotError(`file ${quoteValue(path)} cannot be read`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NewsbotError(`file ${quoteValue(name)} is not JSON`);
  }
  if (!isSquad(json)) throw new NewsbotError(`file ${quoteValue(name)} is not in SQuAD v2.0 format ({"data": [{"title", "paragraphs": [{"context", "qas"}]}]})`);
  const articles: EvalArticle[] = [];
  const questions: EvalQuestion[] = [];
  const conversations: string[][] = [];
  json.data.forEach((article, a) => {
    articles.push({ title: article.title, paragraphs: article.paragraphs.map((p) => p.context) });
    for (const conversation of article.conversations ?? []) conversations.push([...conversation.questions]);
    article.paragraphs.forEach((paragraph, p) => {
      for (const qa of paragraph.qas) {
        questions.push({
          id: qa.id,
          question: qa.question,
          article: a,
          paragraph: p,
          answers: (qa.answers ?? []).map((answer) => answer.text),
          impossible: qa.is_impossible === true || (qa.answers ?? []).length === 0,
        });
      }
    });
  });
  checkConversations(name, questions, conversations);
  return { name, articles, questions, conversations };
}

/** Every conversation's ids name questions of one article, each asked once at most. */
function checkConversations(name: string, questions: readonly EvalQuestion[], conversations: readonly string[][]): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  for (const ids of conversations) {
    const article = byId.get(ids[0] ?? '')?.article;
    for (const id of ids) {
      const question = byId.get(id);
      if (!question) throw new NewsbotError(`file ${quoteValue(name)}: a conversation names question ${quoteValue(id)}, which is not in its article`);
      if (question.article !== article) throw new NewsbotError(`file ${quoteValue(name)}: question ${quoteValue(id)} is in another article than its conversation`);
      if (seen.has(id)) throw new NewsbotError(`file ${quoteValue(name)}: question ${quoteValue(id)} is in two conversations, or twice in one`);
      seen.add(id);
    }
  }
}

function isSquad(json: unknown): json is SquadFile {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as SquadFile).data)) return false;
  return (json as SquadFile).data.every(
    (article) =>
      typeof article?.title === 'string' &&
      Array.isArray(article.paragraphs) &&
      article.paragraphs.every((p) => typeof p?.context === 'string' && Array.isArray(p.qas) && p.qas.every((qa) => typeof qa?.question === 'string' && typeof qa.id === 'string')) &&
      (article.conversations === undefined ||
        (Array.isArray(article.conversations) && article.conversations.every((c) => Array.isArray(c?.questions) && c.questions.every((id) => typeof id === 'string')))),
  );
}
