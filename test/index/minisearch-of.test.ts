import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { squadSample } from './squad-sample.js';
import { parseQuestion } from '../../src/answer/question.js';
import { ChunkStore } from '../../src/chunk/store.js';
import { loadCorpus, type SourceDocument } from '../../src/index.js';
import { MINISEARCH_OPTIONS, miniSearchOf, type IndexedChunk } from '../../src/index/search-index.js';

/** The index as MiniSearch's README builds one: `add` each chunk, its field the lexicon ids of its terms and stems. */
function addedOneByOne(store: ChunkStore): MiniSearch<IndexedChunk> {
  const search = new MiniSearch<IndexedChunk>(MINISEARCH_OPTIONS);
  const { tokenTerm, tokenStem, chunkTokens } = store.columns;
  for (let id = 0; id < store.size; id++) {
    const ids: string[] = [];
    for (let t = chunkTokens[id] as number; t < (chunkTokens[id + 1] as number); t++) {
      if (tokenTerm[t] === 0) continue;
      ids.push((tokenTerm[t] as number).toString(36));
      if (tokenStem[t] !== 0) ids.push((tokenStem[t] as number).toString(36));
    }
    search.add({ id, terms: ids.join(' ') });
  }
  return search;
}

/** What a MiniSearch holds (its private fields, as `toJSON` reads them), with a term's postings as `toJSON` lists them. */
function held(search: MiniSearch<IndexedChunk>) {
  const inside = search as unknown as { _documentCount: number; _nextId: number; _documentIds: unknown; _fieldLength: unknown; _avgFieldLength: number[]; _dirtCount: number; _index: { get(term: string): Map<number, Map<number, number>> | undefined } };
  return {
    fields: { count: inside._documentCount, next: inside._nextId, ids: inside._documentIds, lengths: inside._fieldLength, average: inside._avgFieldLength, dirt: inside._dirtCount, terms: search.termCount },
    postings: (term: string) => {
      const data = inside._index.get(term);
      return data && Object.fromEntries([...data].map(([field, docs]) => [field, Object.fromEntries(docs)]));
    },
  };
}

/** `miniSearchOf` must be the index `add` makes: the same postings, lengths and average (to the bit), the same results in the same order. */
function expectSameIndex(documents: readonly SourceDocument[], questions: readonly string[]): void {
  const store = ChunkStore.build(documents);
  const search = miniSearchOf(store.columns);
  const made = held(search);
  const added = addedOneByOne(store);
  expect(made.fields).toEqual(held(added).fields);
  for (const [term, data] of added.toJSON().index) expect(made.postings(term)).toEqual(data);
  for (const unknown of ['0', '01', 'zzzzzz', '', 'a.b', String(store.lexicon.size + 1)]) expect(made.postings(unknown)).toBeUndefined();
  for (const question of questions) {
    const ids = parseQuestion(question).content.map((t) => store.lexicon.find(t.term)).filter((id) => id > 0);
    const query = ids.map((id) => id.toString(36)).join(' ');
    expect(search.search(query)).toEqual(added.search(query));
  }
}

describe('miniSearchOf', () => {
  it('refuses prefix and fuzzy look-ups, which would need every term, rather than answer them wrongly', async () => {
    const search = miniSearchOf(ChunkStore.build(await loadCorpus()).columns);
    expect(() => search.search('1', { prefix: true })).toThrow(/^newsbot: the search index answers exact look-ups only/);
    expect(() => search.search('abc', { fuzzy: 1 })).toThrow(/^newsbot: the search index answers exact look-ups only/);
  });

  it('is the MiniSearch that adding each chunk makes, on the SQuAD sample, with the same results for its questions', async () => {
    const { documents, questions } = await squadSample();
    expect(questions.length).toBeGreaterThan(400);
    expectSameIndex(documents, questions);
  });

  it('is the MiniSearch that adding each chunk makes on the articles corpus', async () => {
    expectSameIndex(await loadCorpus(), ['who bought Norsat?', 'What is the tallest mountain in Peru?', 'When did China and the US agree on something similar?']);
  });

  it('is the MiniSearch that adding each chunk makes on small and odd corpora', () => {
    const corpora: SourceDocument[][] = [
      [],
      [{ id: 'a', title: 'A', paragraphs: ['Hi.'] }],
      [{ id: 'b', title: 'B', paragraphs: ['!!! ... ???', 'Buffalo buffalo Buffalo buffalo buffalo buffalo Buffalo buffalo.', 'Running runners ran; the runner runs.'] }],
      [
        { id: 'c', title: 'C', paragraphs: ['Norsat was bought by Hytera for $70 million.', 'Norsat, Norsat, Norsat!'] },
        { id: 'd', title: 'D', paragraphs: ['Café owners in Zürich opened 1,234 cafés in 2017 — naïvely.', ''] },
      ],
    ];
    for (const documents of corpora) expectSameIndex(documents, ['who bought Norsat?', 'How many cafés did the owners open?', 'Buffalo?']);
  });
});
