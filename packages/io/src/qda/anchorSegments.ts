/**
 * Turns a table of coded segments into a ManualCoding by locating each segment's text in the
 * corpus documents (see `locateText`). Documents are matched by id, name or file name without
 * extension, case-insensitively. The code tree is built from the code paths, parents included.
 */
import { LeximapError, type Document } from '@leximap/core';
import { locateText, searchableText, type SearchableText } from './locateText.ts';
import type { ManualCode, ManualCoding, ManualSegment, UnresolvedSegment } from './manualCoding.ts';
import { unitToCodePoint } from './offsetModes.ts';
import type { SegmentTable } from './readSegmentTable.ts';

/** Options of {@link anchorSegments}. */
export interface AnchorOptions {
  /** The coding file, for messages. */
  file: string;
  /** What to do with segments whose document is not in the corpus: refuse the file, or report them as unresolved. @default 'error' */
  missingDocuments?: 'error' | 'skip';
}

/** The key a document name is matched by: lower case, no folder, no extension. */
export function documentKey(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.[A-Za-z0-9]{1,5}$/, '').trim().toLowerCase();
}

export function anchorSegments(table: SegmentTable, documents: readonly Document[], options: AnchorOptions): ManualCoding {
  const { file } = options;
  const byKey = new Map<string, Document>();
  for (const doc of documents) {
    for (const key of [doc.id.toLowerCase(), documentKey(doc.id), doc.name.toLowerCase(), documentKey(doc.name)]) {
      if (!byKey.has(key)) byKey.set(key, doc);
    }
  }
  const find = (name: string): Document | undefined => byKey.get(name.trim().toLowerCase()) ?? byKey.get(documentKey(name));
  const missing = [...new Set(table.rows.map((row) => row.document).filter((name) => !find(name)))];
  if (missing.length > 0 && (options.missingDocuments ?? 'error') === 'error') {
    const shown = missing.slice(0, 5).map((name) => `"${name}"`).join(', ');
    const known = documents.slice(0, 5).map((doc) => `"${doc.name}"`).join(', ');
    throw new LeximapError(
      'E_BAD_CODES',
      `names ${missing.length} document${missing.length > 1 ? 's' : ''} not in the corpus (${shown}${missing.length > 5 ? ', …' : ''}); the corpus has ${known}${documents.length > 5 ? ', …' : ''}. Analyse the same transcripts that were coded`,
      { file },
    );
  }

  const codes: ManualCode[] = [];
  const codeIds = new Set<string>();
  const ensureCode = (path: string[]): string => {
    const id = path.join(' > ');
    if (codeIds.has(id)) return id;
    const code: ManualCode = { id, name: path[path.length - 1] as string, path, codable: true };
    if (path.length > 1) code.parentId = ensureCode(path.slice(0, -1));
    codeIds.add(id);
    codes.push(code);
    return id;
  };

  const prepared = new Map<Document, { search: SearchableText; toCodePoint: (unit: number) => number }>();
  const segments: ManualSegment[] = [];
  const unresolved: UnresolvedSegment[] = [];
  let loose = 0;
  let acrossTurns = 0;
  for (const row of table.rows) {
    const codeId = ensureCode(row.code);
    const doc = find(row.document);
    if (!doc) {
      unresolved.push({ codeId, document: row.document, text: row.segment, reason: `document "${row.document}" is not in the corpus` });
      continue;
    }
    let entry = prepared.get(doc);
    if (!entry) {
      entry = { search: searchableText(doc.text, doc.paragraphs), toCodePoint: unitToCodePoint(doc.text) };
      prepared.set(doc, entry);
    }
    const found = locateText(entry.search, row.segment, row.begin);
    if (!found) {
      unresolved.push({ codeId, document: doc.id, text: row.segment, reason: `row ${row.row}: segment text not found in "${doc.name}"` });
      continue;
    }
    if (found.acrossTurns) acrossTurns++;
    else if (found.loose) loose++;
    segments.push({ codeId, document: doc.id, start: entry.toCodePoint(found.start), end: entry.toCodePoint(found.end), text: doc.text.slice(found.start, found.end) });
  }
  const notes = [...table.notes];
  if (loose > 0) notes.push(`${loose} segments located only after folding case, quotes and dashes`);
  if (acrossTurns > 0) notes.push(`${acrossTurns} segments span speaker turns and were located leaving out the speaker markers between them`);
  if (missing.length > 0) notes.push(`${missing.length} documents not in the corpus: ${missing.join(', ')}`);
  const total = segments.length + unresolved.length;
  return { format: table.format, source: file, codes: depthFirst(codes), segments, unresolved, located: total === 0 ? 1 : segments.length / total, notes };
}

/** Parents right before their children; siblings in first-seen order. */
function depthFirst(codes: ManualCode[]): ManualCode[] {
  const kids = new Map<string | undefined, ManualCode[]>();
  for (const code of codes) {
    const list = kids.get(code.parentId) ?? [];
    list.push(code);
    kids.set(code.parentId, list);
  }
  const out: ManualCode[] = [];
  const visit = (code: ManualCode): void => {
    out.push(code);
    for (const child of kids.get(code.id) ?? []) visit(child);
  };
  for (const root of kids.get(undefined) ?? []) visit(root);
  return out;
}
