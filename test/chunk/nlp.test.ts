import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/chunk/analyze.js';
import { CHARS_PER_INSTANCE, nlp } from '../../src/chunk/nlp.js';

const TEXT = 'Zorblax Quintrell merged PR #4821 into frobnicate-core on 3 March; see https://example.org/zq/pull/4821 and commit 9f3e2ab. Mr. Quintrell said the Vexmoor build was faster.';

describe('nlp', () => {
  it('replaces its wink-nlp instance once that one has read CHARS_PER_INSTANCE characters, so unknown words cannot pile up', () => {
    const first = nlp(10);
    expect(nlp(CHARS_PER_INSTANCE - 20)).toBe(first);
    const fresh = nlp(20);
    expect(fresh).not.toBe(first);
    expect(nlp(10)).toBe(fresh);
  });

  it('analyzes a text the same with a fresh instance as with one that has read other texts and their unknown words', async () => {
    // This module's instance first reads many unknown words, then the text.
    for (let i = 0; i < 200; i++) analyze(`Qwx${i}vel and plorb${i}ing met Zorblax${i} at Vexmoor-${i}.`);
    const used = analyze(TEXT);
    vi.resetModules();
    const freshAnalyze = (await import('../../src/chunk/analyze.js')).analyze;
    expect(freshAnalyze(TEXT)).toEqual(used);
  });
});
