import v8 from 'node:v8';
import vm from 'node:vm';

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
 * 460-500 MB). At 1.3 times the peak stays near what building the index needs
 * (4-14 MB lower than at 1.5 in three paired runs), and the benchmark shows no
 * change in answer latency (full collections are incremental, and at this size
 * take milliseconds).
 */
export const HEAP_GROWTH_PERCENT = 30;

/**
 * The same while the index is built or loaded: building makes much garbage
 * (wink-nlp's documents), and left alone V8 let it reach 410 MB at a million
 * words in some runs and 320 MB in others. At 2 times the generated corpus's
 * build peaked at about 330 MB, but a million words of documentation (more
 * tokens and unknown words a word) peaked at 427 to 450 MB; at 1.3 times, 381
 * to 399 MB, in the same indexing time within this machine's noise (14.9 to
 * 16.7 s at 2 times, 15.9 to 17 s at 1.3, runs alternated).
 */
export const BUILD_HEAP_GROWTH_PERCENT = 30;

// `npm run index` also starts node with a 4 MB young generation
// (`--max-semi-space-size=4` in package.json: V8 reads it only at start-up, so
// no code here can set it). Building keeps little alive for long, and at a
// million words of documentation the peak fell from 405-470 MB to 380-410 MB
// at about the same speed. Answering is another matter: 1,000 questions took
// 25% longer with it, so `ask`, `repl` and the bot keep V8's default.

/** Sets V8's heap growing factor (`--heap-growing-percent`) for what the process does next: see the two constants. */
export function limitHeapGrowth(percent: number = BUILD_HEAP_GROWTH_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Readies the heap of a process that has loaded its index and will now answer:
 * sets V8's heap growing factor (`--heap-growing-percent`) and runs one full
 * collection, so the factor applies from the live heap at once. Without that
 * collection the old generation may first fill up to the limit V8 set while the
 * index was built (measured: peak RSS 470 MB instead of 360).
 *
 * Every entry point goes through `loadWithinBudget`, which calls
 * `limitHeapGrowth()` before loading its index and this once it is loaded; the
 * benchmark's measuring processes do the same around an engine's build (every
 * engine alike). They are process-wide settings, so the engine itself never
 * calls them.
 */
export function settleHeap(percent: number = HEAP_GROWTH_PERCENT): void {
  limitHeapGrowth(percent);
  // V8 gives `gc` to contexts made after --expose-gc is set: a new context's, never this one's global.
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/**
 * The one start-up path of every process that loads an index: the bot, `ask`,
 * `repl` and `index` (a `/library` build runs in the bot, after its start-up).
 * Loads (or builds) with the build-time heap growth, then readies the heap for
 * answering (`settleHeap`). One path, so that a setting cannot again be applied
 * in one entry point and forgotten in another: `ask` and `index` once went
 * without, and at a million words a batch of questions grew past 600 MB of
 * mostly garbage.
 */
export async function loadWithinBudget<T>(load: () => Promise<T>): Promise<T> {
  limitHeapGrowth();
  const loaded = await load();
  settleHeap();
  return loaded;
}
