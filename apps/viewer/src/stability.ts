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

/** The stability of the result's theme with this parent and these members (a theme the viewer recomputed at another size has none). */
export function themeStability(result: LeximapResult, parent: number, members?: readonly number[]): number | undefined {
  const theme = result.themes.find((t) => t.parent === parent);
  if (!theme || (members && (members.length !== theme.members.length || members.some((m, i) => m !== theme.members[i])))) return undefined;
  return share((theme as { stability?: unknown }).stability);
}

/** "reappears in 42% of resamples (fragile)", or '' without a figure. */
export function stabilityText(value: number | undefined, what: 'concept' | 'theme'): string {
  if (value === undefined) return '';
  const text = what === 'concept' ? `reappears in ${percent(value)} of resamples` : `members stay together in ${percent(value)} of resamples`;
  return isFragile(value) ? `${text} (fragile)` : text;
}

/** The runs' summary line, or '' when the result has none. */
export function stabilitySummary(result: LeximapResult): string {
  const s = (result as { stability?: unknown }).stability as Partial<StabilitySummary> | undefined;
  if (!s || typeof s !== 'object' || typeof s.runs !== 'number' || typeof s.themeAri?.mean !== 'number' || typeof s.conceptJaccard?.mean !== 'number') return '';
  return stabilityLine(s as StabilitySummary);
}
