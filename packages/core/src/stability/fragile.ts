/**
 * When a concept or a theme counts as fragile: found again (a concept) or kept together (a
 * theme's members) in under half of the stability resamples. The CLI summary lists such
 * concepts, the viewer and the exported maps draw them dashed and faded.
 */

/** Below this share of resamples a concept or theme is fragile. */
export const FRAGILE_BELOW = 0.5;

export function isFragile(share: number | undefined): boolean {
  return share !== undefined && share < FRAGILE_BELOW;
}
