/**
 * Reads any supported manual coding by its extension: `.qdpx` (REFI-QDA project), `.qdc`
 * (REFI-QDA codebook), `.xlsx` (MAXQDA coded segments) or `.csv`/`.tsv` (MAXQDA coded segments
 * or plain `document,code,segment`). Tables need the corpus to locate their segments in.
 */
import { basename, extname } from 'node:path';
import { LeximapError, type Document } from '@leximap/core';
import { readBytes } from '../read/readBytes.ts';
import { anchorSegments } from './anchorSegments.ts';
import type { ManualCoding } from './manualCoding.ts';
import { readQdc } from './readQdc.ts';
import { readQdpx } from './readQdpx.ts';
import { readSegmentTable } from './readSegmentTable.ts';
import type { ZipLimits } from '../read/openZip.ts';

/** Options of {@link readManualCoding}. */
export interface ManualCodingOptions {
  /** Documents to locate table segments in (required for `.csv`/`.xlsx`). */
  documents?: readonly Document[];
  /** Segments whose document is not in the corpus: refuse or report as unresolved. @default 'error' */
  missingDocuments?: 'error' | 'skip';
  /** Zip-bomb limits for `.qdpx` and `.xlsx`. @default ZIP_LIMITS */
  limits?: Partial<ZipLimits>;
}

export const MANUAL_CODING_EXTENSIONS = ['.qdpx', '.qdc', '.xlsx', '.csv', '.tsv'] as const;

export async function readManualCoding(path: string, options: ManualCodingOptions = {}): Promise<ManualCoding> {
  const file = basename(path);
  const extension = extname(path).toLowerCase();
  if (!(MANUAL_CODING_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new LeximapError('E_UNSUPPORTED', `is not a manual coding file; expected ${MANUAL_CODING_EXTENSIONS.join(', ')}`, { file: path });
  }
  const bytes = await readBytes(path);
  if (extension === '.qdpx') return readQdpx(bytes, { file, limits: options.limits });
  if (extension === '.qdc') return readQdc(bytes, { file });
  const table = await readSegmentTable(bytes, { file, kind: extension === '.xlsx' ? 'xlsx' : 'csv', limits: options.limits });
  if (!options.documents) {
    throw new LeximapError('E_BAD_CODES', 'is a table of coded segments; its segments can only be located with the transcripts they were coded in', { file });
  }
  return anchorSegments(table, options.documents, { file, missingDocuments: options.missingDocuments });
}
