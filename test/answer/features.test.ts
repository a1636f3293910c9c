import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askQuestion, candidateSentences, type AnswerContext } from '../../src/answer/candidates.js';
import { FEATURE_NAMES, featureRows, measure } from '../../src/answer/features.js';
import { parseQuestion } from '../../src/answer/question.js';
import { buildIndex } from '../../src/index/corpus-index.js';

const paragraphs = [
  'The plan covers road repairs and new buses. It does not include the bridge over the river, officials said.',
  'The council approved the plan on 4 March 2024. Work starts in the spring.',
  'Buses will run every ten minutes on the main road.',
];
const documents = [{ id: 'plan', title: 'Budget', paragraphs }];
const budget: AnswerContext = { documents, ...buildIndex(documents) };

/** The features of every candidate of a question, by name, with its sentence's text. */
function featuresOf(question: string, context: AnswerContext = budget): Array<{ text: string; f: Record<string, number> }> {
  const asked = askQuestion(parseQuestion(question), context);
  const measured = measure(asked, candidateSentences(context, asked));
  const rows = featureRows(asked, measured);
  return measured.map((m, i) => ({
    text: m.candidate.chunk.text,
    f: Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, rows[i * FEATURE_NAMES.length + j] as number])),
  }));
}

function sentence(rows: ReturnType<typeof featuresOf>, start: string): Record<string, number> {
  const found = rows.find((r) => r.text.startsWith(start));
  if (!found) throw new Error(`no candidate starts with ${start}`);
  return found.f;
}

describe('features', () => {
  it('names every feature once', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_NAMES.length);
  });

  it('gives one full row per candidate, every value finite', () => {
    for (const question of ['What does the plan include?', 'When did the council approve the plan?', 'buses', 'Who?']) {
      for (const { f } of featuresOf(question)) for (const value of Object.values(f)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('measures the exact coverage of the question in the sentence and its paragraph, the paragraph never less', () => {
    const rows = featuresOf('When did the council approve the plan?');
    expect(sentence(rows, 'The council approved').sentenceExact).toBeCloseTo(1, 10);
    expect(sentence(rows, 'Work starts').sentenceExact).toBe(0);
    expect(sentence(rows, 'Work starts').paragraphExact).toBeCloseTo(1, 10);
    expect(sentence(rows, 'Work starts').previousExact).toBeCloseTo(1, 10);
    for (const { f } of rows) expect(f.paragraphExact).toBeGreaterThanOrEqual((f.sentenceExact as number) - 1e-12);
  });

  it('measures the share of the question\'s verbs and of its common nouns the sentence says', () => {
    const rows = featuresOf('When did the council approve the plan?');
    // `approved` says `approve`; `council` and `plan` are both there.
    expect(sentence(rows, 'The council approved')).toMatchObject({ verbsMatched: 1, nounsMatched: 1 });
    expect(sentence(rows, 'The plan covers')).toMatchObject({ verbsMatched: 0, nounsMatched: 0.5 });
    expect(sentence(rows, 'Work starts')).toMatchObject({ verbsMatched: 0, nounsMatched: 0 });
  });

  it('marks a sentence that negates what the question negates +1, and one that negates what it affirms -1', () => {
    expect(sentence(featuresOf('What does the plan not include?'), 'It does not include').negation).toBe(1);
    expect(sentence(featuresOf('What does the plan include?'), 'It does not include').negation).toBe(-1);
    expect(sentence(featuresOf('What does the plan include?'), 'The plan covers').negation).toBe(0);
  });

  it('marks a sentence that says the opposite of a question word it lacks, unless it negates the opposite', () => {
    const depots = [{ id: 'depots', title: 'Depots', paragraphs: ['The old depot closed in May.', 'A new depot opened in June.', 'The third depot, which is not new, stays open.'] }];
    const context: AnswerContext = { documents: depots, ...buildIndex(depots) };
    const rows = featuresOf('When did the old depot close?', context);
    expect(sentence(rows, 'A new depot').opposes).toBe(1);
    expect(sentence(rows, 'The old depot').opposes).toBe(0);
    // "not new" says old: no opposition.
    expect(sentence(featuresOf('Which depot is old?', context), 'The third depot').opposes).toBe(0);
    expect(sentence(featuresOf('Which depot is old?', context), 'A new depot').opposes).toBe(1);
  });

  it('tells which shapes of span a sentence holds, not made of the question words, beside the kind asked', () => {
    const rows = featuresOf('When did the council approve the plan?');
    expect(sentence(rows, 'The council approved')).toMatchObject({ holds_date: 1, asks_date: 1 });
    expect(sentence(rows, 'Work starts').asks_date).toBe(1);
  });

  it('reads nothing the span model gives: its features are fitted before the span model and must not learn from one that saw their fold', () => {
    expect(FEATURE_NAMES.filter((name) => /span/i.test(name))).toEqual([]);
  });

  it('ranks candidates against the best: the best by BM25 has relative score 1 and rank 0', () => {
    fc.assert(
      fc.property(fc.constantFrom('road repairs', 'buses bridge', 'council plan spring', 'main road minutes'), (question) => {
        const rows = featuresOf(question);
        const best = Math.max(...rows.map((r) => r.f.bm25Relative as number));
        expect(best).toBe(1);
        for (const { f } of rows) if (f.bm25Relative === 1) expect(f.bm25Rank).toBe(0);
      }),
    );
  });
});
