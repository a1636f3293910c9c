import { describe, expect, it } from 'vitest';
import { Engine, type SourceDocument } from '../../src/index.js';

describe('retrieval', () => {
  it('looks within the asked document, even when other documents fill the best candidates', () => {
    // Sixty documents say the same thing about different buyers: the first forty tie for the best scores.
    const documents: SourceDocument[] = Array.from({ length: 60 }, (_, i) => ({
      id: `d${i}`,
      title: `Deal ${i}`,
      paragraphs: [`Norsat was bought by Company${i}.`, 'The weather was fine.'],
    }));
    const engine = Engine.fromDocuments(documents);
    const answer = engine.ask('Who bought Norsat?', { documentId: 'd59' });
    expect(answer.quotes[0]).toMatchObject({ documentId: 'd59', text: 'Norsat was bought by Company59.' });
    expect(engine.search('Norsat', 5, { documentId: 'd59' }).map((q) => q.documentId)).toEqual(['d59']);
  });

  it('leaves the common words of a question to the ranker past the posting budget', () => {
    const documents: SourceDocument[] = Array.from({ length: 30 }, (_, i) => ({
      id: `d${i}`,
      title: `Report ${i}`,
      paragraphs: [i === 17 ? 'The government said Hytera bought the company.' : `The government said the company grew in ${2000 + i}.`],
    }));
    // `government` and `company` are in every sentence: with a budget of 5 only the rare `Hytera` is looked up.
    const engine = Engine.fromDocuments(documents, { postingBudget: 5 });
    expect(engine.ask('What did the government say Hytera bought?').quotes[0]?.documentId).toBe('d17');
  });
});
