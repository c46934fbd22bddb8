import type { Document } from '@leximap/core';
import { decodeTextDetailed } from './decodeText.ts';
import { parseParagraphs } from './parseParagraphs.ts';
import type { SourceFile } from './SourceFile.ts';

/** Reads a `.txt` or `.md` file as one document (UTF-8, UTF-16 or a detected legacy encoding, see `decodeText`), text kept exactly as read. */
export async function readTextFile(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const { text, encoding } = decodeTextDetailed(bytes, source.path);
  const doc: Document = { id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs: parseParagraphs(text) };
  if (encoding !== 'UTF-8') doc.encoding = encoding;
  return [doc];
}
