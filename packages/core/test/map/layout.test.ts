import { describe, expect, it } from 'vitest';
import { classicalMds, finishLayout, layoutMap, layoutStart, refineLayout, separateThemes, smacof, stress, targetDistances } from '../../src/index.ts';
import { lcg } from '../../src/random.ts';

/** Distances between points on a known 2-D configuration. */
/** Raw stress: the sum over pairs of (distance − target)². */
function rawStress(xy: Float64Array, D: Float64Array, n: number): number {
  let e = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) e += (Math.hypot(xy[i * 2]! - xy[j * 2]!, xy[i * 2 + 1]! - xy[j * 2 + 1]!) - D[i * n + j]!) ** 2;
  return e;
}

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

  it('smacof(…) from random positions finds a planar configuration again, at least from one of a few starts (stress ≈ 0)', () => {
    const input = { n: 5, S: D.map((d) => Math.exp(-d)), D, mds: classicalMds(D, 5), labelLengths: [1, 1, 1, 1, 1], seed: 3, iterations: 300 };
    const stresses = [1, 2, 3, 4].map((start) => layoutStart(input, start).stress);
    // A single start may end in a local minimum (a point on the wrong side of the others): that is why there are several.
    expect(Math.min(...stresses)).toBeLessThan(1e-3);
  });

  it('smacof(…) never raises raw stress, iteration after iteration, on targets no plane can hold', () => {
    const n = 12;
    const random = lcg(11);
    const T = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) T[i * n + j] = T[j * n + i] = 0.2 + random();
    let xy: Float64Array = Float64Array.from({ length: n * 2 }, () => random());
    let previous = rawStress(xy, T, n);
    for (let step = 0; step < 30; step++) {
      xy = smacof(T, n, xy, 1);
      const now = rawStress(xy, T, n);
      expect(now).toBeLessThanOrEqual(previous + 1e-12);
      previous = now;
    }
    expect(stress(xy, T, n)).toBeGreaterThan(0.05);
  });

  it('refineLayout(…) moves apart concepts that SMACOF puts on one spot, and keeps the others near their place', () => {
    // Concepts 0 and 1 are used in the same contexts (target distance 0): SMACOF puts them together, their labels would overlap.
    const pts: [number, number][] = [[0, 0], [0, 0], [3, 0], [0, 3], [3, 3], [1.5, -2]];
    const T = distances(pts);
    const input = { n: 6, S: T.map((d) => Math.exp(-d)), D: T, mds: classicalMds(T, 6), labelLengths: [8, 8, 8, 8, 8, 8], seed: 1, iterations: 300 };
    const start = layoutStart(input, 0);
    expect(Math.hypot(start.xy[0]! - start.xy[2]!, start.xy[1]! - start.xy[3]!)).toBeLessThan(1e-6);
    const map = refineLayout(input, start.xy);
    const apart = Math.hypot(map.xy[0]! - map.xy[2]!, map.xy[1]! - map.xy[3]!);
    // Collision radius 4 + 1.5·8 = 16 units each, at 100 units per mean target distance.
    const meanTarget = [...T].reduce((a, b) => a + b, 0) / 30;
    expect(apart).toBeGreaterThan((0.8 * 32 * meanTarget) / 100);
    expect(map.stress).toBeLessThan(0.15);
  });

  it('finishLayout(…) refines the start of lowest stress, the first of equals', () => {
    const pts: [number, number][] = [[0, 0], [2, 0], [0, 2], [2, 2], [1, 3]];
    const T = distances(pts);
    const input = { n: 5, S: T.map((d) => Math.exp(-d)), D: T, mds: classicalMds(T, 5), labelLengths: [4, 4, 4, 4, 4], seed: 1, iterations: 300 };
    const starts = [0, 1, 2].map((s) => layoutStart(input, s));
    const tied = [{ ...starts[1]!, stress: 0.5 }, { ...starts[2]!, stress: 0.2 }, { ...starts[0]!, stress: 0.2 }];
    const map = finishLayout(input, tied);
    expect(map.best).toBe(1);
    expect(map.stresses).toEqual([0.5, 0.2, 0.2]);
    expect(Array.from(map.xy)).toEqual(Array.from(refineLayout(input, starts[2]!.xy).xy));
    const whole = layoutMap(input, 3);
    expect(whole.stresses).toEqual(starts.map((s) => s.stress));
    expect(Array.from(whole.xy)).toEqual(Array.from(refineLayout(input, starts[whole.best]!.xy).xy));
  });

  /** Each theme's circle as the result draws it: its members' centroid and the distance to the farthest. */
  function circles(xy: Float64Array, group: Int32Array): Map<number, { x: number; y: number; r: number }> {
    const out = new Map<number, { x: number; y: number; r: number }>();
    for (const id of new Set(group)) {
      const m = [...group.keys()].filter((i) => group[i] === id);
      const x = m.reduce((a, i) => a + xy[i * 2]!, 0) / m.length;
      const y = m.reduce((a, i) => a + xy[i * 2 + 1]!, 0) / m.length;
      out.set(id, { x, y, r: Math.max(...m.map((i) => Math.hypot(xy[i * 2]! - x, xy[i * 2 + 1]! - y))) });
    }
    return out;
  }

  // 36 concepts spread over one disc, in three themes that interleave on it (and one of a single concept).
  const random = lcg(7);
  const mixed: [number, number][] = Array.from({ length: 36 }, () => {
    const a = random() * 2 * Math.PI;
    const r = Math.sqrt(random());
    return [r * Math.cos(a), r * Math.sin(a)];
  });
  const mixedGroup = Int32Array.from(mixed, (_, i) => (i === 35 ? 3 : i % 3));

  it('separateThemes(…) draws interleaved themes as circles apart, each theme kept as it was up to scale and place', () => {
    const xy = Float64Array.from(mixed.flat());
    const before = circles(xy, mixedGroup);
    // Interleaved: every theme's circle holds concepts of the others.
    expect(before.get(0)!.r + before.get(1)!.r).toBeGreaterThan(Math.hypot(before.get(0)!.x - before.get(1)!.x, before.get(0)!.y - before.get(1)!.y));
    for (const fit of [true, false]) {
      const out = separateThemes(xy, 36, mixedGroup, 1, fit);
      const after = circles(out, mixedGroup);
      for (const [a, p] of after) for (const [b, q] of after) if (a < b) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(p.r + q.r);
      // Within a theme, distances are the input's times one factor.
      for (let t = 0; t < 3; t++) {
        const m = [...mixedGroup.keys()].filter((i) => mixedGroup[i] === t);
        const ratio = (i: number, j: number) => Math.hypot(out[i * 2]! - out[j * 2]!, out[i * 2 + 1]! - out[j * 2 + 1]!) / Math.hypot(xy[i * 2]! - xy[j * 2]!, xy[i * 2 + 1]! - xy[j * 2 + 1]!);
        for (const j of m.slice(2)) expect(ratio(m[0]!, j)).toBeCloseTo(fit ? ratio(m[0]!, m[1]!) : 1, 9);
      }
    }
  });

  it('finishLayout(…) with themes known draws them apart, and reports the stress of the map it returns', () => {
    const T = distances(mixed);
    const input = { n: 36, S: T.map((d) => Math.exp(-d)), D: T, mds: classicalMds(T, 36), labelLengths: mixed.map(() => 5), seed: 1, iterations: 300, group: mixedGroup };
    const map = finishLayout(input, [layoutStart(input, 0)]);
    const drawn = circles(map.xy, mixedGroup);
    for (let i = 0; i < 36; i++) {
      for (const [id, c] of drawn) if (id !== mixedGroup[i]) expect(Math.hypot(map.xy[i * 2]! - c.x, map.xy[i * 2 + 1]! - c.y)).toBeGreaterThan(c.r);
    }
    expect(map.stress).toBeCloseTo(stress(map.xy, T, 36), 12);
    expect(Array.from(finishLayout(input, [layoutStart(input, 0)]).xy)).toEqual(Array.from(map.xy));
  });
});
