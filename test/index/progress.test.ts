import { describe, expect, it } from 'vitest';
import type { IndexProgress } from '../../src/index/corpus-index.js';
import { progressReporter } from '../../src/progress/reporter.js';
import { sink } from '../cli/sink.js';

/** Progress of a run over 100 documents of 1,000 words each, one document every `msPerDocument`. */
function run(msPerDocument: number, tty: boolean): string {
  const stream = sink();
  if (tty) stream.isTTY = true;
  const report = progressReporter({ stream });
  const at = (phase: IndexProgress['phase'], documents: number, elapsedMs: number): void =>
    report({ phase, documents, totalDocuments: 100, words: documents * 1000, totalWords: 100_000, elapsedMs });
  for (let d = 1; d <= 100; d++) at('chunk', d, d * msPerDocument);
  at('index', 100, 100 * msPerDocument);
  at('done', 100, 110 * msPerDocument);
  return stream.text;
}

describe('progressReporter', () => {
  it('shows nothing for indexing that takes under a second', () => {
    expect(run(5, true)).toBe('');
    expect(run(5, false)).toBe('');
  });

  it('draws a bar on a TTY with documents, words per second and time left, then one closing line', () => {
    const out = run(50, true);
    const frames = out.split('\r\x1b[K').filter(Boolean);
    expect(frames.length).toBeGreaterThan(10);
    expect(frames[0]).toMatch(/^\[█+░+\] 20\/100 documents, 20,000 words\/s, about 4\.0 s left$/);
    expect(frames).toContain('[████████████████████████] 100/100 documents read, building the search index…');
    expect(frames.at(-1)).toBe('newsbot: indexing done: 100 documents, 100,000 words in 5.5 s (18,182 words/s)\n');
    expect(out.split('\n')).toHaveLength(2);
  });

  it('prints plain lines every two seconds when stderr is not a TTY', () => {
    const lines = run(50, false).trimEnd().split('\n');
    expect(lines).toEqual([
      'newsbot: indexing 20/100 documents, 20,000 words/s, about 4.0 s left',
      'newsbot: indexing 60/100 documents, 20,000 words/s, about 2.0 s left',
      'newsbot: indexing 100/100 documents, 20,000 words/s, about 0.0 s left',
      'newsbot: indexing 100/100 documents read, building the search index…',
      'newsbot: indexing done: 100 documents, 100,000 words in 5.5 s (18,182 words/s)',
    ]);
    expect(lines.join('\n')).not.toContain('\r');
  });
});
