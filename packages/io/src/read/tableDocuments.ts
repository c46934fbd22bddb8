/**
 * Rows of a table (CSV, XLSX) as documents: one row per document, the text from one column, the
 * other short cells as tags `column:value`. Longer cells are free text, not categories, and are
 * not made tags.
 */
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import { parseParagraphs } from './parseParagraphs.ts';
import type { ReadOptions } from './ReadOptions.ts';
import type { SourceFile } from './SourceFile.ts';

/** Cells longer than this (after collapsing whitespace) do not become tags. */
export const MAX_TAG_VALUE = 100;

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

/** One document per row with text; ids are `<source id>#<row>`. */
export function tableDocuments(table: Table, source: SourceFile, options: ReadOptions): Document[] {
  if (table.header.length === 0) return [];
  const header = uniqueHeader(table.header);
  const textColumn = chooseTextColumn(table, header, options, source.path);
  const documents: Document[] = [];
  for (const { row, cells } of table.rows) {
    const text = cells[textColumn] ?? '';
    if (text.trim() === '') continue;
    const tags = [...source.tags];
    for (let c = 0; c < header.length; c++) {
      if (c === textColumn) continue;
      const value = (cells[c] ?? '').trim().replace(/\s+/g, ' ');
      if (value !== '' && value.length <= MAX_TAG_VALUE) tags.push(`${header[c]!}:${value}`);
    }
    documents.push({ id: `${source.id}#${row}`, name: `${source.name}#${row}`, path: source.path, tags, text, paragraphs: parseParagraphs(text) });
  }
  return documents;
}
