/**
 * The files of a comparison, the same from `leximap analyze --codes` and `leximap compare`:
 * compare.json (the comparison, floats rounded as in result.json), compare.csv, summary.md, the
 * glossary it links to, and leximap-concepts.qdpx (the concepts as codes, merged into a copy of
 * the user's project when the codes came from one), when every document's text is at hand.
 *
 * compare.json leaves out `codes[].concept`, the link from a code to its tag concept on the map:
 * only a result analysed with `--codes` has those tags, and the comparison itself does not
 * depend on them, so both routes write the same bytes.
 */
import type { ComparisonResult, LeximapResult } from '@leximap/core';
import { roundNumber } from '@leximap/io';
import { exportConcepts, type DocumentTexts } from '../exportConcepts.ts';
import { compareCsv } from './compareCsv.ts';
import { compareSummary } from './compareSummary.ts';
import { GLOSSARY } from './glossary.ts';

/** Where the concepts-as-codes go. */
export interface ComparisonFileOptions {
  /** The user's .qdpx project the codes came from: the concepts are merged into a copy of it. */
  project?: Uint8Array;
  /** File name of `project`, for messages. */
  projectFile?: string;
}

/** compare.json's text: the comparison without the map links of the codes. */
export function comparisonJson(comparison: ComparisonResult): string {
  const portable = { ...comparison, codes: comparison.codes.map(({ concept: _concept, ...code }) => code) };
  return `${JSON.stringify(portable, (_key, value: unknown) => (typeof value === 'number' ? roundNumber(value) : value), 2)}\n`;
}

export function comparisonFiles(result: LeximapResult, comparison: ComparisonResult, texts: DocumentTexts, options: ComparisonFileOptions = {}): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    'compare.json': comparisonJson(comparison),
    'compare.csv': compareCsv(result, comparison),
    'summary.md': compareSummary(result, comparison),
    'glossary.md': GLOSSARY,
  };
  if (result.documents.every((doc) => texts.has(doc.id))) {
    files['leximap-concepts.qdpx'] = exportConcepts(result, texts, { ...(options.project ? { project: options.project } : {}), ...(options.projectFile ? { projectFile: options.projectFile } : {}) });
  }
  return files;
}
