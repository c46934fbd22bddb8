import { describe, expect, it } from 'vitest';
import { classicalMds, inProcess, layoutStart, type LayoutStartInput } from '@leximap/core';
import { layoutTasks, poolExecutor, startPool } from '@leximap/parallel';

/** Targets of n points on a noisy circle, so that the starts differ. */
function layoutInput(n: number): LayoutStartInput {
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const angle = (2 * Math.PI * (i - j)) / n;
      D[i * n + j] = i === j ? 0 : Math.hypot(1 - Math.cos(angle), Math.sin(angle)) + ((i * 7 + j * 7) % 5) / 50;
    }
  }
  return { n, S: D.map((d) => (d > 0 ? 1 / (1 + d) : 0)), D, mds: classicalMds(D, n), labelLengths: new Array<number>(n).fill(6), seed: 5, iterations: 20 };
}

describe('layoutTasks', () => {
  it('keeps a small map in one task and shares a large one out, never over the workers or the starts', () => {
    expect(layoutTasks(89, 4, 2)).toBe(1);
    expect(layoutTasks(200, 4, 2)).toBe(2);
    expect(layoutTasks(200, 4, 8)).toBe(3);
    expect(layoutTasks(400, 4, 8)).toBe(4);
    expect(layoutTasks(400, 1, 8)).toBe(1);
    expect(layoutTasks(2, 1, 1)).toBe(1);
  });
});

describe('poolExecutor(pool).layout', () => {
  it('gives the map of this thread, from every start in start order, whether the layout is one task or several', async () => {
    const pool = await startPool(2);
    try {
      for (const n of [150, 30]) {
        const input = layoutInput(n);
        expect(layoutTasks(input.n, 5, 2)).toBe(n === 150 ? 2 : 1);
        const map = await poolExecutor(pool).layout(input, 5);
        const here = await inProcess.layout(input, 5);
        expect(map.stresses).toEqual(here.stresses);
        expect(map.stresses[3]).toBe(layoutStart(input, 3).stress);
        expect(new Set(map.stresses).size).toBe(5);
        expect(map.best).toBe(here.best);
        expect(map.stress).toBe(here.stress);
        expect(Array.from(map.xy)).toEqual(Array.from(here.xy));
      }
    } finally {
      await pool.close();
    }
  });
});
