import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/benjaminiHochberg.ts';

describe('benjaminiHochberg', () => {
  it('benjaminiHochberg(p) gives the step-up q-values in input order', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 → p·4/rank = 0.02, 0.02, 0.04, 0.04.
    expect([...benjaminiHochberg([0.01, 0.04, 0.03, 0.005])].map((q) => Number(q.toFixed(12)))).toEqual([0.02, 0.04, 0.04, 0.02]);
  });
  it('benjaminiHochberg(p, m) counts the tests not listed (p = 1) in m', () => {
    expect([...benjaminiHochberg([0.01, 0.04, 0.03, 0.005], 10)].map((q) => Number(q.toFixed(12)))).toEqual([0.05, 0.1, 0.1, 0.05]);
  });
  it('benjaminiHochberg(p) keeps q monotone in p and caps it at 1', () => {
    const q = benjaminiHochberg([0.9, 0.02, 0.5, 0.021]);
    expect(q[1]).toBeCloseTo(0.042, 12);
    expect(q[3]).toBeCloseTo(0.042, 12);
    expect(q[0]).toBe(0.9);
    expect(benjaminiHochberg([1, 1])[0]).toBe(1);
  });
});
