/** A share 0–1 as a percentage with one decimal, as the CSV tables show relevance. */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}
