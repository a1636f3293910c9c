import type { Chunk } from '../chunk/chunk.js';
import { matchedTokens } from '../answer/evidence.js';
import type { Network, NetworkFile } from '../answer/model.js';
import { answerSpans, bestSpan } from '../answer/short-answer.js';
import { SPAN_FEATURE_NAMES, spanRows } from '../answer/span-features.js';
import { f1Score } from '../eval/metrics.js';
import type { Example } from './examples.js';
import { fitListwise, type FitOptions } from './fit.js';

/** How the span model is fitted. */
export interface SpanOptions extends FitOptions {
  /** Most spans of a sentence in one list: every best one, then the others in the sentence's order. */
  listSize: number;
  /** A sentence whose best span scores below this F1 against the gold answers teaches nothing (no span is the answer). */
  minF1: number;
}

/** A training sentence's spans: their feature rows and the F1 of each against the gold answers. */
interface SpanList {
  rows: Float64Array;
  f1: Float64Array;
}

/** The span lists of training examples, computed once per example (`null`: the example teaches nothing). */
const lists = new WeakMap<Example, SpanList | null>();

/** The sentence a candidate row of an example stands for. */
function sentenceOf(example: Example, row: number): Chunk {
  return example.store.chunk(example.sentences[row] as number) as Chunk;
}

/**
 * An answerable example's first candidate sentence that holds a gold answer,
 * as the span model learns from it: every span, and how well each matches a
 * gold answer (SQuAD F1).
 */
function spanListOf(example: Example): SpanList | null {
  const cached = lists.get(example);
  if (cached !== undefined) return cached;
  let list: SpanList | null = null;
  const row = example.holds.indexOf(1);
  if (!example.impossible && row >= 0) {
    const chunk = sentenceOf(example, row);
    const { question, asked, lookup } = example.asked;
    const spans = answerSpans(chunk, question, asked);
    if (spans.length > 0) {
      const f1 = Float64Array.from(spans, (span) => f1Score(chunk.text.slice(textAt(chunk, span.first), textEnd(chunk, span.last)), example.golds));
      list = { rows: spanRows(chunk, question, matchedTokens(chunk, lookup), spans), f1 };
    }
  }
  lists.set(example, list);
  return list;
}

function textAt(chunk: Chunk, token: number): number {
  return (chunk.tokens[token]?.start ?? chunk.start) - chunk.start;
}

function textEnd(chunk: Chunk, token: number): number {
  return (chunk.tokens[token]?.end ?? chunk.start) - chunk.start;
}

/**
 * Fits the span model: a softmax over the spans of each training sentence that
 * holds a gold answer, its target shared among the spans of best F1 (when that
 * F1 reaches `minF1`). Listwise, as the ranker: the model learns to put the
 * answer's words first among the sentence's spans.
 */
export async function fitSpans(examples: readonly Example[], options: SpanOptions): Promise<NetworkFile> {
  const width = SPAN_FEATURE_NAMES.length;
  const size = options.listSize;
  const picked: Array<{ list: SpanList; rows: number[]; best: number }> = [];
  for (const example of examples) {
    const list = spanListOf(example);
    if (!list) continue;
    const best = Math.max(...list.f1);
    if (best < options.minF1) continue;
    const positives: number[] = [];
    const negatives: number[] = [];
    list.f1.forEach((f1, s) => (f1 >= best - 1e-9 ? positives : negatives).push(s));
    picked.push({ list, best, rows: [...positives, ...negatives].slice(0, size) });
  }
  const rows = new Float32Array(picked.length * size * width);
  const targets = new Float32Array(picked.length * size).fill(-1);
  picked.forEach(({ list, rows: spans, best }, l) => {
    const positives = spans.filter((s) => (list.f1[s] as number) >= best - 1e-9).length;
    spans.forEach((s, i) => {
      rows.set(list.rows.subarray(s * width, (s + 1) * width), (l * size + i) * width);
      targets[l * size + i] = (list.f1[s] as number) >= best - 1e-9 ? 1 / positives : 0;
    });
  });
  return fitListwise(rows, targets, size, SPAN_FEATURE_NAMES, options);
}

/** The short answer the span model picks in candidate `row`'s sentence, and its probability; `''` and 0 when the sentence has no span. */
export function shortAnswerOf(example: Example, row: number, model: Network): { text: string; probability: number } {
  const chunk = sentenceOf(example, row);
  const { question, asked, lookup } = example.asked;
  const span = bestSpan(chunk, question, matchedTokens(chunk, lookup), model, answerSpans(chunk, question, asked));
  if (!span) return { text: '', probability: 0 };
  return { text: chunk.text.slice(span.start - chunk.start, span.end - chunk.start), probability: span.probability };
}
