import { describe, expect, it } from 'vitest';
import { agreement, kappa } from '../src/agreement.ts';

describe('agreement', () => {
  it('agreement(2, 3, 1, 7) gives Jaccard 1/4, lift 7/6 and κ 2/23 (hand-computed 2×2 table)', () => {
    const a = agreement(2, 3, 1, 7);
    expect(a.jaccard).toBe(0.25);
    expect(a.lift).toBeCloseTo(7 / 6, 12);
    expect(a.kappa).toBeCloseTo(2 / 23, 12);
  });
  it('agreement(…) gives zeros when a set is empty', () => {
    expect(agreement(0, 3, 0, 7)).toEqual({ jaccard: 0, lift: 0, kappa: 0 });
  });
  it('kappa(…) is 1 for identical codings and negative for disjoint ones', () => {
    expect(kappa(3, 3, 3, 10)).toBeCloseTo(1, 12);
    // po = 4/10, pe = .3·.3 + .7·.7 = .58 → κ = (.4 − .58)/.42
    expect(kappa(3, 3, 0, 10)).toBeCloseTo((0.4 - 0.58) / 0.42, 12);
  });
  it('kappa(…) of a degenerate table (everything marked by both) is 1', () => {
    expect(kappa(5, 5, 5, 5)).toBe(1);
  });
});
