/**
 * CSV text per RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line
 * break, quotes doubled. Text cells starting with `=`, `+`, `-`, `@`, tab or CR are prefixed with
 * `'` so that Excel does not run them as formulas (OWASP "CSV injection"); numbers are written
 * as numbers. A UTF-8 byte-order mark by default, so that Excel reads accents and emoji right.
 */
import { roundNumber } from './roundNumber.ts';

/** A CSV cell: text is escaped, a number is written rounded, undefined is an empty cell. */
export type CsvCell = string | number | undefined;

/** Options of the CSV writers. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (Excel needs it to read the file as UTF-8). @default true */
  bom?: boolean;
}

const FORMULA = /^[=+\-@\t\r]/;
const QUOTE = /[",\r\n]/;

export function csvCell(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(roundNumber(cell)) : '';
  const text = FORMULA.test(cell) ? `'${cell}` : cell;
  return QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is the header) as CSV text. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
