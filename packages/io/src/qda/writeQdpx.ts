/**
 * Writes a REFI-QDA project (`.qdpx`) from codes, coded segments and their documents: one
 * `project.qde` valid against the REFI-QDA Project schema (Project-mrt2019.xsd) and each
 * document's original text as `sources/<GUID>.txt` (UTF-8, no BOM), so the code point
 * positions of the selections hold. GUIDs derive from the seed; the zip has fixed timestamps;
 * the same input gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { LeximapError } from '@leximap/core';
import type { ManualCode, ManualSegment } from './manualCoding.ts';
import { isGuid, qdaGuid } from './qdaGuid.ts';

/** What {@link writeQdpx} writes. */
export interface QdpxExport {
  /** Project name. */
  name: string;
  /** Written as the project's `origin`. @default 'leximap' */
  origin?: string;
  /** Seed of the derived GUIDs. */
  seed: string | number;
  /** The user the codings are attributed to. @default 'leximap' */
  user?: string;
  documents: { id: string; name: string; text: string }[];
  /** Code tree, parents before children; ids that are GUIDs are kept. */
  codes: ManualCode[];
  /** Segments in code points of their document's text. */
  segments: ManualSegment[];
}

/** A fixed zip timestamp (local time, so the DOS date fields are the same everywhere). */
export const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function writeQdpx(project: QdpxExport): Uint8Array {
  const seed = project.seed;
  const userGuid = qdaGuid(seed, 'user', project.user ?? 'leximap');
  const codeGuid = codeGuids(project.codes, seed);
  const files: Zippable = {};
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(
    `<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="${attr(project.name)}" origin="${attr(project.origin ?? 'leximap')}" creatingUserGUID="${userGuid}">`,
  );
  out.push(`<Users><User guid="${userGuid}" name="${attr(project.user ?? 'leximap')}"/></Users>`);
  if (project.codes.length > 0) {
    out.push('<CodeBook><Codes>');
    out.push(...codeTreeXml(project.codes, codeGuid));
    out.push('</Codes></CodeBook>');
  }
  if (project.documents.length > 0) {
    out.push('<Sources>');
    const byDocument = groupSelections(project.segments);
    for (const doc of project.documents) {
      const sourceGuid = qdaGuid(seed, 'source', doc.id);
      files[`sources/${sourceGuid}.txt`] = [new TextEncoder().encode(doc.text), { mtime: ZIP_TIME }];
      out.push(`<TextSource guid="${sourceGuid}" name="${attr(doc.name)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${userGuid}">`);
      out.push(...selectionsXml(byDocument.get(doc.id) ?? [], doc.id, seed, codeGuid, userGuid, project.codes));
      out.push('</TextSource>');
    }
    out.push('</Sources>');
  }
  out.push('</Project>');
  files['project.qde'] = [new TextEncoder().encode(out.join('\n') + '\n'), { mtime: ZIP_TIME }];
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}

/** GUID of every code: kept when the id is a GUID, else derived from the seed. */
export function codeGuids(codes: ManualCode[], seed: string | number): Map<string, string> {
  return new Map(codes.map((code) => [code.id, isGuid(code.id) ? code.id.replace(/[{}]/g, '') : qdaGuid(seed, 'code', code.id)]));
}

/** `<Code>` elements for a code tree (parents before children). */
export function codeTreeXml(codes: ManualCode[], guids: Map<string, string>): string[] {
  const kids = new Map<string | undefined, ManualCode[]>();
  const ids = new Set(codes.map((code) => code.id));
  for (const code of codes) {
    const parent = code.parentId !== undefined && ids.has(code.parentId) ? code.parentId : undefined;
    kids.set(parent, [...(kids.get(parent) ?? []), code]);
  }
  const out: string[] = [];
  const visit = (code: ManualCode): void => {
    const colour = code.colour ? ` color="${attr(code.colour)}"` : '';
    const inner = kids.get(code.id) ?? [];
    const open = `<Code guid="${guids.get(code.id)}" name="${attr(code.name)}" isCodable="${code.codable}"${colour}`;
    if (inner.length === 0 && !code.description) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    if (code.description) out.push(`<Description>${text(code.description)}</Description>`);
    for (const child of inner) visit(child);
    out.push('</Code>');
  };
  for (const root of kids.get(undefined) ?? []) visit(root);
  return out;
}

/** Segments grouped by document, then by span (one selection per span, one coding per code). */
function groupSelections(segments: ManualSegment[]): Map<string, ManualSegment[][]> {
  const byDocument = new Map<string, Map<string, ManualSegment[]>>();
  for (const segment of segments) {
    const spans = byDocument.get(segment.document) ?? new Map<string, ManualSegment[]>();
    byDocument.set(segment.document, spans);
    const key = `${segment.start}:${segment.end}`;
    spans.set(key, [...(spans.get(key) ?? []), segment]);
  }
  const out = new Map<string, ManualSegment[][]>();
  for (const [doc, spans] of byDocument) {
    out.set(doc, [...spans.values()].sort((a, b) => (a[0] as ManualSegment).start - (b[0] as ManualSegment).start || (a[0] as ManualSegment).end - (b[0] as ManualSegment).end));
  }
  return out;
}

/** `<PlainTextSelection>` elements for the selections of one document, positions as given. */
export function selectionsXml(
  selections: ManualSegment[][],
  documentId: string,
  seed: string | number,
  codeGuid: Map<string, string>,
  userGuid: string,
  codes: ManualCode[],
  position: (codePoint: number) => number = (cp) => cp,
): string[] {
  const out: string[] = [];
  const known = new Set(codes.map((code) => code.id));
  for (const group of selections) {
    const first = group[0] as ManualSegment;
    const spanId = `${documentId}\u0000${first.start}\u0000${first.end}`;
    const guid = qdaGuid(seed, 'selection', spanId);
    const name = first.text.replace(/\s+/g, ' ').trim().slice(0, 80);
    out.push(`<PlainTextSelection guid="${guid}" name="${attr(name)}" startPosition="${position(first.start)}" endPosition="${position(first.end)}" creatingUser="${userGuid}">`);
    for (const segment of group) {
      if (!known.has(segment.codeId)) throw new LeximapError('E_BAD_CODES', `segment coded with unknown code "${segment.codeId}"`);
      out.push(`<Coding guid="${qdaGuid(seed, 'coding', `${spanId}\u0000${segment.codeId}`)}" creatingUser="${userGuid}"><CodeRef targetGUID="${codeGuid.get(segment.codeId)}"/></Coding>`);
    }
    out.push('</PlainTextSelection>');
  }
  return out;
}

// Characters XML 1.0 forbids even as references.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes an attribute value (whitespace kept as character references). */
export function attr(value: string): string {
  return value
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Escapes element text. */
export function text(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
