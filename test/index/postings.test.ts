import { readFile } from 'node:fs/promises';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/answer/question.js';
import { loadCorpus, type SourceDocument } from '../../src/index.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import { looseForm } from '../../src/index/stats.js';

/** The MiniSearch index the engine used before its postings: one field of terms and differing stems per sentence. */
function miniSearchOf(documents: readonly SourceDocument[]): { search: (words: string[]) => number[]; corpus: ReturnType<typeof buildIndex> } {
  const corpus = buildIndex(documents);
  const { store } = corpus;
  const search = new MiniSearch<{ id: number; terms: string }>({ fields: ['terms'], tokenize: (text) => (text ? text.split(' ') : []), processTerm: (term) => term || null });
  for (let id = 0; id < store.size; id++) {
    const terms = (store.chunk(id)?.tokens ?? []).filter((t) => t.term).flatMap((t) => (t.stem ? [t.term, t.stem] : [t.term]));
    search.add({ id, terms: terms.join(' ') });
  }
  return { corpus, search: (words) => search.search(words.join(' '), { combineWith: 'OR' }).map((r) => r.id as number) };
}

async function squadArticles(): Promise<SourceDocument[]> {
  const json = JSON.parse(await readFile(new URL('../../eval/squad-v2-dev-sample.json', import.meta.url), 'utf8')) as {
    data: Array<{ title: string; paragraphs: Array<{ context: string; qas: Array<{ question: string }> }> }>;
  };
  return json.data.map((a, i) => ({ id: `a${i}`, title: a.title, paragraphs: a.paragraphs.map((p) => p.context) }));
}

describe('Postings', () => {
  it('ranks exactly as MiniSearch did, ties included, for every SQuAD sample question', async () => {
    const json = JSON.parse(await readFile(new URL('../../eval/squad-v2-dev-sample.json', import.meta.url), 'utf8')) as {
      data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }>;
    };
    const questions = json.data.flatMap((a) => a.paragraphs.flatMap((p) => p.qas.map((q) => q.question)));
    const { corpus, search } = miniSearchOf(await squadArticles());
    const { store, index } = corpus;
    for (const question of questions) {
      const content = parseQuestion(question).content;
      const words = [...new Set(content.map((t) => t.term).concat(content.map(looseForm)))];
      const ids = words.map((w) => store.lexicon.find(w)).filter((id) => index.postings.frequency(id) > 0);
      const expected = search(words.filter((w) => index.postings.frequency(store.lexicon.find(w)) > 0)).slice(0, 40);
      expect(index.postings.search(ids, 40), question).toEqual(expected);
    }
  });

  it('counts the sentences holding each term', async () => {
    const { store, index } = buildIndex(await loadCorpus());
    const norsat = store.lexicon.find('norsat');
    const holding = Array.from({ length: store.size }, (_, id) => id).filter((id) => store.chunk(id)?.tokens.some((t) => t.term === 'norsat'));
    expect(index.postings.frequency(norsat)).toBe(holding.length);
    expect(index.postings.frequency(-1)).toBe(0);
    expect(index.postings.search([norsat], 100).sort((a, b) => a - b)).toEqual(holding);
    expect(index.postings.search([norsat], 0)).toEqual([]);
  });
});
