/**
 * Benjamini–Hochberg false-discovery-rate adjustment (Benjamini & Hochberg 1995, *J. R. Stat. Soc.
 * B* 57:289–300): sorted ascending, q₍ᵢ₎ = min_{j ≥ i} p₍ⱼ₎·m / j, capped at 1. Rejecting every
 * test with q ≤ α keeps the expected share of false discoveries at or below α (for independent or
 * positively dependent tests). Tests that were not computed (a table cell with no shared block,
 * p = 1) still count in `m`, so the correction is over the whole table.
 */

/** q-values of `p`, in the same order; `m` is the number of tests (at least `p.length`). */
export function benjaminiHochberg(p: ArrayLike<number>, m = p.length): Float64Array {
  const n = p.length;
  const tests = Math.max(m, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
  const q = new Float64Array(n);
  let running = 1;
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r] as number;
    running = Math.min(running, ((p[i] as number) * tests) / (r + 1));
    q[i] = running;
  }
  return q;
}
