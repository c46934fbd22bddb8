/**
 * CSV text per RFC 4180, written by csv-stringify (the writer of the csv-parse project leximap
 * reads CSV with): CRLF line ends, fields quoted when they hold a quote, comma or line break,
 * quotes doubled. Text cells starting with `=`, `+`, `-`, `@`, tab or CR are prefixed with `'` so
 * that Excel does not run them as formulas (OWASP "CSV injection"); numbers are written as
 * numbers, rounded. A UTF-8 byte-order mark by default, so that Excel reads accents and emoji right.
 */
import { stringify, type Options } from 'csv-stringify/sync';
import { roundNumber } from './roundNumber.ts';

/** A CSV cell: text is escaped, a number is written rounded, undefined is an empty cell. */
export type CsvCell = string | number | undefined;

/** Options of the CSV writers. */
export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (Excel needs it to read the file as UTF-8). @default true */
  bom?: boolean;
}

const FORMULA = /^[=+\-@\t\r]/;

const CSV: Options = {
  record_delimiter: 'windows',
  cast: {
    string: (text) => (FORMULA.test(text) ? `'${text}` : text),
    number: (n) => (Number.isFinite(n) ? String(roundNumber(n)) : ''),
  },
};

/** One cell as it stands in a CSV row. */
export function csvCell(cell: CsvCell): string {
  return stringify([[cell]], { ...CSV, eof: false });
}

/** Rows (the first is the header) as CSV text. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  return stringify(rows as CsvCell[][], { ...CSV, bom: options.bom !== false });
}
