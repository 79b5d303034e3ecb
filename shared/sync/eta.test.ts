import { describe, expect, it } from 'vitest';
import { createEtaEstimator } from './eta';

describe('time-left estimate', () => {
  it('says nothing until 5 s and 5 % of the work have passed, then extrapolates the phase’s own rate', () => {
    const eta = createEtaEstimator();
    // A slow first second (warm-up) would have promised minutes for a 16-second job.
    expect(eta.estimate(0, 0, 21_058)).toBeNull();
    expect(eta.estimate(1_000, 150, 21_058)).toBeNull();
    expect(eta.estimate(4_999, 5_000, 21_058)).toBeNull();
    // 6,000 lines in 5 s: 1,200 lines/s, 15,058 left: 13 s.
    expect(eta.estimate(5_000, 6_000, 21_058)).toBe(13);
    expect(eta.estimate(10_000, 12_000, 21_058)).toBe(8);
    expect(eta.estimate(17_000, 21_058, 21_058)).toBe(0);
  });

  it('waits for enough of the work, however long it takes, and never for nothing done', () => {
    const eta = createEtaEstimator({ minElapsedMs: 1_000, minFraction: 0.1 });
    expect(eta.estimate(0, 500, 10_500)).toBeNull();
    expect(eta.estimate(60_000, 500, 10_500)).toBeNull();
    expect(eta.estimate(120_000, 1_400, 10_500)).toBeNull();
    // 1,000 of 10,000 in 240 s: 9,000 left at the same pace.
    expect(eta.estimate(240_000, 1_500, 10_500)).toBe(2_160);
  });
});
