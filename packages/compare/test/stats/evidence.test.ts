import { describe, expect, it } from 'vitest';
import { evidence, overlapsOf } from '../../src/stats/evidence.ts';
import { fisherGreater, logFactorials } from '../../src/stats/hypergeometric.ts';

const lf = logFactorials(1000);
const rule = { alpha: 0.05, minLift: 2, minShare: 0.2 };

describe('evidence', () => {
  it('evidence(…) gives each shared pair its Fisher p, BH q over all rows × columns, lift and both shares', () => {
    // Two codes (10 and 0 blocks) × three concepts (20, 30, 0 blocks) of N = 1000: tests = 1 × 2.
    const counts = Int32Array.from([8, 1, 0, 0, 0, 0]);
    const overlaps = overlapsOf(counts, 2, 3);
    expect(overlaps).toEqual({ row: [0, 0], col: [0, 1], both: [8, 1] });
    const e = evidence(overlaps, [10, 0], [20, 30, 0], 1000, rule, lf);
    expect(e.tests).toBe(2);
    expect(e.p[0]).toBeCloseTo(fisherGreater(8, 1000, 20, 10, lf), 15);
    expect(e.q[0]).toBeCloseTo(2 * (e.p[0] as number), 15);
    expect(e.lift[0]).toBeCloseTo((8 * 1000) / (10 * 20), 12);
    expect(e.rowShare[0]).toBeCloseTo(0.8, 12);
    expect(e.colShare[0]).toBeCloseTo(0.4, 12);
    expect([...e.matched]).toEqual([1, 0]);
  });
  it('evidence(…) refuses a significant pair below the minimum effect size', () => {
    // 60 of a 300-block code inside a 120-block concept of 1000: p tiny, lift 1.67 < 2.
    const e = evidence({ row: [0], col: [0], both: [60] }, [300], [120], 1000, rule, lf);
    expect(e.q[0]).toBeLessThan(0.001);
    expect(e.matched[0]).toBe(0);
    // Lift 10 but 5 of 250 and 5 of 100 blocks: 5% of the smaller one < 20%.
    const thin = evidence({ row: [0], col: [0], both: [5] }, [250], [2], 1000, { ...rule, minShare: 0.2 }, lf);
    expect(thin.matched[0]).toBe(1);
    const sliver = evidence({ row: [0], col: [0], both: [10] }, [100], [60], 1000, { ...rule, minShare: 0.2 }, lf);
    expect(sliver.lift[0]).toBeCloseTo(1.6667, 3);
    expect(sliver.matched[0]).toBe(0);
  });
});
