import type MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { squadSample } from './squad-sample.js';
import { parseQuestion } from '../../src/answer/question.js';
import { loadCorpus, type SourceDocument } from '../../src/index.js';
import { buildIndex } from '../../src/index/corpus-index.js';
import { loadMiniSearch, miniSearchJson, type IndexedChunk } from '../../src/index/search-index.js';


/** `toJSON()` with the index in term order: a reloaded radix tree may list its terms in another order. */
function byTerm(search: MiniSearch<IndexedChunk>): unknown {
  const { index, ...rest } = search.toJSON();
  return { ...rest, index: index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/**
 * The snapshot writes MiniSearch's JSON from the chunk columns instead of from
 * `toJSON()`: it must be `JSON.stringify` of the built index, byte for byte, and
 * load back into the same index.
 */
function expectSameIndex(documents: readonly SourceDocument[], questions: readonly string[]): void {
  const { store, index } = buildIndex(documents);
  const pieces = miniSearchJson(store.columns);
  const json = Buffer.concat(pieces).toString();
  expect(json).toBe(JSON.stringify(index.search));
  const loaded = loadMiniSearch(json);
  expect(byTerm(loaded)).toEqual(byTerm(index.search));
  for (const question of questions) {
    const ids = parseQuestion(question).content.map((t) => store.lexicon.find(t.term)).filter((id) => id > 0);
    const query = ids.map((id) => id.toString(36)).join(' ');
    expect(loaded.search(query)).toEqual(index.search.search(query));
  }
}

describe('miniSearchJson', () => {
  it('is JSON.stringify of the built MiniSearch on the SQuAD sample, and loads back into the same index', async () => {
    const { documents, questions } = await squadSample();
    expect(questions.length).toBeGreaterThan(400);
    expectSameIndex(documents, questions);
  });

  it('is JSON.stringify of the built MiniSearch on the articles corpus', async () => {
    expectSameIndex(await loadCorpus(), ['who bought Norsat?', 'What is the tallest mountain in Peru?', 'When did China and the US agree on something similar?']);
  });

  it('is JSON.stringify of the built MiniSearch on small and odd corpora', () => {
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
