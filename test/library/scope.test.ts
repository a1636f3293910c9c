import { describe, expect, it } from 'vitest';
import { Engine, NewsbotError, type SourceDocument } from '../../src/index.js';
import { loadCorpus } from '../../src/ingest/load.js';

const ferry: SourceDocument = {
  id: 'ferry',
  title: 'Council keeps the night ferry',
  paragraphs: [
    'The council voted on Thursday to keep the night ferry running through the winter.',
    'The ferry carries about 300 passengers a night, most of them port workers.',
  ],
  meta: { siteName: 'Harbour News', published: '2023-11-02', url: 'https://news.example/ferry' },
};

describe('Engine scope: asking one document of several', () => {
  it('searches every document by default, and only the named one when asked', async () => {
    const engine = Engine.fromDocuments([...(await loadCorpus()), ferry]);
    expect(engine.ask('How many passengers does the ferry carry?').quotes[0]?.documentId).toBe('ferry');
    const scoped = engine.ask('How many passengers does the ferry carry?', { documentId: 'china-canada-cyber-agreement' });
    expect(scoped.answered).toBe(false);
    expect(scoped.quotes.every((q) => q.documentId === 'china-canada-cyber-agreement')).toBe(true);
    const norsat = engine.ask('who bought Norsat?', { documentId: 'china-canada-cyber-agreement' });
    expect(norsat.quotes.length).toBeGreaterThan(0);
    expect(norsat.quotes.every((q) => q.documentId === 'china-canada-cyber-agreement')).toBe(true);
    expect(engine.search('ferry passengers', 5, { documentId: 'ferry' }).map((q) => q.documentId)).toEqual(['ferry', 'ferry']);
    expect(engine.search('ferry passengers', 5, { documentId: 'china-canada-cyber-agreement' })).toEqual([]);
  });

  it('names an unknown document id', async () => {
    const engine = Engine.fromDocuments([ferry]);
    expect(() => engine.ask('who?', { documentId: 'nope' })).toThrow(NewsbotError);
    expect(() => engine.search('ferry', 5, { documentId: 'nope' })).toThrow('newsbot: there is no document "nope"');
  });

  it('carries the document meta into quotes, passages and the document list', () => {
    const engine = Engine.fromDocuments([ferry]);
    expect(engine.ask('How many passengers does the ferry carry?').quotes[0]?.meta).toEqual(ferry.meta);
    expect(engine.passage(1, 'ferry').meta).toEqual(ferry.meta);
    expect(engine.documents()[0]?.meta).toEqual(ferry.meta);
  });
});
