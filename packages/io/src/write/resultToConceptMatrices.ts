import type { LeximapResult } from '@leximap/core';
import { resultGraph } from './resultGraph.ts';
import { toCsv, type CsvCell, type CsvOptions } from './toCsv.ts';

/**
 * `likelihood.csv` and `prominence.csv`: learned concept × learned concept, in result order, the
 * first column naming the row. Likelihood row i, column j is P(j | i) (rows do not sum to 1: a
 * block holds several concepts); prominence is symmetric. The diagonal is left empty.
 */
export function resultToConceptMatrices(result: LeximapResult, options: CsvOptions = {}): { likelihood: string; prominence: string } {
  const graph = resultGraph(result);
  const labels = result.concepts.slice(0, graph.learned).map((c) => c.label);
  const matrix = (measure: (i: number, j: number) => number): string => {
    const rows: CsvCell[][] = [['concept', ...labels]];
    labels.forEach((label, i) => rows.push([label, ...labels.map((_, j) => (i === j ? undefined : measure(i, j)))]));
    return toCsv(rows, options);
  };
  return { likelihood: matrix(graph.likelihood), prominence: matrix(graph.prominence) };
}
