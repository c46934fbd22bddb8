import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LeximapError } from '@leximap/core';
import type { Document } from '@leximap/core';
import type { ReadOptions } from './ReadOptions.ts';
import { READERS } from './readers.ts';
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
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source.path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new LeximapError('E_NOT_FOUND', code === 'ENOENT' ? 'no such file; check the path' : `cannot be read (${code ?? String(cause)})`, {
      file: source.path,
      cause,
    });
  }
  return reader(bytes, source, options);
}
