import { execFileSync } from 'node:child_process';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_GROWTH_PERCENT, settleHeap } from '../src/heap.js';

describe('heap', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sets a heap growing flag this Node knows, since V8 ignores a flag it does not know without a word', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString');
    settleHeap();
    const flag = String(set.mock.calls[0]?.[0]);
    expect(flag).toBe(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(known).toContain(`${flag.split('=')[0]} (`);
  });

  it('collects the garbage left by loading at once, without putting gc on the global object', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 400_000 }, (_, i) => ({ i, text: `row ${i}` }));
    const before = process.memoryUsage().heapUsed;
    garbage = undefined;
    settleHeap();
    expect(garbage).toBeUndefined();
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(20 * 1024 * 1024);
    expect('gc' in globalThis).toBe(false);
  });
});
