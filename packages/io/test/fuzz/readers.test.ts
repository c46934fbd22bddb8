/**
 * Every reader, fed random and mutated bytes, gives a result or a LeximapError: never another
 * exception, a crash or a hang (each run must end within RUN_TIMEOUT_MS). Inputs are random
 * bytes, valid files with bytes overwritten or cut short, and valid archives whose XML is
 * mutated (so the zip guard passes and the parsers behind it are reached).
 *
 * `pnpm test` runs FUZZ_RUNS cases per reader from a fixed seed; a longer run with fresh seeds:
 *   LEXIMAP_FUZZ_RUNS=2000 LEXIMAP_FUZZ_SEED=random pnpm vitest run packages/io/test/fuzz
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, it } from 'vitest';
import { isLeximapError } from '@leximap/core';
import { readQdc } from '../../src/qda/readQdc.ts';
import { readQdpx } from '../../src/qda/readQdpx.ts';
import { readSegmentTable } from '../../src/qda/readSegmentTable.ts';
import { READERS } from '../../src/read/readers.ts';
import { readResult } from '../../src/read/readResult.ts';
import type { SourceFile } from '../../src/read/SourceFile.ts';
import { serializeResult } from '../../src/write/serializeResult.ts';
import { makeDocx } from '../fixtures/makeDocx.ts';
import { makePdf } from '../fixtures/makePdf.ts';
import { tempDir } from '../fixtures/tempDir.ts';
import { tinyResult } from '../fixtures/tinyResult.ts';
import { g, oneSourceProject } from '../qda/makeQdpx.ts';

const FUZZ_RUNS = Number(process.env.LEXIMAP_FUZZ_RUNS ?? 60);
const SEED = process.env.LEXIMAP_FUZZ_SEED === 'random' ? undefined : Number(process.env.LEXIMAP_FUZZ_SEED ?? 21);
const RUN_TIMEOUT_MS = 20_000;
const TEST_TIMEOUT_MS = Math.max(120_000, FUZZ_RUNS * 2_000);

/** Runs `read`; a LeximapError is an answer, any other throw fails the property. */
async function answers(read: () => unknown): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!isLeximapError(error)) throw error;
  }
}

function check(input: fc.Arbitrary<Uint8Array>, read: (bytes: Uint8Array) => unknown): Promise<void> {
  return fc.assert(
    fc.asyncProperty(input, (bytes) => answers(() => read(bytes))),
    { numRuns: FUZZ_RUNS, timeout: RUN_TIMEOUT_MS, ...(SEED === undefined ? {} : { seed: SEED }) },
  );
}

/** `valid` with up to 12 bytes overwritten, then maybe cut short. */
function mutated(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .record({ edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), cut: fc.option(fc.nat(), { freq: 3 }) })
    .map(({ edits, cut }) => {
      const bytes = Uint8Array.from(valid);
      for (const [at, value] of edits) bytes[at % bytes.length] = value;
      return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
    });
}

const RTF_NOISE = ['{', '}', '\\', "\\'", "\\'zz", '\\u', '\\u-99999', '\\u99999999', '\\uc9', '\\bin', '\\bin99', '\\*', '{\\*\\x ', '{\\pict ', '{\\fonttbl{\\f0\\fcharset128 x;}}', '\\f0', '\\ansicpg932', '\\par', '\\line', '\\\n', '\\v', '\\mac', '\u0000', 'é', '99999999999'];
const XML_NOISE = ['<', '>', '&', ';', '"', "'", '/', '=', '!', '[', ']', '<!DOCTYPE x [<!ENTITY e "ee">]>', '&e;', '&#0;', '&#x1F600;', '<![CDATA[', ']]>', '<?x?>', '\u0000', '\uFFFF', 'é', '😀', '-1', '99999999999', 'NaN'];

/** `text` with pieces of XML syntax and odd values inserted and characters removed. */
function mutatedText(text: string, noise: readonly string[] = XML_NOISE): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.nat(), fc.constantFrom(...noise), fc.nat({ max: 4 })), { minLength: 1, maxLength: 8 }).map((edits) => {
    let out = text;
    for (const [at, insert, remove] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + insert + out.slice(i + remove);
    }
    return out;
  });
}

/** A valid archive whose entry `name` holds mutated text. */
function withMutatedEntry(archive: Uint8Array, name: string): fc.Arbitrary<Uint8Array> {
  const files = unzipSync(archive);
  const text = new TextDecoder().decode(files[name]);
  return mutatedText(text).map((changed) => zipSync({ ...files, [name]: strToU8(changed) }));
}

function inputs(valid: Uint8Array, entry?: string, noise?: readonly string[]): fc.Arbitrary<Uint8Array> {
  const options = [fc.uint8Array({ maxLength: 4096 }), mutated(valid)];
  if (entry !== undefined) options.push(withMutatedEntry(valid, entry));
  else options.push(mutatedText(new TextDecoder().decode(valid), noise).map(strToU8));
  return fc.oneof(...options);
}

function source(file: string): SourceFile {
  return { path: file, relativePath: file, id: file, name: file.replace(/\.\w+$/, ''), tags: [`file:${file}`] };
}

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet 1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readers under fuzzing', () => {
  let xlsx: Uint8Array;
  let segmentsXlsx: Uint8Array;
  beforeAll(async () => {
    xlsx = await workbook([['id', 'site', 'text'], ['1', 'north', 'Mentors help new editors.'], ['2', 'south', 'The library hosts a workshop.']]);
    segmentsXlsx = await workbook([['Document name', 'Code', 'Segment'], ['P1', 'Mentoring\\Finding', 'a mentor, found']]);
  });

  it('the .txt reader gives documents or a LeximapError for any bytes', () =>
    check(inputs(strToU8('Interviewer: How did you start?\n\nAmara: My mentor Lisa 😀 helped.\r\n')), (b) => READERS['.txt']!(b, source('t.txt'), {})), TEST_TIMEOUT_MS);

  it('the .csv reader gives documents or a LeximapError for any bytes', () =>
    check(inputs(strToU8('id;site;text\n1;north;"Mentors help, really"\n2;south;The library\n')), (b) => READERS['.csv']!(b, source('t.csv'), {})), TEST_TIMEOUT_MS);

  it('the .docx reader gives documents or a LeximapError for any bytes', () =>
    check(inputs(makeDocx(['Interviewer: How did you start?', 'Amara: My mentor helped.']), 'word/document.xml'), (b) => READERS['.docx']!(b, source('t.docx'), {})), TEST_TIMEOUT_MS);

  it('the .xlsx reader gives documents or a LeximapError for any bytes', () =>
    check(inputs(xlsx, 'xl/worksheets/sheet1.xml'), (b) => READERS['.xlsx']!(b, source('t.xlsx'), {})), TEST_TIMEOUT_MS);

  it('the .rtf reader gives documents or a LeximapError for any bytes', () =>
    check(
      inputs(strToU8(String.raw`{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0\fcharset0 Times;}{\f1\fcharset204 Arial;}}{\info{\title T}}{\header x\par}\pard {\b Interviewer:} How did you start?\par Amara: caf\'e9 na\u239\'3fve {\f1 \'cf\'f0}\line {\pict 0a0b}{\*\fldinst x}\bin2 ab\par}`), undefined, RTF_NOISE),
      (b) => READERS['.rtf']!(b, source('t.rtf'), {}),
    ), TEST_TIMEOUT_MS);

  it('the .odt reader gives documents or a LeximapError for any bytes', () =>
    check(
      inputs(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Interviewer: How did you start?</text:p><text:p>Amara: A photo<text:s text:c="3"/>then<text:line-break/>more.</text:p></office:text></office:body></office:document-content>') }), 'content.xml'),
      (b) => READERS['.odt']!(b, source('t.odt'), {}),
    ), TEST_TIMEOUT_MS);

  it('the .vtt and .srt readers give documents or a LeximapError for any bytes', async () => {
    await check(inputs(strToU8('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Maria>We met &amp; talked.\n\n00:00:02.000 --> 00:00:03.500\nJohn: And then?\n')), (b) => READERS['.vtt']!(b, source('t.vtt'), {}));
    await check(inputs(strToU8('1\r\n00:00:01,000 --> 00:00:02,000\r\nMARIA: We met.\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nAnd talked.\r\n')), (b) => READERS['.srt']!(b, source('t.srt'), {}));
  }, TEST_TIMEOUT_MS);

  it('the .pdf reader gives documents or a LeximapError for any bytes', () =>
    check(inputs(makePdf([[{ text: 'Interviewer: How did you start?', y: 700 }, { text: 'Amara: With a photo.', y: 680 }]])), (b) => READERS['.pdf']!(b, source('t.pdf'), {})), TEST_TIMEOUT_MS);

  it('readQdpx(…) gives a project or a LeximapError for any bytes', () =>
    check(inputs(oneSourceProject('Mentors help new editors. The library.', [[0, 7, g(1)], [8, 12, g(1)]]), 'project.qde'), (b) => readQdpx(b, { file: 'p.qdpx' })), TEST_TIMEOUT_MS);

  it('readQdc(…) gives a codebook or a LeximapError for any bytes', () =>
    check(
      inputs(strToU8(`<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${g(1)}" name="A" isCodable="false"><Code guid="${g(2)}" name="B" isCodable="true" color="#00f"/></Code></Codes><Sets><Set guid="${g(3)}" name="S"><MemberCode guid="${g(2)}"/></Set></Sets></CodeBook>`)),
      (b) => readQdc(b, { file: 'c.qdc' }),
    ), TEST_TIMEOUT_MS);

  it('readSegmentTable(…) gives segments or a LeximapError for any CSV bytes', () =>
    check(inputs(strToU8('Color,Document group,Document name,Code,Beginning,End,Weight score,Segment\n#ff0000,G,P1,Mentoring\\Finding,3,4,0,"a mentor, found"\n')), (b) => readSegmentTable(b, { file: 'm.csv', kind: 'csv' })), TEST_TIMEOUT_MS);

  it('readSegmentTable(…) gives segments or a LeximapError for any XLSX bytes', () =>
    check(inputs(segmentsXlsx, 'xl/worksheets/sheet1.xml'), (b) => readSegmentTable(b, { file: 'm.xlsx', kind: 'xlsx' })), TEST_TIMEOUT_MS);

  it('readResult(…) gives a result or a LeximapError for any bytes', async () => {
    const dir = await tempDir();
    let n = 0;
    await check(inputs(strToU8(serializeResult(tinyResult()))), async (b) => {
      const path = join(dir, `r${n++}.json`);
      await writeFile(path, b);
      return readResult(path);
    });
  }, TEST_TIMEOUT_MS);
});
