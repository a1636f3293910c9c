import v8 from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full garbage
 * collection kept, in percent, before it collects again.
 *
 * Why: every question makes MiniSearch build a result object per matching
 * sentence (up to the posting budget, about 1.6 MB a question at a million
 * words), and a few percent of it outlives two young-generation collections
 * and is promoted. Left to itself, V8 on a machine with gigabytes of memory lets
 * the old generation reach three to four times its live size before a full
 * collection: at a million words 95 MB live became a 340 MB heap (peak RSS
 * 460-500 MB). At 1.5 times the peak stays near what building the index needs,
 * and the benchmark shows no change in answer latency (full collections are
 * incremental, and at this size take milliseconds). It is set once the index
 * is loaded: while building, the same setting made indexing 10% slower.
 */
export const HEAP_GROWTH_PERCENT = 50;

/**
 * Sets V8's heap growing factor for this process (`--heap-growing-percent`).
 * Called by the bot once its index is loaded, and by the benchmark's measuring
 * processes once an engine has built its index (for every engine alike). It is
 * a process-wide setting, so the engine itself never calls it.
 */
export function limitHeapGrowth(percent: number = HEAP_GROWTH_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
