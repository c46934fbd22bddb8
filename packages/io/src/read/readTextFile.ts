import type { Document } from '@leximap/core';
import { decodeText } from './decodeText.ts';
import { parseParagraphs } from './parseParagraphs.ts';
import type { SourceFile } from './SourceFile.ts';

/** Reads a `.txt` or `.md` file as one document: strict UTF-8 (or UTF-16 with a BOM), text kept exactly as read. */
export async function readTextFile(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const text = decodeText(bytes, source.path);
  return [{ id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs: parseParagraphs(text) }];
}
