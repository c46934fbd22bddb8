/**
 * Stability figures a result may carry (from re-runs on resampled documents): per concept the
 * share of resamples in which it reappears, per theme how often its members stay together, and
 * a summary of the runs. All optional; read defensively, since older results lack them.
 */
import { isFragile, stabilityLine, type LeximapResult, type StabilitySummary } from '@leximap/core';
import { percent } from './dom.ts';

function share(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

export function conceptStability(result: LeximapResult, index: number): number | undefined {
  return share((result.concepts[index] as { stability?: unknown } | undefined)?.stability);
}

/** How often the concept stayed with the other members of its theme over the resamples (schema 6). */
export function conceptThemeStability(result: LeximapResult, index: number): number | undefined {
  return share((result.concepts[index] as { themeStability?: unknown } | undefined)?.themeStability);
}

/** The stability of the result's theme with this parent and these members (a theme the viewer recomputed at another size has none). */
export function themeStability(result: LeximapResult, parent: number, members?: readonly number[]): number | undefined {
  const theme = result.themes.find((t) => t.parent === parent);
  if (!theme || (members && (members.length !== theme.members.length || members.some((m, i) => m !== theme.members[i])))) return undefined;
  return share((theme as { stability?: unknown }).stability);
}

const STABILITY_TEXT = {
  concept: (share: string) => `reappears in ${share} of resamples`,
  theme: (share: string) => `members stay together in ${share} of resamples`,
  conceptTheme: (share: string) => `stays with its theme's other members ${share} of the time over the resamples`,
};

/** "reappears in 42% of resamples (fragile)", or '' without a figure. */
export function stabilityText(value: number | undefined, what: keyof typeof STABILITY_TEXT): string {
  if (value === undefined) return '';
  const text = STABILITY_TEXT[what](percent(value));
  return isFragile(value) ? `${text} (fragile)` : text;
}

/** The runs' summary line, or '' when the result has none. */
export function stabilitySummary(result: LeximapResult): string {
  const s = (result as { stability?: unknown }).stability as Partial<StabilitySummary> | undefined;
  if (!s || typeof s !== 'object' || typeof s.runs !== 'number' || typeof s.themeAri?.mean !== 'number' || typeof s.conceptJaccard?.mean !== 'number') return '';
  return stabilityLine(s as StabilitySummary);
}
