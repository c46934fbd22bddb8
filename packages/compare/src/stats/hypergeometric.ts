/**
 * The one-sided Fisher exact test of a 2×2 table (Fisher 1934, *Statistical Methods for Research
 * Workers*, §21.02): with N items, K of them in set A and n in set B, the probability that A and
 * B share at least k items when B is drawn at random is the upper tail of the hypergeometric
 * distribution,
 *
 *   P(X ≥ k) = Σ_{x=k}^{min(K,n)} C(K,x)·C(N−K,n−x) / C(N,n).
 *
 * Every term is computed in log space from a table of ln(i!) (summed once, exact to rounding), and
 * the tail is summed by log-sum-exp from its largest term, so p-values far below 1e-300 neither
 * underflow nor lose the terms that matter. The terms fall geometrically past the mode, so the
 * sum stops once a term is below 2⁻⁶⁰ of the running total.
 */

/** ln(i!) for i = 0…n. */
export function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = (table[i - 1] as number) + Math.log(i);
  return table;
}

/** ln C(a, b) from a table of ln(i!) (covering a). */
export function logChoose(a: number, b: number, lf: Float64Array): number {
  if (b < 0 || b > a) return -Infinity;
  return (lf[a] as number) - (lf[b] as number) - (lf[a - b] as number);
}

/**
 * ln P(X ≥ k) for X hypergeometric: `population` items, `successes` of them marked, `draws` drawn.
 * `lf` is `logFactorials(population)` (or longer).
 */
export function logHypergeometricTail(k: number, population: number, successes: number, draws: number, lf: Float64Array): number {
  const lo = Math.max(0, draws - (population - successes));
  const hi = Math.min(successes, draws);
  if (k <= lo) return 0;
  if (k > hi) return -Infinity;
  const denominator = logChoose(population, draws, lf);
  const term = (x: number): number => logChoose(successes, x, lf) + logChoose(population - successes, draws - x, lf) - denominator;
  // The pmf is unimodal; from k upwards the largest term is at max(k, mode).
  const mode = Math.floor(((draws + 1) * (successes + 1)) / (population + 2));
  const top = Math.max(k, Math.min(hi, mode));
  const peak = term(top);
  let sum = 0;
  for (let x = top; x <= hi; x++) {
    const t = Math.exp(term(x) - peak);
    sum += t;
    if (t < sum * 8.7e-19) break;
  }
  for (let x = top - 1; x >= k; x--) sum += Math.exp(term(x) - peak);
  return Math.min(0, peak + Math.log(sum));
}

/** P(X ≥ k): the one-sided Fisher exact p-value that two sets share at least k of `population` items. */
export function fisherGreater(k: number, population: number, successes: number, draws: number, lf: Float64Array): number {
  return Math.exp(logHypergeometricTail(k, population, successes, draws, lf));
}
