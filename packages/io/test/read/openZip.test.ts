import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip, openZip } from '../../src/read/openZip.ts';
import { readDocuments } from '../../src/read/readDocuments.ts';
import type { SourceFile } from '../../src/read/SourceFile.ts';
import { makeDocx } from '../fixtures/makeDocx.ts';
import { tempDir } from '../fixtures/tempDir.ts';

const AS_DOCX = { code: 'E_PARSE', notZip: 'not a readable .docx file' } as const;

/** Sets the declared uncompressed size of every entry, in the central directory and the local headers. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
    else if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

function source(path: string): SourceFile {
  const file = path.split('/').pop()!;
  return { path, relativePath: file, id: file, name: file.replace(/\.\w+$/, ''), tags: [] };
}

function thrown(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a throw');
}

describe('openZip', () => {
  it('openZip(…) reads the entries of an honest archive, and read(…) inflates one', () => {
    const zip = openZip(zipSync({ 'a.txt': strToU8('hello hello hello'), 'b/c.txt': strToU8('') }), 'x.zip', AS_DOCX);
    expect(zip.entries.map((e) => [e.name, e.originalSize])).toEqual([['a.txt', 17], ['b/c.txt', 0]]);
    expect(new TextDecoder().decode(zip.read('a.txt'))).toBe('hello hello hello');
  });

  it('checkZip(…) refuses an entry that inflates past its declared size, stopping there (declared sizes are not trusted)', () => {
    // 64 MB of XML declared as 4 KB: mammoth would have inflated all of it.
    const lying = declareSize(zipSync({ 'word/document.xml': new Uint8Array(64 * 2 ** 20).fill(0x3c) }), 4096);
    const error = thrown(() => checkZip(lying, 'liar.docx', AS_DOCX));
    expect(error.code).toBe('E_UNSAFE_INPUT');
    expect(error.message).toBe('liar.docx: zip entry "word/document.xml" inflates past its declared 4096 bytes; refusing a likely zip bomb');
  });

  it('checkZip(…) refuses a compression ratio over the limit before inflating', () => {
    const error = thrown(() => checkZip(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50 * 2 ** 20) }), 'bomb.xlsx', AS_DOCX));
    expect(error.code).toBe('E_UNSAFE_INPUT');
    expect(error.message).toMatch(/^bomb\.xlsx: zip entry "xl\/worksheets\/sheet1\.xml" would inflate \d+ bytes to 52428800 \(ratio over 200\)/);
  });

  it('openZip(…) refuses entries whose data overlap (one kernel inflated many times)', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'b.xml': strToU8('<b/>') });
    const view = new DataView(zip.buffer);
    let central = zip.length - 22;
    while (view.getUint32(central, true) !== 0x06054b50) central--;
    const first = view.getUint32(central + 16, true);
    const nameLength = view.getUint16(first + 28, true);
    const second = first + 46 + nameLength + view.getUint16(first + 30, true) + view.getUint16(first + 32, true);
    // The second entry points at the first one's local header.
    view.setUint32(second + 42, view.getUint32(first + 42, true), true);
    expect(thrown(() => openZip(zip, 'overlap.docx', AS_DOCX))).toMatchObject({ code: 'E_UNSAFE_INPUT', message: expect.stringMatching(/overlap/) });
  });

  it('openZip(…) calls bytes that are not a zip broken, with the code it is given', () => {
    expect(thrown(() => openZip(strToU8('plain text'), 'fake.docx', AS_DOCX))).toMatchObject({ code: 'E_PARSE', message: 'fake.docx: not a readable .docx file (no zip central directory)' });
  });

  it('readDocuments(…) refuses a .docx whose document inflates past its declared size with E_UNSAFE_INPUT', async () => {
    const docx = makeDocx(['A paragraph.']);
    const path = join(await tempDir(), 'liar.docx');
    await writeFile(path, declareSize(docx, 10));
    await expect(readDocuments(source(path))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT', file: path });
  });
});
