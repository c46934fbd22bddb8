import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSegmentTable, splitCodePath } from '../../src/qda/readSegmentTable.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readSegmentTable', () => {
  it('readSegmentTable(…) maps MAXQDA English columns by name and splits Parent\\Child paths', async () => {
    const csv = 'Color,Document group,Document name,Code,Beginning,End,Weight score,Segment\n#ff0000,G,P1,Mentoring\\Finding,3,4,0,"a mentor, found"\n';
    const table = await readSegmentTable(bytes(csv), { file: 'm.csv', kind: 'csv' });
    expect(table.format).toBe('maxqda-csv');
    expect(table.rows).toEqual([{ document: 'P1', code: ['Mentoring', 'Finding'], segment: 'a mentor, found', begin: 3, end: 4, row: 2 }]);
  });
  it('readSegmentTable(…) falls back to MAXQDA column positions for other UI languages', async () => {
    const csv = 'Farbe;Dokumentgruppe;Dokumentname;Kode;Anf;End;Gewicht;Seg\n#f00;G;P2;A\\B;1;1;0;Text hier\n';
    const table = await readSegmentTable(bytes(csv), { file: 'de.csv', kind: 'csv' });
    expect(table.rows).toEqual([{ document: 'P2', code: ['A', 'B'], segment: 'Text hier', begin: 1, end: 1, row: 2 }]);
    expect(table.notes[0]).toMatch(/read by MAXQDA's column order/);
  });
  it('readSegmentTable(…) reads a plain document,code,segment CSV with " > " paths', async () => {
    const table = await readSegmentTable(bytes('document,code,segment\nP4,Purposes > Feature engineering,"We can, from that"\n'), { file: 'p.csv', kind: 'csv' });
    expect(table.format).toBe('csv');
    expect(table.rows).toEqual([{ document: 'P4', code: ['Purposes', 'Feature engineering'], segment: 'We can, from that', row: 2 }]);
  });
  it('readSegmentTable(…) reads a MAXQDA XLSX export', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Coded segments');
    sheet.addRow(['Color', 'Document group', 'Document name', 'Code', 'Beginning', 'End', 'Weight score', 'Segment']);
    sheet.addRow(['#00ff00', '', 'P3', 'Tools\\Scatter', 7, 7, 0, 'scatter plots']);
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readSegmentTable(buffer, { file: 'm.xlsx', kind: 'xlsx' });
    expect(table.format).toBe('maxqda-xlsx');
    expect(table.rows).toEqual([{ document: 'P3', code: ['Tools', 'Scatter'], segment: 'scatter plots', begin: 7, end: 7, row: 2 }]);
  });
  it('readSegmentTable(…) refuses a table without the needed columns, naming them', async () => {
    await expect(readSegmentTable(bytes('a,b\n1,2\n'), { file: 'x.csv', kind: 'csv' })).rejects.toThrow('x.csv: has no document, code, segment column (header: a, b); expected Document name, Code, Segment');
  });
  it('splitCodePath(…) trims parts and drops empty ones', () => {
    expect(splitCodePath(' A \\ B\\')).toEqual(['A', 'B']);
    expect(splitCodePath('A > B > C')).toEqual(['A', 'B', 'C']);
    expect(splitCodePath('A>B')).toEqual(['A>B']);
  });
});
