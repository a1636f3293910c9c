import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../src/chunk/builder.js';
import { ChunkStore } from '../../src/chunk/store.js';
import type { SourceDocument } from '../../src/index.js';
import { squadSample } from '../index/squad-sample.js';

let documents: SourceDocument[];
beforeAll(async () => {
  // One document per SQuAD paragraph: 61 documents whose words overlap the way articles' do.
  const { documents: articles } = await squadSample();
  documents = articles.flatMap((a) => a.paragraphs.map((paragraph, p) => ({ id: `${a.id}-${p}`, title: a.title, paragraphs: [paragraph] })));
});

describe('ChunkBuilder', () => {
  it('gives the columns and lexicon of one pass when a later part, chunked apart in any order, is appended', () => {
    const whole = ChunkStore.build(documents);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: documents.length }), fc.boolean(), (split, backwards) => {
        const first = new ChunkBuilder(1000);
        documents.slice(0, split).forEach((document, d) => first.add(document, d));
        const rest = new ChunkBuilder(1000);
        const later = documents.map((document, d) => [document, d] as const).slice(split);
        for (const [document, d] of backwards ? later.reverse() : later) rest.add(document, d);
        const part = rest.finish();
        first.append({ columns: part.columns, lexicon: part.lexicon.words() });
        const joined = first.finish();
        expect(joined.columns).toEqual(whole.columns);
        expect(joined.lexicon.words()).toEqual(whole.lexicon.words());
      }),
      { numRuns: 8 },
    );
  });
});
