import { extname } from 'node:path';
import { findLongTokens, LeximapError, MAX_TOKEN_LENGTH } from '@leximap/core';
import type { Document } from '@leximap/core';
import type { ReadOptions } from './ReadOptions.ts';
import { decodeText } from './decodeText.ts';
import { readBytes } from './readBytes.ts';
import type { ReaderNote } from './Reader.ts';
import { READERS } from './readers.ts';
import { readTextFile } from './readTextFile.ts';
import type { SourceFile } from './SourceFile.ts';

/**
 * Reads one source file into its documents: one for a text or Word file, one per row with text
 * for a table. What is left out on purpose (see `Reader`) is pushed onto `notes`, and so is each
 * word too long to be one (see `findLongTokens`).
 */
export async function readDocuments(source: SourceFile, options: ReadOptions = {}, notes?: ReaderNote[]): Promise<Document[]> {
  const extension = extname(source.path).toLowerCase();
  const reader = READERS[extension];
  if (reader === undefined) {
    throw new LeximapError('E_UNSUPPORTED', `cannot read ${extension || 'files without an extension'}; leximap reads ${Object.keys(READERS).join(' ')}`, {
      file: source.path,
    });
  }
  const documents = await reader(await readBytes(source.path), source, options, notes);
  if (notes) for (const document of documents) noteLongTokens(document, source.path, notes);
  return documents;
}

function noteLongTokens(document: Document, path: string, notes: ReaderNote[]): void {
  const long = findLongTokens(document.text);
  if (long.length === 0) return;
  const longest = long.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const where = document.id.includes('#') ? ` (${document.id.slice(document.id.indexOf('#') + 1)})` : '';
  notes.push({
    path,
    reason: `${long.length === 1 ? 'a run' : `${long.length} runs`} of over ${MAX_TOKEN_LENGTH} characters without a space${where}, the longest ${longest.end - longest.start} at character ${longest.start}, left out of the analysis (no word is that long)`,
  });
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
