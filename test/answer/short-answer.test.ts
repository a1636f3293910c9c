import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/chunk/chunk.js';
import { matchedTokens } from '../../src/answer/evidence.js';
import { askQuestion } from '../../src/answer/candidates.js';
import { Network, type NetworkFile } from '../../src/answer/model.js';
import { parseQuestion } from '../../src/answer/question.js';
import { answerSpans, bestSpan, spansAskedFor, spansBesideReferent } from '../../src/answer/short-answer.js';
import { SPAN_FEATURE_NAMES, spanRows } from '../../src/answer/span-features.js';
import { buildIndex } from '../../src/index/corpus-index.js';

/** A sentence as the engine chunks it (one paragraph of one sentence), with the question asked of it. */
function setting(sentence: string, questionText: string): { chunk: Chunk; question: ReturnType<typeof parseQuestion>; matched: number[]; asked: string[] } {
  const documents = [{ id: 'd', title: 'Ferry', paragraphs: [sentence] }];
  const { store, stats } = buildIndex(documents);
  const chunk = store.chunk(0) as Chunk;
  const question = parseQuestion(questionText);
  const asked = askQuestion(question, { store, stats });
  return { chunk, question, matched: matchedTokens(chunk, asked.lookup), asked: asked.asked };
}

const textOf = (chunk: Chunk, first: number, last: number): string =>
  chunk.text.slice((chunk.tokens[first]?.start ?? 0) - chunk.start, (chunk.tokens[last]?.end ?? 0) - chunk.start);

/** A linear span model that adds `weight` to the logit of a span for each named feature it has. */
function linear(weights: Record<string, number>): Network {
  const file: NetworkFile = {
    features: [...SPAN_FEATURE_NAMES],
    mean: SPAN_FEATURE_NAMES.map(() => 0),
    scale: SPAN_FEATURE_NAMES.map(() => 1),
    layers: [{ weights: SPAN_FEATURE_NAMES.map((name) => [weights[name] ?? 0]), bias: [0], activation: 'linear' }],
  };
  return new Network(file, SPAN_FEATURE_NAMES, 'span model');
}

describe('answerSpans', () => {
  it('trims the question\'s words from a span\'s edges and offers the whole span as well, each span once', () => {
    const { chunk, question, asked } = setting('Only Class II MHC molecules reach the surface of the helper cells.', 'What kind of molecules reach the surface?');
    const spans = answerSpans(chunk, question, asked).map((s) => textOf(chunk, s.first, s.last));
    expect(spans).toContain('Class II MHC');
    expect(spans).toContain('Class II MHC molecules');
    expect(new Set(spans).size).toBe(spans.length);
  });

  it('never offers a span made mostly of the question\'s own words', () => {
    const { chunk, question, asked } = setting('Nordby Marine owns the Night Star ferry.', 'Who owns the Night Star ferry?');
    const spans = answerSpans(chunk, question, asked).map((s) => textOf(chunk, s.first, s.last));
    expect(spans).toContain('Nordby Marine');
    expect(spans).not.toContain('Night Star ferry');
    expect(spans).not.toContain('Night Star');
  });

  it('keeps the sign written onto a number at a span\'s end, and trims one that stands apart', () => {
    const { chunk, question, asked } = setting('The airline has offered 6% and the union wants a raise of 14 % over two years.', 'What has the airline offered?');
    const spans = answerSpans(chunk, question, asked).map((s) => textOf(chunk, s.first, s.last));
    expect(spans).toContain('6%');
    expect(spans).not.toContain('6');
    expect(spans).toContain('14');
  });

  it('marks how much of each span repeats the question', () => {
    const { chunk, question, asked } = setting('Only Class II MHC molecules reach the surface of the helper cells.', 'What kind of molecules reach the surface?');
    const whole = answerSpans(chunk, question, asked).find((s) => textOf(chunk, s.first, s.last) === 'Class II MHC molecules');
    expect(whole?.askedShare).toBeCloseTo(1 / 4, 10);
    expect(whole?.trimmed).toBe(false);
  });
});

describe('spansAskedFor', () => {
  const spansFor = (sentence: string, question: string): string[] => {
    const { chunk, question: parsed, asked } = setting(sentence, question);
    return spansAskedFor(parsed, answerSpans(chunk, parsed, asked)).map((s) => textOf(chunk, s.first, s.last));
  };
  const said = '“We will appeal the ruling,” chief executive Anna Berg told Nordic Radio on Monday.';

  it('keeps only what was said for a question for what someone said, when the sentence reports it', () => {
    expect(spansFor(said, 'What did Anna Berg tell Nordic Radio?')).toEqual(['We will appeal the ruling']);
  });

  it('keeps every span for other questions, and for one whose sentence reports nothing said', () => {
    expect(spansFor(said, 'When did Anna Berg speak to Nordic Radio?')).toContain('Monday');
    expect(spansFor('Anna Berg met Nordic Radio on Monday.', 'What did Anna Berg tell Nordic Radio?')).toContain('Monday');
  });
});

describe('spansBesideReferent', () => {
  const sentence = 'Chief executive Anna Berg blamed a late harvest for the loss.';
  const spansFor = (question: string, readIn: string[]): string[] => {
    const { chunk, question: parsed, asked } = setting(sentence, question);
    return spansBesideReferent(chunk, parsed, answerSpans(chunk, parsed, asked), new Set(readIn)).map((s) => textOf(chunk, s.first, s.last));
  };

  it('drops what is left of the name a follow-up’s reading put in for a pronoun', () => {
    // *What did she blame?* read as *What did Berg blame?*: *Chief executive Anna* is Berg herself.
    const spans = spansFor('What did Berg blame?', ['berg']);
    expect(spans.some((span) => span.includes('Anna') || span.startsWith('Chief'))).toBe(false);
    expect(spans).toContain('late harvest');
    expect(spansFor('What did Berg blame?', []).some((span) => span.includes('Anna'))).toBe(true);
  });

  it('keeps every span when the question asks who that is, or the name stands in brackets as what was said', () => {
    expect(spansFor('Who is Berg?', ['berg']).some((span) => span.includes('Anna'))).toBe(true);
    expect(spansFor('Who said so (Berg blamed the harvest)?', ['berg', 'blamed', 'the', 'harvest']).some((span) => span.includes('Anna'))).toBe(true);
  });
});

describe('bestSpan', () => {
  it('picks the span the model scores highest, with its share of the softmax over the sentence\'s spans as probability', () => {
    const { chunk, question, matched, asked } = setting('Nordby Marine bought the ferry in November 2014.', 'Who bought the ferry?');
    const spans = answerSpans(chunk, question, asked);
    const best = bestSpan(chunk, question, matched, linear({ person_name: 5 }), spans);
    expect(best && textOf(chunk, best.first, best.last)).toBe('Nordby Marine');
    expect(best && chunk.text.slice(best.start - chunk.start, best.end - chunk.start)).toBe('Nordby Marine');
    // One span at e^5 against the others at e^0.
    expect(best?.probability).toBeCloseTo(Math.exp(5) / (Math.exp(5) + spans.length - 1), 10);
  });

  it('weighs a span by the question: the same model answers when with the date', () => {
    const { chunk, question, matched, asked } = setting('Nordby Marine bought the ferry in November 2014.', 'When did Nordby Marine buy the ferry?');
    const best = bestSpan(chunk, question, matched, linear({ person_name: 5, date_date: 5, length: 1 }), answerSpans(chunk, question, asked));
    expect(best && textOf(chunk, best.first, best.last)).toBe('November 2014');
  });

  it('gives no span when the question\'s words are all the sentence has', () => {
    const { chunk, question, matched, asked } = setting('The ferry sailed.', 'Did the ferry sail?');
    expect(bestSpan(chunk, question, matched, linear({}), answerSpans(chunk, question, asked))).toBeUndefined();
  });
});

describe('span features', () => {
  it('describe each span by one row of the model\'s width, with the kind of question crossed with the shape of the span', () => {
    const { chunk, question, matched, asked } = setting('Nordby Marine bought the ferry in November 2014.', 'Who bought the ferry?');
    const spans = answerSpans(chunk, question, asked);
    const rows = spanRows(chunk, question, matched, spans);
    const width = SPAN_FEATURE_NAMES.length;
    expect(rows.length).toBe(spans.length * width);
    const name = spans.findIndex((s) => textOf(chunk, s.first, s.last) === 'Nordby Marine');
    const date = spans.findIndex((s) => textOf(chunk, s.first, s.last) === 'November 2014');
    const feature = (s: number, f: string): number => rows[s * width + SPAN_FEATURE_NAMES.indexOf(f)] as number;
    expect(feature(name, 'person_name')).toBe(1);
    expect(feature(date, 'person_date')).toBe(1);
    expect(feature(date, 'person_name')).toBe(0);
    // The subject stands just before the question's verb, the date after it.
    expect(feature(name, 'justBeforeVerb_subject')).toBe(1);
    expect(feature(date, 'rightOfVerb_subject')).toBe(1);
  });

  it('marks the parts of speech just outside a span, so a span that cuts a noun phrase in two can be told apart', () => {
    const { chunk, question, matched, asked } = setting('The Harbour Crimson ice hockey team plays in Westport.', 'Where does the team play?');
    const spans = answerSpans(chunk, question, asked);
    const rows = spanRows(chunk, question, matched, spans);
    const width = SPAN_FEATURE_NAMES.length;
    const feature = (text: string, f: string): number => rows[spans.findIndex((s) => textOf(chunk, s.first, s.last) === text) * width + SPAN_FEATURE_NAMES.indexOf(f)] as number;
    // `ice hockey` stands before `team`, a noun; `Westport` before the full stop and after `in`.
    expect(feature('Harbour Crimson ice hockey', 'afterPos_NOUN')).toBe(1);
    expect(feature('Westport', 'afterPos_NOUN')).toBe(0);
    expect(feature('Westport', 'afterPos_PUNCT')).toBe(1);
    expect(feature('Westport', 'beforePos_ADP')).toBe(1);
  });

  it('mark a span that names a kind of what the question\'s noun asks for (WordNet), and not the others', () => {
    const { chunk, question, matched, asked } = setting('The old mill by the harbour was built of basalt in 1880.', 'What rock was the old mill built of?');
    const spans = answerSpans(chunk, question, asked);
    const rows = spanRows(chunk, question, matched, spans);
    const width = SPAN_FEATURE_NAMES.length;
    const marked = spans.filter((_s, i) => rows[i * width + SPAN_FEATURE_NAMES.indexOf('focusKind')] === 1).map((s) => textOf(chunk, s.first, s.last));
    expect(spans.length).toBeGreaterThan(2);
    expect(marked).toEqual(['basalt']);
  });

  it('marks the span beside the question\'s noun apart when the question asks what kind: the words before the noun answer it, not a name after', () => {
    const marked = (sentence: string, question: string, feature: string): string[] => {
      const { chunk, question: parsed, matched, asked } = setting(sentence, question);
      const spans = answerSpans(chunk, parsed, asked);
      const rows = spanRows(chunk, parsed, matched, spans);
      const width = SPAN_FEATURE_NAMES.length;
      return spans.filter((_s, i) => rows[i * width + SPAN_FEATURE_NAMES.indexOf(feature)] === 1).map((s) => textOf(chunk, s.first, s.last));
    };
    expect(marked('The council hired Harbour Lines, a Danish firm, in 2019.', 'What kind of firm is Harbour Lines?', 'kindOfFocusJustAfter')).toEqual(['Danish']);
    const named = 'The council hired the shipping firm Harbour Lines in 2019.';
    expect(marked(named, 'What kind of firm did the council hire?', 'kindOfFocusJustBefore')).toEqual(['Harbour Lines']);
    // *Which firm* asks for the name beside the noun: the focus features alone say so, not these.
    expect(marked(named, 'Which firm did the council hire?', 'focusJustBefore')).toEqual(['Harbour Lines']);
    expect(marked(named, 'Which firm did the council hire?', 'kindOfFocusJustBefore')).toEqual([]);
  });

  it('mark a span WordNet knows as a person for who, and as a place for where, when no noun of the question says so', () => {
    const marked = (sentence: string, asked: string): string[] => {
      const { chunk, question, matched, asked: also } = setting(sentence, asked);
      const spans = answerSpans(chunk, question, also);
      const rows = spanRows(chunk, question, matched, spans);
      const width = SPAN_FEATURE_NAMES.length;
      return spans.filter((_s, i) => rows[i * width + SPAN_FEATURE_NAMES.indexOf('askedKind')] === 1).map((s) => textOf(chunk, s.first, s.last));
    };
    const sentence = 'The harbour engineer closed the bridge in Paris on Monday.';
    expect(marked(sentence, 'Who closed the bridge?')).toEqual(['harbour engineer']);
    expect(marked(sentence, 'Where was the bridge closed?')).toEqual(['Paris']);
    // A question whose noun says what it asks for has its own feature (focusKind).
    expect(marked(sentence, 'Which official closed the bridge?')).toEqual([]);
  });

  it('mark a list by whether the question asks for several things or for one', () => {
    const lists = (asked: string): { several: string[]; one: string[] } => {
      const { chunk, question, matched, asked: also } = setting('The ferry calls at Westport and Carrow, and at Dunmore in winter.', asked);
      const spans = answerSpans(chunk, question, also);
      const rows = spanRows(chunk, question, matched, spans);
      const width = SPAN_FEATURE_NAMES.length;
      const having = (f: string): string[] => spans.filter((_s, i) => rows[i * width + SPAN_FEATURE_NAMES.indexOf(f)] === 1).map((s) => textOf(chunk, s.first, s.last));
      return { several: having('listForSeveral'), one: having('listForOne') };
    };
    expect(lists('What two towns does the ferry call at?').several).toContain('Westport and Carrow');
    expect(lists('Which towns does the ferry call at?').several).toContain('Westport and Carrow');
    expect(lists('Which town does the ferry call at in winter?')).toMatchObject({ several: [], one: expect.arrayContaining(['Westport and Carrow']) });
  });

  it('mark the span standing where the question, said as a statement, puts its answer: after its preposition, before its next word', () => {
    const marked = (sentence: string, asked: string, feature: string): string[] => {
      const { chunk, question, matched, asked: also } = setting(sentence, asked);
      const spans = answerSpans(chunk, question, also);
      const rows = spanRows(chunk, question, matched, spans);
      const width = SPAN_FEATURE_NAMES.length;
      return spans.filter((_s, i) => rows[i * width + SPAN_FEATURE_NAMES.indexOf(feature)] === 1).map((s) => textOf(chunk, s.first, s.last));
    };
    const sold = 'In 1880 the mill was sold to Nordby Marine.';
    expect(marked(sold, 'In which year was the mill sold?', 'slotBefore')).toEqual(['1880']);
    expect(marked(sold, 'Who was the mill sold to?', 'slotBefore')).toEqual(['Nordby Marine']);
    const rebuilt = 'After the fire of 1902 Nordby Marine rebuilt the mill with stone.';
    expect(marked(rebuilt, 'Which company rebuilt the mill?', 'slotAfter')).toEqual(['Nordby Marine']);
    expect(marked(rebuilt, 'Which company rebuilt the mill?', 'slotBefore')).toEqual([]);
  });
});
