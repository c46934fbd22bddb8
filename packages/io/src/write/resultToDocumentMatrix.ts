import type { LeximapResult } from '@leximap/core';
import { toCsv, type CsvCell, type CsvOptions } from './toCsv.ts';

/**
 * `concept-document.csv`, the concept × document matrix as a list of its non-zero cells: per
 * learned concept and document, the blocks of the document coded with the concept (`count`),
 * relative frequency P(concept | document), strength P(document | concept) and prominence
 * P(concept, document) / (P(concept) P(document)), over the blocks not excluded.
 */
export function resultToDocumentMatrix(result: LeximapResult, options: CsvOptions = {}): string {
  const learned = result.concepts.filter((c) => c.kind !== 'tag').length;
  const { document, excluded, conceptStarts, concepts } = result.blocks;
  const docBlocks = new Array<number>(result.documents.length).fill(0);
  const cells = new Map<number, number>();
  let active = 0;
  for (let b = 0; b < document.length; b++) {
    if (excluded[b]) continue;
    active++;
    const d = document[b]!;
    docBlocks[d]!++;
    for (let k = conceptStarts[b]!; k < conceptStarts[b + 1]!; k++) {
      const c = concepts[k]!;
      if (c < learned) cells.set(c * result.documents.length + d, (cells.get(c * result.documents.length + d) ?? 0) + 1);
    }
  }
  const rows: CsvCell[][] = [['concept', 'document', 'count', 'relative_frequency', 'strength', 'prominence']];
  for (let c = 0; c < learned; c++) {
    const size = result.concepts[c]!.count;
    for (let d = 0; d < result.documents.length; d++) {
      const count = cells.get(c * result.documents.length + d);
      if (count === undefined) continue;
      rows.push([result.concepts[c]!.label, result.documents[d]!.id, count, count / docBlocks[d]!, count / size, (count * active) / (size * docBlocks[d]!)]);
    }
  }
  return toCsv(rows, options);
}
