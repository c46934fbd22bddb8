import type { LeximapResult } from '@leximap/core';
import { toCsv, type CsvCell, type CsvOptions } from './toCsv.ts';

/**
 * `markers.csv`, the map's markers as Leximancer exports them: one row per concept (learned, then
 * tags) with its place on the map and its weight (blocks coded), relevance and theme.
 */
export function resultToMarkersCsv(result: LeximapResult, options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [['concept', 'kind', 'category', 'x', 'y', 'weight', 'relevance', 'theme']];
  for (const c of result.concepts) rows.push([c.label, c.kind, c.category, c.x, c.y, c.count, c.relevance, c.theme >= 0 ? result.themes[c.theme]?.name : undefined]);
  return toCsv(rows, options);
}
