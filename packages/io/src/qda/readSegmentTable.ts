/**
 * Reads a table of coded segments: MAXQDA's "coded segments" export (XLSX or CSV, columns
 * `Document name`, `Code` with `Parent\Child` paths, `Beginning`, `End`, `Segment` …) or a plain
 * `document,code,segment` CSV (paths may use ` > `). Columns are found by name (English, and the
 * German, Spanish, French and Portuguese UI names); failing that, by MAXQDA's column order.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { LeximapError } from '@leximap/core';
import { newWorkbook } from '../read/readXlsx.ts';
import { decodeSourceText } from './decodeSourceText.ts';
import { checkZip, type ZipLimits } from '../read/openZip.ts';

/** One coded segment as the table gives it, before it is located in a document. */
export interface SegmentRow {
  document: string;
  /** Code path from the top-level code. */
  code: string[];
  segment: string;
  /** MAXQDA paragraph numbers (1-based), when the table has them. */
  begin?: number;
  end?: number;
  /** Row number in the file (1-based, header = 1), for messages. */
  row: number;
}

export interface SegmentTable {
  format: 'maxqda-xlsx' | 'maxqda-csv' | 'csv';
  rows: SegmentRow[];
  notes: string[];
}

const NAMES = {
  document: ['document name', 'document', 'doc', 'dokumentname', 'dokument', 'nombre del documento', 'documento', 'nom du document', 'nome do documento', 'source', 'file'],
  code: ['code', 'codes', 'código', 'codigo', 'kode', 'codice'],
  segment: ['segment', 'coded segment', 'segmento', 'text', 'texte', 'quotation', 'quote', 'content'],
  begin: ['beginning', 'begin', 'start', 'anfang', 'beginn', 'inicio', 'début', 'debut', 'início'],
  end: ['end', 'ende', 'fin', 'fim'],
} as const;

/** MAXQDA's default column order: Color, Document group, Document name, Code, Beginning, End, Weight score, Segment. */
const MAXQDA_POSITIONS = { document: 2, code: 3, begin: 4, end: 5, segment: 7 } as const;

export async function readSegmentTable(bytes: Uint8Array, options: { file: string; kind: 'csv' | 'xlsx'; limits?: Partial<ZipLimits> }): Promise<SegmentTable> {
  const { file, kind } = options;
  const grid = kind === 'xlsx' ? await xlsxGrid(bytes, file, options.limits) : csvGrid(decodeSourceText(bytes, file), file);
  const header = (grid[0] ?? []).map((cell) => cell.trim().toLowerCase());
  if (grid.length === 0 || header.every((cell) => cell === '')) throw new LeximapError('E_BAD_CODES', 'is empty; expected a header row with Document name, Code and Segment', { file });
  const notes: string[] = [];
  const find = (names: readonly string[]): number => {
    for (const name of names) {
      const index = header.indexOf(name);
      if (index >= 0) return index;
    }
    return -1;
  };
  let columns = { document: find(NAMES.document), code: find(NAMES.code), segment: find(NAMES.segment), begin: find(NAMES.begin), end: find(NAMES.end) };
  if (columns.document < 0 || columns.code < 0 || columns.segment < 0) {
    if (header.length >= 8) {
      columns = { ...MAXQDA_POSITIONS };
      notes.push(`columns not recognised by name (${header.join(', ')}); read by MAXQDA's column order`);
    } else if (header.length === 3) {
      columns = { document: 0, code: 1, segment: 2, begin: -1, end: -1 };
      notes.push('columns not recognised by name; read as document, code, segment');
    } else {
      const missing = (['document', 'code', 'segment'] as const).filter((key) => columns[key] < 0);
      throw new LeximapError('E_BAD_CODES', `has no ${missing.join(', ')} column (header: ${header.join(', ')}); expected Document name, Code, Segment`, { file });
    }
  }
  const maxqda = kind === 'xlsx' || columns.begin >= 0 || header.includes('document name');
  const rows: SegmentRow[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] as string[];
    const document = (cells[columns.document] ?? '').trim();
    const codeText = (cells[columns.code] ?? '').trim();
    const segment = cells[columns.segment] ?? '';
    if (!document && !codeText && !segment.trim()) continue;
    if (!document || !codeText) throw new LeximapError('E_BAD_CODES', `row ${r + 1} has no ${document ? 'code' : 'document'}`, { file });
    const row: SegmentRow = { document, code: splitCodePath(codeText), segment, row: r + 1 };
    const begin = Number.parseInt(cells[columns.begin] ?? '', 10);
    const end = Number.parseInt(cells[columns.end] ?? '', 10);
    if (columns.begin >= 0 && Number.isFinite(begin)) row.begin = begin;
    if (columns.end >= 0 && Number.isFinite(end)) row.end = end;
    rows.push(row);
  }
  return { format: kind === 'xlsx' ? 'maxqda-xlsx' : maxqda ? 'maxqda-csv' : 'csv', rows, notes };
}

/** Splits `Parent\Child` (MAXQDA) or `Parent > Child` into names. */
export function splitCodePath(code: string): string[] {
  const parts = code.includes('\\') ? code.split('\\') : code.split(/\s+>\s+/);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function csvGrid(text: string, file: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n/) >>> 0);
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (cause) {
    throw new LeximapError('E_BAD_CODES', `is not a readable CSV (${cause instanceof Error ? cause.message : String(cause)})`, { file, cause });
  }
}

async function xlsxGrid(bytes: Uint8Array, file: string, limits?: Partial<ZipLimits>): Promise<string[][]> {
  checkZip(bytes, file, { limits, code: 'E_BAD_CODES', notZip: 'is not a readable .xlsx file; open and re-save it in Excel' });
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new LeximapError('E_BAD_CODES', `is not a readable XLSX workbook (${cause instanceof Error ? cause.message : String(cause)})`, { file, cause });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new LeximapError('E_BAD_CODES', 'has no worksheet', { file });
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (row) => row ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return cell.text ?? String(value);
}
