/**
 * Two groups of blocks (two tags: folders, speakers, files, codes) compared concept by concept:
 * the share of each group's blocks coded with the concept, their difference with Newcombe's
 * hybrid score interval (95%, from the two Wilson intervals: Newcombe 1998, Statistics in
 * Medicine 17:873, method 10), a two-sided two-proportion z-test, and Benjamini–Hochberg
 * q-values over the concepts compared (1995, JRSS B 57:289). The test takes the blocks as
 * independent and the groups as disjoint; shared blocks are counted and reported.
 */

export interface GroupCounts {
  /** Blocks of the group coded with the concept. */
  a: number;
  /** Blocks of the group. */
  nA: number;
  b: number;
  nB: number;
}

export interface GroupRow extends GroupCounts {
  concept: number;
  pA: number;
  pB: number;
  /** pA − pB and its 95% interval. */
  difference: number;
  low: number;
  high: number;
  z: number;
  p: number;
  /** Benjamini–Hochberg adjusted p. */
  q: number;
  /** `A` or `B` when the concept is over-represented there (q < 0.05 and the interval excludes 0), else ''. */
  over: 'A' | 'B' | '';
}

const Z95 = 1.959963984540054;

/** Wilson score interval of `k` successes in `n`. */
export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Newcombe's hybrid score interval of pA − pB. */
export function newcombe(c: GroupCounts): [number, number] {
  const pA = c.nA ? c.a / c.nA : 0;
  const pB = c.nB ? c.b / c.nB : 0;
  const [lA, uA] = wilson(c.a, c.nA);
  const [lB, uB] = wilson(c.b, c.nB);
  const d = pA - pB;
  return [d - Math.sqrt((pA - lA) ** 2 + (uB - pB) ** 2), d + Math.sqrt((uA - pA) ** 2 + (pB - lB) ** 2)];
}

/** The complementary error function (Numerical Recipes' erfcc, relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p of the pooled two-proportion z-test, and z. */
export function twoProportion(c: GroupCounts): { z: number; p: number } {
  if (c.nA === 0 || c.nB === 0) return { z: 0, p: 1 };
  const pooled = (c.a + c.b) / (c.nA + c.nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / c.nA + 1 / c.nB));
  if (se === 0) return { z: 0, p: 1 };
  const z = (c.a / c.nA - c.b / c.nB) / se;
  return { z, p: erfc(Math.abs(z) / Math.SQRT2) };
}

/** Benjamini–Hochberg adjusted p-values, in the order given. */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const order = p.map((_, i) => i).sort((i, j) => p[i]! - p[j]! || i - j);
  const q = new Array<number>(p.length);
  let running = 1;
  for (let r = order.length - 1; r >= 0; r--) {
    const i = order[r]!;
    running = Math.min(running, (p[i]! * p.length) / (r + 1));
    q[i] = running;
  }
  return q;
}

/** The comparison of every concept in `counts`, most over-represented in A first, most in B last. */
export function compareGroups(counts: readonly (GroupCounts & { concept: number })[]): GroupRow[] {
  const tested = counts.map((c) => ({ ...c, ...twoProportion(c) }));
  const q = benjaminiHochberg(tested.map((t) => t.p));
  const rows = tested.map((t, i): GroupRow => {
    const [low, high] = newcombe(t);
    const qi = q[i]!;
    const over = qi < 0.05 && low > 0 ? 'A' : qi < 0.05 && high < 0 ? 'B' : '';
    return { ...t, pA: t.nA ? t.a / t.nA : 0, pB: t.nB ? t.b / t.nB : 0, difference: (t.nA ? t.a / t.nA : 0) - (t.nB ? t.b / t.nB : 0), low, high, q: qi, over };
  });
  return rows.sort((x, y) => y.z - x.z || x.concept - y.concept);
}

/** Blocks in both ascending lists. */
export function shared(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}
