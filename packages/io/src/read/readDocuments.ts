import { extname } from 'node:path';
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import type { ReadOptions } from './ReadOptions.ts';
import { decodeText } from './decodeText.ts';
import { readBytes } from './readBytes.ts';
import { READERS } from './readers.ts';
import { readTextFile } from './readTextFile.ts';
import type { SourceFile } from './SourceFile.ts';

/** Reads one source file into its documents: one for a text or Word file, one per row with text for a table. */
export async function readDocuments(source: SourceFile, options: ReadOptions = {}): Promise<Document[]> {
  const extension = extname(source.path).toLowerCase();
  const reader = READERS[extension];
  if (reader === undefined) {
    throw new LeximapError('E_UNSUPPORTED', `cannot read ${extension || 'files without an extension'}; leximap reads ${Object.keys(READERS).join(' ')}`, {
      file: source.path,
    });
  }
  return reader(await readBytes(source.path), source, options);
}

/**
 * The texts of a file's documents, as `readDocuments` gives them, without the work only tokenising
 * needs (a text file's paragraphs): what quotes read again.
 */
export async function readDocumentTexts(source: SourceFile, options: ReadOptions = {}): Promise<string[]> {
  const extension = extname(source.path).toLowerCase();
  if (READERS[extension] === readTextFile) return [decodeText(await readBytes(source.path), source.path)];
  return (await readDocuments(source, options)).map((d) => d.text);
}
