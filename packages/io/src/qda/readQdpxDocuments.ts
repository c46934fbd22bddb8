/**
 * The `.qdpx` entry of the reader map: a REFI-QDA project's text sources as documents, so
 * `leximap analyze project.qdpx` analyses the project's texts. Ids are `<file id>#<source>`,
 * and each document is tagged with its own `file:` name, its sets and cases.
 */
import type { Document } from '@leximap/core';
import type { SourceFile } from '../read/SourceFile.ts';
import { readQdpx } from './readQdpx.ts';

export async function readQdpxDocuments(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const project = readQdpx(bytes, { file: source.path });
  const folderTags = source.tags.filter((tag) => !tag.startsWith('file:'));
  return (project.documents ?? []).map((doc) => ({
    ...doc,
    id: `${source.id}#${doc.id}`,
    path: `${source.path}#${doc.id}`,
    tags: [...folderTags, `file:${doc.name}`, ...doc.tags],
  }));
}
