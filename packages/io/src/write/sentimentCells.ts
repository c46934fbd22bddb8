import type { SentimentSummary } from '@leximap/core';
import { percent } from './percent.ts';
import type { CsvCell } from './toCsv.ts';

/** The sentiment columns of concepts.csv and themes.csv. */
export const SENTIMENT_COLUMNS: readonly string[] = ['sentiment_mean', 'sentiment_positive_pct', 'sentiment_negative_pct', 'sentiment_blocks'];

/** A summary's cells: mean to three decimals, positive and negative as %, the blocks scored; empty when there is none. */
export function sentimentCells(s: SentimentSummary | undefined): CsvCell[] {
  if (s === undefined) return [undefined, undefined, undefined, 0];
  return [Math.round(s.mean * 1000) / 1000, percent(s.positive), percent(s.negative), s.blocks];
}
