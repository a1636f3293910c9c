import { execFileSync } from 'node:child_process';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_GROWTH_PERCENT, limitHeapGrowth } from '../src/heap.js';

describe('heap', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sets a V8 flag this Node knows, since V8 ignores a flag it does not know without a word', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    limitHeapGrowth();
    expect(set).toHaveBeenCalledOnce();
    const flag = String(set.mock.calls[0]?.[0]);
    expect(flag).toBe(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(known).toContain(`${flag.split('=')[0]} (`);
  });
});
