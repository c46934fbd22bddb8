/**
 * Rows of a table (CSV, XLSX) as documents: one row per document, the text from one column, the
 * other short cells as tags `column:value`. Longer cells are free text, not categories, and are
 * not made tags; nor is a column with a different value in every row (an `id`, a timestamp): a
 * tag groups rows, and 100,000 rows would make 100,000 tag concepts.
 */
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import { parseParagraphs } from './parseParagraphs.ts';
import type { ReaderNote } from './Reader.ts';
import type { ReadOptions } from './ReadOptions.ts';
import type { SourceFile } from './SourceFile.ts';

/** Cells longer than this (after collapsing whitespace) do not become tags. */
export const MAX_TAG_VALUE = 100;

/** From this many rows on, a column with a different value in each row is not made tags. */
export const MIN_ROWS_FOR_DISTINCT_CHECK = 20;

/** A table read from a file: the header and the data rows with their row numbers (header = 1). */
export interface Table {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

function uniqueHeader(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw.trim().replace(/\s+/g, ' ') || `column ${i + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function chooseTextColumn(table: Table, header: readonly string[], options: ReadOptions, file: string): number {
  if (options.textColumn !== undefined) {
    let index = header.indexOf(options.textColumn);
    if (index === -1) index = header.findIndex((name) => name.toLowerCase() === options.textColumn!.toLowerCase());
    if (index === -1) {
      throw new LeximapError('E_OPTION', `option textColumn: got ${JSON.stringify(options.textColumn)}, expected one of the columns ${header.map((h) => JSON.stringify(h)).join(', ')}`, {
        file,
      });
    }
    return index;
  }
  const named = header.findIndex((name) => name.toLowerCase() === 'text');
  if (named !== -1) return named;
  let best = 0;
  let bestLength = -1;
  for (let c = 0; c < header.length; c++) {
    let length = 0;
    for (const { cells } of table.rows) length += (cells[c] ?? '').trim().length;
    if (length > bestLength) {
      best = c;
      bestLength = length;
    }
  }
  return best;
}

function tagValue(cell: string | undefined): string {
  return (cell ?? '').trim().replace(/\s+/g, ' ');
}

/** Columns whose values differ in every row with text (at least MIN_ROWS_FOR_DISTINCT_CHECK of them). */
function distinctColumns(table: Table, header: readonly string[], textColumn: number): Set<number> {
  const rows = table.rows.filter(({ cells }) => (cells[textColumn] ?? '').trim() !== '');
  const out = new Set<number>();
  if (rows.length < MIN_ROWS_FOR_DISTINCT_CHECK) return out;
  for (let c = 0; c < header.length; c++) {
    if (c === textColumn) continue;
    const values = new Set<string>();
    let distinct = true;
    for (const { cells } of rows) {
      const value = tagValue(cells[c]);
      if (value === '' || values.has(value)) {
        distinct = false;
        break;
      }
      values.add(value);
    }
    if (distinct) out.add(c);
  }
  return out;
}

/** One document per row with text; ids are `<source id>#<row>`. Columns not made tags are noted on `notes`. */
export function tableDocuments(table: Table, source: SourceFile, options: ReadOptions, notes?: ReaderNote[]): Document[] {
  if (table.header.length === 0) return [];
  const header = uniqueHeader(table.header);
  const textColumn = chooseTextColumn(table, header, options, source.path);
  const distinct = distinctColumns(table, header, textColumn);
  for (const c of distinct) {
    notes?.push({ path: source.path, reason: `column "${header[c]!}" has a different value in each row, so it is not made tags (a tag groups rows)` });
  }
  const documents: Document[] = [];
  for (const { row, cells } of table.rows) {
    const text = cells[textColumn] ?? '';
    if (text.trim() === '') continue;
    const tags = [...source.tags];
    for (let c = 0; c < header.length; c++) {
      if (c === textColumn || distinct.has(c)) continue;
      const value = tagValue(cells[c]);
      if (value !== '' && value.length <= MAX_TAG_VALUE) tags.push(`${header[c]!}:${value}`);
    }
    documents.push({ id: `${source.id}#${row}`, name: `${source.name}#${row}`, path: source.path, tags, text, paragraphs: parseParagraphs(text) });
  }
  return documents;
}
