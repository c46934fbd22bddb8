/**
 * XLSX via exceljs: the first worksheet (or `options.sheet`), its first non-empty row as the
 * header. Cells become text without depending on the time zone (dates as ISO 8601).
 */
import type ExcelJS from 'exceljs';
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import { checkZip } from './openZip.ts';
import type { ReaderNote } from './Reader.ts';
import type { ReadOptions } from './ReadOptions.ts';
import { requireCjs } from './requireCjs.ts';
import type { SourceFile } from './SourceFile.ts';
import { tableDocuments } from './tableDocuments.ts';
import type { Table } from './tableDocuments.ts';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/** An exceljs workbook; exceljs is loaded on first use (it takes ~0.24 s to require, which every worker and command would pay). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const Excel = requireCjs<typeof ExcelJS>('exceljs');
  return new Excel.Workbook();
}

/** Reads an `.xlsx` workbook: one document per row (see `tableDocuments`). */
export async function readXlsx(bytes: Uint8Array, source: SourceFile, options: ReadOptions, notes?: ReaderNote[]): Promise<Document[]> {
  checkZip(bytes, source.path, { code: 'E_PARSE', notZip: 'not a readable .xlsx file; open and re-save it in Excel' });
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new LeximapError('E_PARSE', `not a readable .xlsx file (${cause instanceof Error ? cause.message : String(cause)}); open and re-save it in Excel`, {
      file: source.path,
      cause,
    });
  }
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (sheet === undefined) {
    const names = workbook.worksheets.map((w) => JSON.stringify(w.name)).join(', ');
    throw new LeximapError('E_OPTION', `option sheet: got ${JSON.stringify(options.sheet)}, expected one of the worksheets ${names}`, { file: source.path });
  }
  const table: Table = { header: [], rows: [] };
  let headerSeen = false;
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c).value));
    if (!headerSeen) {
      table.header = cells;
      headerSeen = true;
    } else {
      table.rows.push({ row: number, cells });
    }
  });
  return tableDocuments(table, source, options, notes);
}
