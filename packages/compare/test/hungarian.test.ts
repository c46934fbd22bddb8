import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hungarian } from '../src/hungarian.ts';

function bruteForce(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  let best = Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const go = (i: number, sum: number, assigned: number): void => {
    if (i === rows) {
      if (assigned === Math.min(rows, cols)) best = Math.min(best, sum);
      return;
    }
    if (rows - i > cols - assigned) go(i + 1, sum, assigned); // leave row i out only when rows outnumber columns
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      used[j] = true;
      go(i + 1, sum + (cost[i]?.[j] as number), assigned + 1);
      used[j] = false;
    }
  };
  go(0, 0, 0);
  return best;
}

const total = (cost: number[][], assignment: number[]): number => assignment.reduce((sum, j, i) => (j >= 0 ? sum + (cost[i]?.[j] as number) : sum), 0);

describe('hungarian', () => {
  it('hungarian(…) solves the textbook 3×3 example with cost 5', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    expect(hungarian(cost)).toEqual([1, 0, 2]);
    expect(total(cost, hungarian(cost))).toBe(5);
  });
  it('hungarian(…) leaves the costliest row out when rows outnumber columns', () => {
    expect(hungarian([[1], [0], [5]])).toEqual([-1, 0, -1]);
  });
  it('hungarian(…) matches brute force on random rectangular matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 25, maxLength: 25 }), (rows, cols, values) => {
        const cost = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values[i * 5 + j] as number));
        const assignment = hungarian(cost);
        const columns = assignment.filter((j) => j >= 0);
        expect(new Set(columns).size).toBe(columns.length);
        expect(columns.length).toBe(Math.min(rows, cols));
        expect(total(cost, assignment)).toBe(bruteForce(cost));
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
