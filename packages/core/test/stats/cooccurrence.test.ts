import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cooccurrence, symmetrize, transpose, type Csr } from '../../src/index.ts';

/** Random blocks × terms incidence: each block a sorted set of term ids. */
const incidence = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 6 }), { minLength: 1, maxLength: 40 }))
  .map(([cols, rows]): Csr => {
    const sorted = rows.map((r) => r.filter((c) => c < cols).sort((a, b) => a - b));
    const starts = new Uint32Array(sorted.length + 1);
    sorted.forEach((r, i) => (starts[i + 1] = starts[i]! + r.length));
    return { rows: sorted.length, cols, starts, indices: Uint32Array.from(sorted.flat()) };
  });

function bruteForce(m: Csr): number[][] {
  const out = Array.from({ length: m.cols }, () => new Array<number>(m.cols).fill(0));
  for (let b = 0; b < m.rows; b++) {
    const row = Array.from(m.indices.subarray(m.starts[b]!, m.starts[b + 1]!));
    for (const i of row) for (const j of row) if (j > i) out[i]![j]!++;
  }
  return out;
}

function dense(c: { rows: number; cols: number; starts: Uint32Array; indices: Uint32Array; values: Uint32Array }): number[][] {
  const out = Array.from({ length: c.rows }, () => new Array<number>(c.cols).fill(0));
  for (let i = 0; i < c.rows; i++) for (let k = c.starts[i]!; k < c.starts[i + 1]!; k++) out[i]![c.indices[k]!] = c.values[k]!;
  return out;
}

describe('cooccurrence', () => {
  it('cooccurrence(m) equals the brute-force count of shared blocks on random inputs', () => {
    fc.assert(
      fc.property(incidence, (m) => {
        expect(dense(cooccurrence(m))).toEqual(bruteForce(m));
      }),
    );
  });

  it('cooccurrence(m) counted in tiles of a few rows equals the brute-force count', () => {
    fc.assert(
      fc.property(incidence, fc.integer({ min: 1, max: 40 }), (m, tileCells) => {
        expect(dense(cooccurrence(m, tileCells))).toEqual(bruteForce(m));
      }),
    );
  });

  it('symmetrize(upper) holds both triangles with sorted rows', () => {
    fc.assert(
      fc.property(incidence, (m) => {
        const upper = bruteForce(m);
        const full = dense(symmetrize(cooccurrence(m)));
        for (let i = 0; i < m.cols; i++) for (let j = 0; j < m.cols; j++) expect(full[i]![j]).toBe(i < j ? upper[i]![j] : i > j ? upper[j]![i] : 0);
        const s = symmetrize(cooccurrence(m));
        for (let i = 0; i < s.rows; i++) {
          const row = Array.from(s.indices.subarray(s.starts[i]!, s.starts[i + 1]!));
          expect(row).toEqual([...row].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('cooccurrence of a hand-checked 3-block example', () => {
    // blocks: {0,1,2}, {1,2}, {0,2}
    const m: Csr = { rows: 3, cols: 3, starts: Uint32Array.of(0, 3, 5, 7), indices: Uint32Array.of(0, 1, 2, 1, 2, 0, 2) };
    expect(dense(cooccurrence(m))).toEqual([
      [0, 1, 2],
      [0, 0, 2],
      [0, 0, 0],
    ]);
    expect(Array.from(transpose(m).indices)).toEqual([0, 2, 0, 1, 0, 1, 2]);
  });
});
