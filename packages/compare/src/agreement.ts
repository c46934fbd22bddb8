/**
 * Agreement of two block sets in a universe of N blocks, from their 2×2 table: Jaccard
 * |A∩B|/|A∪B|, lift P(A∩B)/(P(A)P(B)), and Cohen's κ (Cohen 1960, Educ. Psychol. Meas.
 * 20:37) with po = (both + neither)/N and pe = P(A)P(B) + (1−P(A))(1−P(B)).
 */

/** The agreement of two sets of sizes `a` and `b` sharing `both`, among `n` items. */
export interface Agreement {
  jaccard: number;
  lift: number;
  kappa: number;
}

export function agreement(a: number, b: number, both: number, n: number): Agreement {
  const union = a + b - both;
  const jaccard = union === 0 ? 0 : both / union;
  const lift = a === 0 || b === 0 ? 0 : (both * n) / (a * b);
  return { jaccard, lift, kappa: kappa(a, b, both, n) };
}

/** Cohen's κ of two binary codings: `a` and `b` items marked, `both` by both, of `n`. Degenerate tables (pe = 1) give 1 when they agree fully, else 0. */
export function kappa(a: number, b: number, both: number, n: number): number {
  if (n === 0) return 0;
  const neither = n - a - b + both;
  const po = (both + neither) / n;
  const pa = a / n;
  const pb = b / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  if (pe >= 1) return po === 1 ? 1 : 0;
  return (po - pe) / (1 - pe);
}
