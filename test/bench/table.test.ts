import { describe, expect, it } from 'vitest';
import { renderReport, type Report } from '../../bench/table.js';

const report = (followUps?: Report['followUps']): Report => ({
  machine: { date: '2026-11-28', cpu: 'test CPU', cores: 2, memoryGb: 24, node: 'v20.20.2', load: [1, 1] },
  datasets: [],
  measurements: [],
  coldStarts: [],
  ...(followUps ? { followUps } : {}),
});

describe('bench/table', () => {
  it('reports the follow-up p99 against its 1 ms target, met or not', () => {
    const over = renderReport(report({ conversations: 8, timed: 3001, p50: 0.28, p95: 0.7, p99: 1.27 }));
    expect(over).toContain('| follow-up p99, bundled article (in its conversation) | ≤ 1 ms | 1.27 ms (p50 0.28, 3,001 follow-ups) | **no** |');
    const under = renderReport(report({ conversations: 8, timed: 3001, p50: 0.2, p95: 0.5, p99: 0.9 }));
    expect(under).toMatch(/follow-up p99.*\| 0\.90 ms .*\| yes \|/);
  });

  it('leaves the follow-up target unmeasured when the bundled article was not benchmarked', () => {
    expect(renderReport(report())).toContain('| follow-up p99, bundled article (in its conversation) | ≤ 1 ms | – | – |');
  });
});
