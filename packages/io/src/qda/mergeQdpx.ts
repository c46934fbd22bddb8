/**
 * Merges codes and coded segments into a copy of a user's REFI-QDA project: the codes are
 * appended to the code book, selections go into the matching text sources (documents are
 * matched by the ids `readQdpx` gives them), documents the project lacks are added as new
 * sources. Every other element and zip entry is kept. Positions are written in the offset
 * reading detected for each source, so the user's tool sees them where they belong. The
 * input bytes are never modified; a new archive is returned. Entries whose names would land
 * outside the folder they are unpacked into (`../x`, `/tmp/x`, `C:\\x`: "zip slip") are not
 * copied: leximap's own output never carries them.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { zipSync, type Zippable } from 'fflate';
import { LeximapError } from '@leximap/core';
import { documentKey } from './anchorSegments.ts';
import { decodeSourceText } from './decodeSourceText.ts';
import type { ManualSegment } from './manualCoding.ts';
import { toolPositions } from './offsetModes.ts';
import { parseQdaXml } from './parseQdaXml.ts';
import { qdaGuid } from './qdaGuid.ts';
import { readQdpx } from './readQdpx.ts';
import { openQdpxZip } from './readQdpx.ts';
import type { ZipLimits } from '../read/openZip.ts';
import { attr, codeGuids, codeTreeXml, selectionsXml, ZIP_TIME, type QdpxExport } from './writeQdpx.ts';

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export function mergeQdpx(userProject: Uint8Array, addition: QdpxExport, options: { file?: string; limits?: Partial<ZipLimits> } = {}): Uint8Array {
  const file = options.file ?? 'project.qdpx';
  const user = readQdpx(userProject, { file, limits: options.limits });
  const zip = openQdpxZip(userProject, file, options.limits);
  const qdeName = zip.entries.find((entry) => /\.qde$/i.test(entry.name) && !entry.name.startsWith('__MACOSX/'))?.name as string;
  const nodes = parseQdaXml(decodeSourceText(zip.read(qdeName), `${file}!${qdeName}`), `${file}!${qdeName}`, true) as unknown as OrderedNode[];
  const projectNode = nodes.find((node) => localName(tagOf(node)) === 'Project') as OrderedNode;
  const prefix = (tagOf(projectNode).match(/^([^:]+:)/)?.[1] ?? '');
  const fragment = (xml: string): OrderedNode[] => {
    const prefixed = prefix ? xml.replace(/<(\/?)([A-Z])/g, `<$1${prefix}$2`) : xml;
    const wrapped = parseQdaXml(`<${prefix}X${prefix ? ` xmlns:${prefix.slice(0, -1)}="urn:QDA-XML:project:1.0"` : ''}>${prefixed}</${prefix}X>`, file, true) as unknown as OrderedNode[];
    return kids(wrapped[0] as OrderedNode);
  };

  const seed = addition.seed;
  const userName = addition.user ?? 'leximap';
  const userGuid = qdaGuid(seed, 'user', userName);
  const users = ensureChild(projectNode, 'Users', prefix, []);
  if (!user.users?.some((u) => u.id.toUpperCase() === userGuid)) kids(users).push(...fragment(`<User guid="${userGuid}" name="${attr(userName)}"/>`));
  const codeBook = ensureChild(projectNode, 'CodeBook', prefix, ['Users']);
  const codes = ensureChild(codeBook, 'Codes', prefix, []);
  const guids = codeGuids(addition.codes, seed);
  kids(codes).push(...fragment(codeTreeXml(addition.codes, guids).join('')));

  const sources = ensureChild(projectNode, 'Sources', prefix, ['Users', 'CodeBook', 'Variables', 'Cases']);
  const files: Zippable = {};
  const byDocument = new Map<string, ManualSegment[][]>();
  for (const segment of addition.segments) {
    const groups = byDocument.get(segment.document) ?? [];
    const same = groups.find((g) => (g[0] as ManualSegment).start === segment.start && (g[0] as ManualSegment).end === segment.end);
    if (same) same.push(segment);
    else groups.push([segment]);
    byDocument.set(segment.document, groups);
  }
  // A document analysed from this project has the id `<file>#<source>`; match it by the source part, then by name.
  const userIds = new Map<string, string>();
  for (const d of user.documents ?? []) for (const key of [d.id, d.id.toLowerCase(), documentKey(d.id), documentKey(d.name)]) if (!userIds.has(key)) userIds.set(key, d.id);
  const userDocument = (doc: { id: string; name: string }): string | undefined => {
    const source = doc.id.slice(doc.id.lastIndexOf('#') + 1);
    return userIds.get(doc.id) ?? userIds.get(source) ?? userIds.get(source.toLowerCase()) ?? userIds.get(documentKey(source)) ?? userIds.get(documentKey(doc.name));
  };
  for (const doc of addition.documents) {
    const groups = (byDocument.get(doc.id) ?? []).sort((a, b) => (a[0] as ManualSegment).start - (b[0] as ManualSegment).start || (a[0] as ManualSegment).end - (b[0] as ManualSegment).end);
    const userId = userDocument(doc);
    const existing = userId === undefined ? undefined : user.sourceGuids?.[userId];
    if (userId !== undefined && existing) {
      const sourceNode = findByGuid(kids(sources), existing);
      if (!sourceNode) throw new LeximapError('E_BAD_QDPX', `source "${doc.id}" could not be found again while merging`, { file });
      const mode = user.offsets?.find((o) => o.document === userId)?.mode ?? 'codepoints';
      const sourceText = user.documents?.find((d) => d.id === userId)?.text ?? doc.text;
      const position = positionIn(sourceText, mode);
      const inserted = fragment(selectionsXml(groups, doc.id, seed, guids, userGuid, addition.codes, position).join(''));
      const children = kids(sourceNode);
      let at = 0;
      children.forEach((child, index) => {
        if (['Description', 'PlainTextContent', 'PlainTextSelection'].includes(localName(tagOf(child)))) at = index + 1;
      });
      children.splice(at, 0, ...inserted);
    } else {
      const sourceGuid = qdaGuid(seed, 'source', doc.id);
      files[`sources/${sourceGuid}.txt`] = [new TextEncoder().encode(doc.text), { mtime: ZIP_TIME }];
      const body = selectionsXml(groups, doc.id, seed, guids, userGuid, addition.codes).join('');
      kids(sources).push(...fragment(`<TextSource guid="${sourceGuid}" name="${attr(doc.name)}" plainTextPath="internal://${sourceGuid}.txt" creatingUser="${userGuid}">${body}</TextSource>`));
    }
  }

  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, processEntities: true });
  const xml = builder.build(nodes) as string;
  for (const entry of zip.entries) {
    if (entry.name.endsWith('/') || !isSafeEntryName(entry.name)) continue;
    files[entry.name] = [entry.name === qdeName ? new TextEncoder().encode(xml) : zip.read(entry.name), { mtime: ZIP_TIME }];
  }
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}

/** Whether a zip entry name stays inside the folder it is unpacked into. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '..');
}

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function localName(tag: string): string {
  return tag.slice(tag.indexOf(':') + 1);
}

function kids(node: OrderedNode): OrderedNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

/** The child element `name` of `parent`, created after the last of `after` when missing. */
function ensureChild(parent: OrderedNode, name: string, prefix: string, after: string[]): OrderedNode {
  const children = kids(parent);
  const found = children.find((child) => localName(tagOf(child)) === name);
  if (found) return found;
  const node: OrderedNode = { [`${prefix}${name}`]: [] };
  let at = 0;
  children.forEach((child, index) => {
    if (after.includes(localName(tagOf(child)))) at = index + 1;
  });
  children.splice(at, 0, node);
  return node;
}

function findByGuid(nodes: OrderedNode[], guid: string): OrderedNode | undefined {
  const key = guid.replace(/[{}]/g, '').toUpperCase();
  for (const node of nodes) {
    if ((node[':@']?.['@_guid'] ?? '').replace(/[{}]/g, '').toUpperCase() === key) return node;
    const inner = findByGuid(kids(node), guid);
    if (inner) return inner;
  }
  return undefined;
}

/** Code point → position in the source's offset reading. */
function positionIn(text: string, mode: 'codepoints' | 'crlf1' | 'utf16' | 'utf16-crlf1'): (codePoint: number) => number {
  if (mode === 'codepoints') return (cp) => cp;
  const codePointUnits = toolPositions(text, 'codepoints');
  const tool = toolPositions(text, mode);
  return (cp) => {
    const unit = codePointUnits[cp] ?? text.length;
    let lo = 0;
    let hi = tool.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tool[mid] as number) < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
