/**
 * Evidence that two families of block sets (codes × concepts, or top-level codes × themes) name
 * the same passages: for every pair with a shared block, the one-sided Fisher exact p-value of
 * the overlap (`fisherGreater`), Benjamini–Hochberg q-values over the whole table (pairs that
 * share nothing count as tests with p = 1), the lift both·N/(a·b) and the two directional shares.
 *
 * A pair is a match when q ≤ `alpha` and it clears the minimum effect size: lift ≥ `minLift` and
 * the larger directional share (the overlap coefficient both / min(a, b)) ≥ `minShare`. The
 * effect size is needed because with hundreds of blocks a tiny overlap can be "significant"
 * without any reader recognising the two as the same idea; see docs/glossary.md for the reasons
 * behind the defaults.
 */
import { benjaminiHochberg } from './benjaminiHochberg.ts';
import { fisherGreater } from './hypergeometric.ts';

/** What makes a significant pair a match. */
export interface MatchRule {
  /** Largest Benjamini–Hochberg q-value of a match. @default 0.05 */
  alpha: number;
  /** Smallest lift both·N/(a·b): shared blocks relative to what independent sets of the same sizes would share. @default 2 */
  minLift: number;
  /** Smallest larger directional share both / min(a, b). @default 0.2 */
  minShare: number;
}

/** Pairs with at least one shared block, row-major (row, then column ascending). */
export interface Overlaps {
  row: number[];
  col: number[];
  both: number[];
}

/** The evidence of every pair in `Overlaps`, parallel to it. */
export interface Evidence {
  p: Float64Array;
  q: Float64Array;
  lift: Float64Array;
  /** both / size of the row set (share of the code's blocks inside the concept). */
  rowShare: Float64Array;
  /** both / size of the column set (share of the concept's blocks inside the code). */
  colShare: Float64Array;
  matched: Uint8Array;
  /** Tests in the table: rows with blocks × columns with blocks. */
  tests: number;
}

/** The nonzero cells of a dense rows × cols count table (row-major). */
export function overlapsOf(counts: Int32Array, rows: number, cols: number): Overlaps {
  const out: Overlaps = { row: [], col: [], both: [] };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const both = counts[r * cols + c] as number;
      if (both === 0) continue;
      out.row.push(r);
      out.col.push(c);
      out.both.push(both);
    }
  }
  return out;
}

export function evidence(overlaps: Overlaps, rowSize: ArrayLike<number>, colSize: ArrayLike<number>, n: number, rule: MatchRule, lf: Float64Array): Evidence {
  const k = overlaps.both.length;
  const p = new Float64Array(k);
  const lift = new Float64Array(k);
  const rowShare = new Float64Array(k);
  const colShare = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const a = rowSize[overlaps.row[i] as number] as number;
    const b = colSize[overlaps.col[i] as number] as number;
    const both = overlaps.both[i] as number;
    p[i] = fisherGreater(both, n, b, a, lf);
    lift[i] = (both * n) / (a * b);
    rowShare[i] = both / a;
    colShare[i] = both / b;
  }
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < rowSize.length; r++) if ((rowSize[r] as number) > 0) rows++;
  for (let c = 0; c < colSize.length; c++) if ((colSize[c] as number) > 0) cols++;
  const tests = rows * cols;
  const q = benjaminiHochberg(p, tests);
  const matched = new Uint8Array(k);
  for (let i = 0; i < k; i++) {
    if ((q[i] as number) <= rule.alpha && (lift[i] as number) >= rule.minLift && Math.max(rowShare[i] as number, colShare[i] as number) >= rule.minShare) matched[i] = 1;
  }
  return { p, q, lift, rowShare, colShare, matched, tests };
}
