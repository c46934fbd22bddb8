/**
 * The `.qdpx` entry of the reader map: a REFI-QDA project's text sources as documents, so
 * `leximap analyze project.qdpx` analyses the project's texts. Ids are `<file id>#<source>`,
 * and each document is tagged with its own `file:` name, its sets and cases.
 */
import type { Document } from '@leximap/core';
import type { ReaderNote } from '../read/Reader.ts';
import type { SourceFile } from '../read/SourceFile.ts';
import { readQdpx } from './readQdpx.ts';

/** A source whose text is missing is left out with a note (its selections cannot be placed). */
export async function readQdpxDocuments(bytes: Uint8Array, source: SourceFile, _options?: unknown, notes?: ReaderNote[]): Promise<Document[]> {
  const project = readQdpx(bytes, { file: source.path });
  for (const s of project.skippedSources ?? []) {
    const selections = s.selections === 0 ? '' : ` with ${s.selections} coded selection${s.selections === 1 ? '' : 's'}`;
    notes?.push({ path: source.path, reason: `source "${s.name}"${selections} left out: ${s.reason}` });
  }
  const folderTags = source.tags.filter((tag) => !tag.startsWith('file:'));
  return (project.documents ?? []).map((doc) => ({
    ...doc,
    id: `${source.id}#${doc.id}`,
    path: `${source.path}#${doc.id}`,
    tags: [...folderTags, `file:${doc.name}`, ...doc.tags],
  }));
}
