import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../../src/read/readDocuments.ts';
import type { SourceFile } from '../../src/read/SourceFile.ts';
import { makeDocx, makeDocxTable } from '../fixtures/makeDocx.ts';
import { tempDir } from '../fixtures/tempDir.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

function source(path: string, id = path.split('/').pop()!): SourceFile {
  const file = id.split('/').pop()!;
  const name = file.slice(0, file.lastIndexOf('.'));
  return { path, relativePath: id, id, name, tags: [`file:${name}`] };
}

describe('readDocuments', () => {
  it('readDocuments(…) reads a text file as one document with its paragraphs', async () => {
    const path = fixture('corpus/organisers/P04-lin.txt');
    const [doc, ...rest] = await readDocuments({ path, relativePath: 'organisers/P04-lin.txt', id: 'organisers/P04-lin.txt', name: 'P04-lin', tags: ['folder:organisers', 'file:P04-lin'] });
    expect(rest).toStrictEqual([]);
    expect(doc).toMatchObject({ id: 'organisers/P04-lin.txt', name: 'P04-lin', path, tags: ['folder:organisers', 'file:P04-lin'] });
    expect(doc!.text).toBe(await readFile(path, 'utf8'));
    expect(doc!.paragraphs.map((p) => p.speaker)).toStrictEqual([undefined, 'Interviewer', 'Lin', 'Lin']);
  });

  it('readDocuments(…) strips a BOM so that offsets start at the first character', async () => {
    const [doc] = await readDocuments(source(fixture('text/bom.txt')));
    expect(doc!.text).toBe('Interviewer: Café?\n');
    expect(doc!.paragraphs).toStrictEqual([{ start: 13, end: 18, speaker: 'Interviewer' }]);
  });

  it('readDocuments(…) keeps CRLF exactly as read', async () => {
    const [doc] = await readDocuments(source(fixture('text/crlf.txt')));
    expect(doc!.text).toBe('Interviewer: First question?\r\n\r\nDan: First answer.\r\nStill Dan.\r\n\r\nInterviewer: Second?\r\n');
  });

  it('readDocuments(…) reads UTF-16 with a byte-order mark', async () => {
    const [doc] = await readDocuments(source(fixture('text/utf16.txt')));
    expect(doc!.text).toBe('Dan: Hej å!\n');
  });

  it('readDocuments(…) rejects a binary file with E_BINARY', async () => {
    const path = fixture('text/binary.txt');
    await expect(readDocuments(source(path))).rejects.toMatchObject({ code: 'E_BINARY', file: path, message: `${path}: this is a binary file, not text (a NUL byte at offset 4); convert it to .txt, .docx or .csv first` });
    await expect(readDocuments(source(fixture('text/control.txt')))).rejects.toMatchObject({ code: 'E_BINARY' });
  });

  it('readDocuments(…) decodes a Latin-1 file and records the encoding on the document', async () => {
    const [doc] = await readDocuments(source(fixture('text/latin1.txt')));
    expect(doc).toMatchObject({ text: 'Interviewer: Café au lait?\n', encoding: 'ISO-8859-1', paragraphs: [{ start: 13, end: 26, speaker: 'Interviewer' }] });
  });

  it('readDocuments(…) says when a file ends inside a character', async () => {
    await expect(readDocuments(source(fixture('text/truncated.txt')))).rejects.toThrow(/not valid UTF-8: it ends inside a character \(byte offset 8\)/);
  });

  it('readDocuments(…) gives an empty file one document without paragraphs', async () => {
    const [doc] = await readDocuments(source(fixture('text/empty.txt')));
    expect(doc).toMatchObject({ text: '\n  \n', paragraphs: [] });
  });

  it('readDocuments(…) reads a CSV row per document, text from the text column, other cells as tags', async () => {
    const path = fixture('corpus/survey.csv');
    expect(await readDocuments(source(path))).toStrictEqual([
      { id: 'survey.csv#2', name: 'survey#2', path, tags: ['file:survey', 'id:r1', 'site:Lagos'], text: 'We met every Saturday, rain or shine.', paragraphs: [{ start: 0, end: 37 }] },
      { id: 'survey.csv#3', name: 'survey#3', path, tags: ['file:survey', 'id:r2', 'site:Oslo'], text: 'Mentors helped.\r\nA lot.', paragraphs: [{ start: 0, end: 15 }, { start: 17, end: 23 }] },
    ]);
  });

  it('readDocuments(…) detects a ; delimiter and takes the longest column as text', async () => {
    const docs = await readDocuments(source(fixture('tables/semicolon.csv')));
    expect(docs.map((d) => [d.id, d.text, d.tags])).toStrictEqual([
      ['semicolon.csv#2', 'I joined in 2020; it was fun.', ['file:semicolon', 'Participant:P1']],
      ['semicolon.csv#3', "=cmd|' /C calc'!A0", ['file:semicolon', 'Participant:P2']],
    ]);
  });

  it('readDocuments(…) takes the textColumn option, and names the columns when it is missing', async () => {
    const path = fixture('tables/semicolon.csv');
    expect((await readDocuments(source(path), { textColumn: 'participant' })).map((d) => d.text)).toStrictEqual(['P1', 'P2']);
    await expect(readDocuments(source(path), { textColumn: 'Quote' })).rejects.toMatchObject({
      code: 'E_OPTION',
      message: `${path}: option textColumn: got "Quote", expected one of the columns "Participant", "Answer"`,
    });
  });

  it('readDocuments(…) reads an XLSX row per document with its spreadsheet row number', async () => {
    const dir = await tempDir();
    const path = join(dir, 'answers.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Answers');
    sheet.addRow(['Site', 'Text', 'When']);
    sheet.addRow(['Lagos', 'We met on Saturdays.', new Date(Date.UTC(2024, 2, 3))]);
    sheet.addRow([]);
    sheet.addRow(['Oslo', { richText: [{ text: 'Rich ' }, { text: 'text.' }] }, 7]);
    await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const docs = await readDocuments(source(path));
    expect(docs.map((d) => [d.id, d.text, d.tags, d.paragraphs])).toStrictEqual([
      ['answers.xlsx#2', 'We met on Saturdays.', ['file:answers', 'Site:Lagos', 'When:2024-03-03'], [{ start: 0, end: 20 }]],
      ['answers.xlsx#4', 'Rich text.', ['file:answers', 'Site:Oslo', 'When:7'], [{ start: 0, end: 10 }]],
    ]);
  });

  it('readDocuments(…) reads a .docx as its raw text, one paragraph per Word paragraph', async () => {
    const dir = await tempDir();
    const path = join(dir, 'P07-ana.docx');
    await writeFile(path, makeDocx(['Interviewer: Where do you edit?', 'Ana: At the library & at home.']));
    const [doc] = await readDocuments(source(path));
    expect(doc!.text).toBe('Interviewer: Where do you edit?\n\nAna: At the library & at home.\n\n');
    expect(doc!.paragraphs).toStrictEqual([
      { start: 13, end: 31, speaker: 'Interviewer' },
      { start: 38, end: 63, speaker: 'Ana' },
    ]);
  });

  it('readDocuments(…) reads a .docx transcript laid out as a table of speaker and text columns with its speakers', async () => {
    const dir = await tempDir();
    const path = join(dir, 'P08-sam.docx');
    await writeFile(
      path,
      makeDocxTable([
        ['Interviewer', 'Where do you edit?'],
        ['Sam', 'At the library.'],
        ['Interviewer', 'Why there?'],
        ['Sam', 'The librarians help.'],
      ]),
    );
    const [doc] = await readDocuments(source(path));
    expect(doc!.paragraphs.map((p) => [p.speaker, doc!.text.slice(p.start, p.end)])).toStrictEqual([
      ['Interviewer', 'Where do you edit?'],
      ['Sam', 'At the library.'],
      ['Interviewer', 'Why there?'],
      ['Sam', 'The librarians help.'],
    ]);
  });

  it('readDocuments(…) rejects a .docx that is not a zip with E_PARSE', async () => {
    const dir = await tempDir();
    const path = join(dir, 'fake.docx');
    await writeFile(path, 'plain text, not Word');
    await expect(readDocuments(source(path))).rejects.toMatchObject({ code: 'E_PARSE', file: path });
  });

  it('readDocuments(…) refuses a .docx that declares gigabytes of content with E_UNSAFE_INPUT', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let central = zip.length - 4;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, 0xf0000000, true);
    const dir = await tempDir();
    const path = join(dir, 'bomb.docx');
    await writeFile(path, zip);
    await expect(readDocuments(source(path))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT', file: path });
  });

  it('readDocuments(…) rejects an unknown extension with E_UNSUPPORTED and a missing file with E_NOT_FOUND', async () => {
    await expect(readDocuments(source('notes.pages'))).rejects.toMatchObject({ code: 'E_UNSUPPORTED' });
    await expect(readDocuments(source('no/such.txt'))).rejects.toMatchObject({ code: 'E_NOT_FOUND', file: 'no/such.txt' });
  });
});
