/**
 * The export formats of `leximap export`, each to its files: the one table from a format name to
 * the writer that makes it (a new format is one writer file and one line here).
 */
import type { LeximapResult } from '@leximap/core';
import { resultToConceptMatrices } from './resultToConceptMatrices.ts';
import { resultToCooccurrenceCsv } from './resultToCooccurrenceCsv.ts';
import { resultToDocumentMatrix } from './resultToDocumentMatrix.ts';
import { resultToGexf } from './resultToGexf.ts';
import { resultToGraphml } from './resultToGraphml.ts';
import { resultToMarkersCsv } from './resultToMarkersCsv.ts';
import { resultToTagMatrix } from './resultToTagMatrix.ts';
import { resultToVosviewer } from './resultToVosviewer.ts';

const WRITERS = {
  markers: (r: LeximapResult) => ({ 'markers.csv': resultToMarkersCsv(r) }),
  cooccurrence: (r: LeximapResult) => ({ 'cooccurrence.csv': resultToCooccurrenceCsv(r) }),
  matrices: (r: LeximapResult) => {
    const { likelihood, prominence } = resultToConceptMatrices(r);
    return { 'likelihood.csv': likelihood, 'prominence.csv': prominence };
  },
  documents: (r: LeximapResult) => ({ 'concept-document.csv': resultToDocumentMatrix(r) }),
  tags: (r: LeximapResult) => ({ 'concept-tag.csv': resultToTagMatrix(r) }),
  graphml: (r: LeximapResult) => ({ 'concepts.graphml': resultToGraphml(r) }),
  gexf: (r: LeximapResult) => ({ 'concepts.gexf': resultToGexf(r) }),
  vosviewer: (r: LeximapResult) => {
    const { map, network, json } = resultToVosviewer(r);
    return { 'vosviewer-map.txt': map, 'vosviewer-network.txt': network, 'vosviewer.json': json };
  },
} satisfies Record<string, (result: LeximapResult) => Record<string, string>>;

export type ExportFormat = keyof typeof WRITERS;

/** Every export format, in the order `--format all` writes them. */
export const EXPORT_FORMATS = Object.keys(WRITERS) as ExportFormat[];

/** The files (name → content) of `formats` for `result`. */
export function exportFiles(result: LeximapResult, formats: readonly ExportFormat[]): Record<string, string> {
  return Object.assign({}, ...formats.map((f) => WRITERS[f](result))) as Record<string, string>;
}
