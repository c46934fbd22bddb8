import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherGreater, logChoose, logFactorials, logHypergeometricTail } from '../../src/stats/hypergeometric.ts';

/** C(n, k) exactly. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let out = 1n;
  for (let i = 1; i <= k; i++) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
}

/** P(X ≥ k) by summing the exact terms as rationals, then one division. */
function bruteTail(k: number, population: number, successes: number, draws: number): number {
  let top = 0n;
  for (let x = Math.max(0, k); x <= Math.min(successes, draws); x++) top += choose(successes, x) * choose(population - successes, draws - x);
  const bottom = choose(population, draws);
  // Scale to keep 15 significant digits out of the big rational.
  const scale = 10n ** 18n;
  return Number((top * scale) / bottom) / 1e18;
}

describe('fisherGreater', () => {
  const lf = logFactorials(3000);
  it('fisherGreater(…) gives the lady-tasting-tea p-values 1/70 and 17/70 (Fisher 1935)', () => {
    expect(fisherGreater(4, 8, 4, 4, lf)).toBeCloseTo(1 / 70, 14);
    expect(fisherGreater(3, 8, 4, 4, lf)).toBeCloseTo(17 / 70, 14);
    expect(fisherGreater(0, 8, 4, 4, lf)).toBe(1);
  });
  it('fisherGreater(…) gives the hand-computed p-value of the table [[6, 2], [1, 4]]', () => {
    // Row 8, column 7, N 13, both 6: (C(7,6)·C(6,2) + C(7,7)·C(6,1)) / C(13,8) = (105 + 6) / 1287.
    expect(fisherGreater(6, 13, 7, 8, lf)).toBeCloseTo(111 / 1287, 14);
    expect(fisherGreater(7, 50, 10, 15, lf)).toBeCloseTo(bruteTail(7, 50, 10, 15), 14);
  });
  it('fisherGreater(…) equals the brute-force sum of exact terms on random tables', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.nat(), fc.nat(), fc.nat(), (population, s, d, k) => {
        const successes = s % (population + 1);
        const draws = d % (population + 1);
        const shared = k % (Math.min(successes, draws) + 2);
        const expected = bruteTail(shared, population, successes, draws);
        const got = fisherGreater(shared, population, successes, draws, lf);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 + 1e-10 * expected);
      }),
      { numRuns: 300 },
    );
  });
  it('logHypergeometricTail(…) stays finite far below 1e-300: two halves of 2000 blocks that coincide', () => {
    expect(logHypergeometricTail(1000, 2000, 1000, 1000, lf)).toBeCloseTo(-logChoose(2000, 1000, lf), 8);
    expect(logHypergeometricTail(1000, 2000, 1000, 1000, lf)).toBeLessThan(-1380);
    expect(fisherGreater(1000, 2000, 1000, 1000, lf)).toBe(0);
  });
  it('logHypergeometricTail(…) is 0 below the smallest possible overlap and -Infinity above the largest', () => {
    expect(logHypergeometricTail(2, 10, 8, 5, lf)).toBe(0);
    expect(logHypergeometricTail(4, 10, 3, 5, lf)).toBe(-Infinity);
  });
});
