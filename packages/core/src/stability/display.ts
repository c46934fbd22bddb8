/**
 * How the stability report is shown, the same in the CLI summary, the viewer and the exported
 * maps: a concept or a theme is fragile when it is found again (a concept) or kept together (a
 * theme's members) in under half of the resamples, and is then drawn dashed and faded.
 */
import type { StabilitySummary } from '../result/schema.ts';

/** Below this share of resamples a concept or theme is fragile. */
export const FRAGILE_BELOW = 0.5;

export function isFragile(share: number | undefined): boolean {
  return share !== undefined && share < FRAGILE_BELOW;
}

/** "stability over 10 resamples: theme ARI 0.68, concept Jaccard 0.88". */
export function stabilityLine(s: StabilitySummary): string {
  return `stability over ${s.runs} resamples: theme ARI ${s.themeAri.mean.toFixed(2)}, concept Jaccard ${s.conceptJaccard.mean.toFixed(2)}`;
}
