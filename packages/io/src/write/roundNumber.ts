/** Significant digits kept in written floats: enough for maps and weights, few enough to hide summation-order noise. */
export const SIGNIFICANT_DIGITS = 6;

/** Integers unchanged; other numbers rounded to `SIGNIFICANT_DIGITS` significant digits. */
export function roundNumber(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}
