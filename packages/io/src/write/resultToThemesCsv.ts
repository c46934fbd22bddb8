import type { LeximapResult } from '@leximap/core';
import { percent } from './percent.ts';
import { SENTIMENT_COLUMNS, sentimentCells } from './sentimentCells.ts';
import { toCsv } from './toCsv.ts';
import type { CsvCell, CsvOptions } from './toCsv.ts';

/** `themes.csv`: one row per theme in result order: rank (1 = the most connected), name, parent concept, connectivity, relevance %, colour, member labels, and how often its members stayed together over the stability resamples; with `--sentiment`, the sentiment of its blocks. */
export function resultToThemesCsv(result: LeximapResult, options: CsvOptions = {}): string {
  const sentiment = result.parameters.sentiment === true;
  const rows: CsvCell[][] = [['rank', 'theme', 'parent', 'connectivity', 'relevance_pct', 'colour', 'members', 'stability_pct', ...(sentiment ? SENTIMENT_COLUMNS : [])]];
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
      ...(sentiment ? sentimentCells(theme.sentiment) : []),
    ]);
  });
  return toCsv(rows, options);
}
