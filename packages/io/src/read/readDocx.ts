import type Mammoth from 'mammoth';
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import { checkZip } from './openZip.ts';
import { parseParagraphs } from './parseParagraphs.ts';
import { requireCjs } from './requireCjs.ts';
import type { SourceFile } from './SourceFile.ts';

/** Reads a `.docx` as one document whose text is mammoth's raw text (paragraphs end with a blank line). */
export async function readDocx(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  checkZip(bytes, source.path, { code: 'E_PARSE', notZip: 'not a readable .docx file; open and re-save it in Word' });
  let text: string;
  try {
    // Loaded on first use: mammoth takes ~0.08 s to require, which every worker and command would pay.
    const mammoth = requireCjs<typeof Mammoth>('mammoth');
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    text = result.value;
  } catch (cause) {
    throw new LeximapError('E_PARSE', `not a readable .docx file (${cause instanceof Error ? cause.message : String(cause)}); open and re-save it in Word`, {
      file: source.path,
      cause,
    });
  }
  return [{ id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs: parseParagraphs(text) }];
}
