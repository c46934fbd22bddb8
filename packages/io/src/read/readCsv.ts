/**
 * CSV via csv-parse. The delimiter is the one of `,` `;` `\t` that is most frequent outside
 * quotes on the first line (Excel writes `;` in many locales).
 */
import { parse } from 'csv-parse/sync';
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import { decodeText } from './decodeText.ts';
import type { ReaderNote } from './Reader.ts';
import type { ReadOptions } from './ReadOptions.ts';
import type { SourceFile } from './SourceFile.ts';
import { tableDocuments } from './tableDocuments.ts';

function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Reads a `.csv` table: one document per row (see `tableDocuments`). */
export async function readCsv(bytes: Uint8Array, source: SourceFile, options: ReadOptions, notes?: ReaderNote[]): Promise<Document[]> {
  const text = decodeText(bytes, source.path);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true }) as string[][];
  } catch (cause) {
    throw new LeximapError('E_PARSE', `not a readable CSV file (${cause instanceof Error ? cause.message : String(cause)})`, { file: source.path, cause });
  }
  const [header = [], ...rest] = records;
  return tableDocuments({ header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) }, source, options, notes);
}
