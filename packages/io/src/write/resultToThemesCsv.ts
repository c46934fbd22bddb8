import type { LeximapResult } from '@leximap/core';
import { percent } from './percent.ts';
import { toCsv } from './toCsv.ts';
import type { CsvCell, CsvOptions } from './toCsv.ts';

/** `themes.csv`: one row per theme in result order: rank (1 = the most connected), name, parent concept, connectivity, relevance %, colour, member labels, and how often its members stayed together over the stability resamples. */
export function resultToThemesCsv(result: LeximapResult, options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [['rank', 'theme', 'parent', 'connectivity', 'relevance_pct', 'colour', 'members', 'stability_pct']];
  result.themes.forEach((theme, i) => {
    rows.push([
      i + 1,
      theme.name,
      result.concepts[theme.parent]?.label,
      theme.connectivity,
      percent(theme.relevance),
      theme.colour,
      theme.members.map((m) => result.concepts[m]?.label ?? String(m)).join('; '),
      theme.stability === undefined ? undefined : percent(theme.stability),
    ]);
  });
  return toCsv(rows, options);
}
