import { describe, expect, it } from 'vitest';
import { classicalMds, layoutStart, stress, targetDistances } from '../../src/index.ts';

/** Distances between points on a known 2-D configuration. */
function distances(points: [number, number][]): Float64Array {
  const n = points.length;
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i * n + j] = Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
  return D;
}

describe('layout', () => {
  const points: [number, number][] = [[0, 0], [3, 0], [0, 4], [3, 4], [1.5, 2]];
  const D = distances(points);

  it('classicalMds(…) recovers a planar configuration exactly (stress 0)', () => {
    expect(stress(classicalMds(D, 5), D, 5)).toBeLessThan(1e-9);
  });

  it('stress(…) is Kruskal stress-1 at the optimal scale, checked by hand', () => {
    // 3 points on a line at 0,1,2 against targets 1,1,1: α = (1+2+1)/(1+4+1) = 2/3
    const xy = Float64Array.of(0, 0, 1, 0, 2, 0);
    const T = Float64Array.of(0, 1, 1, 1, 0, 1, 1, 1, 0);
    const a = 2 / 3;
    expect(stress(xy, T, 3)).toBeCloseTo(Math.sqrt(((a - 1) ** 2 * 2 + (2 * a - 1) ** 2) / 3), 12);
  });

  it('targetDistances(…) maps similarity 1 to 0 and similarity 0 to the ε floor', () => {
    expect(Array.from(targetDistances(Float64Array.of(1, 0.5, 0), 'linear'))).toEqual([0, 0.5, 1]);
    expect(targetDistances(Float64Array.of(0), 'gaussian')[0]).toBeCloseTo(Math.sqrt(-Math.log(1e-3)), 12);
  });

  it('layoutStart(…) is reproducible for a seed and start', () => {
    const S = D.map((d) => Math.exp(-d));
    const input = { n: 5, S, D, mds: classicalMds(D, 5), labelLengths: [1, 1, 1, 1, 1], seed: 7, iterations: 50 };
    expect(Array.from(layoutStart(input, 1).xy)).toEqual(Array.from(layoutStart(input, 1).xy));
    expect(Array.from(layoutStart(input, 1).xy)).not.toEqual(Array.from(layoutStart(input, 2).xy));
  });
});
