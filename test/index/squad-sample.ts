import { fileURLToPath } from 'node:url';
import { loadSquad } from '../../src/eval/squad.js';
import type { SourceDocument } from '../../src/index.js';

/** The SQuAD sample's articles as documents, and all its questions: a realistic corpus for index tests. */
export async function squadSample(): Promise<{ documents: SourceDocument[]; questions: string[] }> {
  const set = await loadSquad(fileURLToPath(new URL('../../eval/squad-v2-dev-sample.json', import.meta.url)));
  return {
    documents: set.articles.map((a, i) => ({ id: `a${i}`, title: a.title, paragraphs: a.paragraphs })),
    questions: set.questions.map((q) => q.question),
  };
}
