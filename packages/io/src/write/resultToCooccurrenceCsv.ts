import type { LeximapResult } from '@leximap/core';
import { resultGraph } from './resultGraph.ts';
import { toCsv, type CsvCell, type CsvOptions } from './toCsv.ts';

/**
 * `cooccurrence.csv`, the concept co-occurrence list: one row per pair of concepts that share a
 * block (learned with learned, and learned with tags), both ends with their map place, the weight
 * (shared blocks), the likelihoods both ways and the prominence.
 */
export function resultToCooccurrenceCsv(result: LeximapResult, options: CsvOptions = {}): string {
  const graph = resultGraph(result);
  const rows: CsvCell[][] = [['source', 'source_x', 'source_y', 'target', 'target_x', 'target_y', 'weight', 'likelihood_target_given_source', 'likelihood_source_given_target', 'prominence']];
  for (const { a, b, count } of graph.pairs) {
    const s = result.concepts[a]!;
    const t = result.concepts[b]!;
    rows.push([s.label, s.x, s.y, t.label, t.x, t.y, count, graph.likelihood(a, b), graph.likelihood(b, a), graph.prominence(a, b)]);
  }
  return toCsv(rows, options);
}
