import type { LeximapResult } from '@leximap/core';
import { resultGraph } from './resultGraph.ts';
import { toCsv, type CsvCell, type CsvOptions } from './toCsv.ts';

/**
 * `concept-tag.csv`, the concept × tag matrix (speakers, folders, files, columns, manual codes) as
 * a list of its non-zero cells: per learned concept and tag, the shared blocks (`count`),
 * relative frequency P(concept | tag), strength P(tag | concept) and prominence — Leximancer's
 * "insight dashboard" quadrant (DESIGN §6).
 */
export function resultToTagMatrix(result: LeximapResult, options: CsvOptions = {}): string {
  const graph = resultGraph(result);
  const rows: CsvCell[][] = [['concept', 'category', 'tag', 'count', 'relative_frequency', 'strength', 'prominence']];
  for (let c = 0; c < graph.learned; c++) {
    for (let t = graph.learned; t < result.concepts.length; t++) {
      const count = graph.cooccurrence(c, t);
      if (count === 0) continue;
      const tag = result.concepts[t]!;
      rows.push([result.concepts[c]!.label, tag.category, tag.label, count, graph.likelihood(t, c), graph.likelihood(c, t), graph.prominence(c, t)]);
    }
  }
  return toCsv(rows, options);
}
