/**
 * Reads a REFI-QDA project (`.qdpx`, REFI-QDA Project Exchange 1.0/1.5): a zip with one `.qde`
 * XML file of any name and the source texts under `sources/` (or `Sources/`). Returns the code
 * tree, the text selections as segments in code points of the source texts, the sources as
 * documents, users, sets and cases. Selections on sources whose text is missing are reported
 * as unresolved; a selection outside its source under every offset reading is an error.
 */
import { LeximapError, type Document } from '@leximap/core';
import { decodeSourceText } from './decodeSourceText.ts';
import { parseParagraphs } from '../read/parseParagraphs.ts';
import type { ManualCode, ManualCoding, ManualSegment, OffsetReport, QdaCase, QdaSet, QdaUser, UnresolvedSegment } from './manualCoding.ts';
import { detectOffsetMode, unitToCodePoint } from './offsetModes.ts';
import { attribute, children, parseQdaXml, textOf, type XmlElement } from './parseQdaXml.ts';
import { guidKey, readCodeTree, registerGuid } from './readCodeTree.ts';
import { openZip, type SafeZip, type ZipLimits } from '../read/openZip.ts';

/** Options of {@link readQdpx}. */
export interface QdpxReadOptions {
  /** The file name, for messages. @default 'project.qdpx' */
  file?: string;
  /** Zip-bomb limits. @default ZIP_LIMITS */
  limits?: Partial<ZipLimits>;
}

interface TextSourceInfo {
  guid: string;
  label: string;
  element: XmlElement;
  text?: string;
  missing?: string;
}

interface RawSelection {
  guid: string;
  start: number;
  end: number;
  codeRefs: string[];
}

/** A .qdpx archive through the zip guard. */
export function openQdpxZip(bytes: Uint8Array, file: string, limits?: Partial<ZipLimits>): SafeZip {
  return openZip(bytes, file, { limits, code: 'E_BAD_QDPX', notZip: 'is not a zip archive (a .qdpx project is a zip file with a .qde inside); export the project again' });
}

export function readQdpx(bytes: Uint8Array, options: QdpxReadOptions = {}): ManualCoding {
  const file = options.file ?? 'project.qdpx';
  const zip = openQdpxZip(bytes, file, options.limits);
  const qdes = zip.entries.filter((entry) => /\.qde$/i.test(entry.name) && !entry.name.startsWith('__MACOSX/'));
  if (qdes.length === 0) {
    throw new LeximapError('E_BAD_QDPX', 'has no .qde project file inside; it is a zip but not a REFI-QDA project (export it again as REFI-QDA .qdpx)', { file });
  }
  if (qdes.length > 1) {
    throw new LeximapError('E_BAD_QDPX', `has ${qdes.length} .qde files (${qdes.map((e) => e.name).join(', ')}); a project has exactly one`, { file });
  }
  const qdeName = (qdes[0] as { name: string }).name;
  const xml = parseQdaXml(decodeSourceText(zip.read(qdeName), `${file}!${qdeName}`), `${file}!${qdeName}`);
  const project = children(xml, 'Project')[0];
  if (!project) throw new LeximapError('E_BAD_QDPX', `${qdeName} has no <Project> root element; it is not a REFI-QDA project`, { file });
  return readProject(project, zip, file);
}

function readProject(project: XmlElement, zip: SafeZip, file: string): ManualCoding {
  const notes: string[] = [];
  const guids = new Map<string, string>();
  const namespace = attribute(project, 'xmlns');
  if (namespace && !namespace.startsWith('urn:QDA-XML:project')) notes.push(`unexpected namespace ${namespace}; read as REFI-QDA`);

  const users: QdaUser[] = [];
  for (const user of children(children(project, 'Users')[0], 'User')) {
    const guid = attribute(user, 'guid') ?? '';
    registerGuid(guids, guid, `user "${attribute(user, 'name') ?? ''}"`, file);
    users.push({ id: guid, name: attribute(user, 'name') ?? '' });
  }
  const codes = readCodeTree(children(children(project, 'CodeBook')[0], 'Codes')[0], file, guids);
  const codeByKey = new Map<string, ManualCode>(codes.map((code) => [guidKey(code.id), code]));

  const variables = new Map<string, string>();
  for (const variable of children(children(project, 'Variables')[0], 'Variable')) {
    const guid = attribute(variable, 'guid') ?? '';
    registerGuid(guids, guid, `variable "${attribute(variable, 'name') ?? ''}"`, file);
    variables.set(guidKey(guid), attribute(variable, 'name') ?? '');
  }
  const caseElements = children(children(project, 'Cases')[0], 'Case');
  const caseKeys = new Set<string>();
  for (const element of caseElements) {
    const guid = attribute(element, 'guid') ?? '';
    registerGuid(guids, guid, `case "${attribute(element, 'name') ?? ''}"`, file);
    caseKeys.add(guidKey(guid));
  }

  const sources = collectTextSources(project, zip, file, guids, notes);
  const documents: Document[] = [];
  const documentIdBySource = new Map<string, string>();
  const usedIds = new Set<string>();
  const sourceGuids: Record<string, string> = {};
  const skippedSources: { name: string; reason: string; selections: number }[] = [];
  for (const source of sources) {
    let id = source.label;
    for (let k = 2; usedIds.has(id); k++) id = `${source.label} (${k})`;
    usedIds.add(id);
    documentIdBySource.set(guidKey(source.guid), id);
    if (source.text === undefined) {
      skippedSources.push({ name: id, reason: source.missing ?? 'source text missing', selections: children(source.element, 'PlainTextSelection').length });
      continue;
    }
    sourceGuids[id] = source.guid;
    documents.push({
      id,
      name: source.label.replace(/\.[A-Za-z0-9]{1,5}$/, ''),
      path: `${file}#${source.label}`,
      tags: [],
      text: source.text,
      paragraphs: parseParagraphs(source.text),
    });
  }

  const segments: ManualSegment[] = [];
  const unresolved: UnresolvedSegment[] = [];
  const offsets: OffsetReport[] = [];
  const selectionGuids = new Map<string, string>();
  let caseCodings = 0;
  for (const source of sources) {
    const document = documentIdBySource.get(guidKey(source.guid)) as string;
    const selections: RawSelection[] = [];
    for (const element of children(source.element, 'PlainTextSelection')) {
      const guid = attribute(element, 'guid') ?? '';
      registerGuid(selectionGuids, guid, `a selection in "${source.label}"`, file);
      const start = Number(attribute(element, 'startPosition'));
      const end = Number(attribute(element, 'endPosition'));
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        throw new LeximapError('E_BAD_QDPX', `selection ${guid} in "${source.label}" has positions "${attribute(element, 'startPosition')}"–"${attribute(element, 'endPosition')}", not integers`, { file });
      }
      selections.push({ guid, start, end, codeRefs: codeRefs(element) });
    }
    const whole = codeRefs(source.element);
    const resolveCode = (ref: string, at: { start?: number; end?: number }): ManualCode | undefined => {
      const code = codeByKey.get(guidKey(ref));
      if (code) return code;
      if (caseKeys.has(guidKey(ref))) caseCodings++;
      else unresolved.push({ document, ...at, reason: `coded with unknown code GUID ${ref}` });
      return undefined;
    };
    if (source.text === undefined) {
      for (const selection of selections) {
        for (const ref of selection.codeRefs) {
          const code = codeByKey.get(guidKey(ref));
          if (code) unresolved.push({ codeId: code.id, document, start: selection.start, end: selection.end, reason: source.missing ?? 'source text missing' });
        }
      }
      continue;
    }
    const text = source.text;
    const detection = detectOffsetMode(text, selections);
    const max = detection.positions.length - 1;
    const toCodePoint = unitToCodePoint(text);
    if (selections.length > 0) {
      offsets.push({ document, mode: detection.mode, selections: selections.length, onBoundary: round(detection.onBoundary) });
      if (detection.mode !== 'codepoints') notes.push(`"${source.label}": positions read as ${detection.mode} (they fall on word boundaries that way)`);
    }
    for (const selection of selections) {
      if (selection.start < 0 || selection.end < selection.start) {
        const reason = selection.start < 0 ? `has a negative start position ${selection.start}` : `starts at ${selection.start}, after its end at ${selection.end}`;
        unresolved.push({ document, start: selection.start, end: selection.end, reason: `selection ${selection.guid} ${reason}` });
        continue;
      }
      if (selection.end > max) {
        throw new LeximapError(
          'E_BAD_QDPX',
          `selection ${selection.guid} in "${source.label}" ends at ${selection.end}, past the end of the source (${max} characters); the project and its sources do not match`,
          { file },
        );
      }
      const startUnit = detection.positions[selection.start] as number;
      const endUnit = detection.positions[selection.end] as number;
      for (const ref of selection.codeRefs) {
        const code = resolveCode(ref, selection);
        if (!code) continue;
        segments.push({
          codeId: code.id,
          document,
          start: toCodePoint(startUnit),
          end: toCodePoint(endUnit),
          text: text.slice(startUnit, endUnit),
          selectionId: selection.guid,
        });
      }
    }
    for (const ref of whole) {
      const code = resolveCode(ref, {});
      if (code) segments.push({ codeId: code.id, document, start: 0, end: toCodePoint(text.length), text });
    }
  }
  if (caseCodings > 0) notes.push(`${caseCodings} codings point at cases, not codes (NVivo case classification); they are not read as codes`);

  const sets: QdaSet[] = [];
  for (const element of children(children(project, 'Sets')[0], 'Set')) {
    const guid = attribute(element, 'guid') ?? '';
    registerGuid(guids, guid, `set "${attribute(element, 'name') ?? ''}"`, file);
    sets.push({
      id: guid,
      name: attribute(element, 'name') ?? '',
      codes: children(element, 'MemberCode').map((m) => codeByKey.get(guidKey(attribute(m, 'targetGUID') ?? ''))?.id).filter(isString),
      documents: children(element, 'MemberSource').map((m) => documentIdBySource.get(guidKey(attribute(m, 'targetGUID') ?? ''))).filter(isString),
    });
  }
  const cases: QdaCase[] = caseElements.map((element) => {
    const values: Record<string, string> = {};
    for (const value of children(element, 'VariableValue')) {
      const name = variables.get(guidKey(attribute(children(value, 'VariableRef')[0] ?? {}, 'targetGUID') ?? ''));
      const typed = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].map((tag) => children(value, tag)[0]).find(Boolean);
      if (name !== undefined && typed) values[name] = textOf(typed).trim();
    }
    return {
      id: attribute(element, 'guid') ?? '',
      name: attribute(element, 'name') ?? '',
      documents: children(element, 'SourceRef').map((ref) => documentIdBySource.get(guidKey(attribute(ref, 'targetGUID') ?? ''))).filter(isString),
      variables: values,
    };
  });
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const set of sets) for (const id of set.documents) byId.get(id)?.tags.push(`set:${set.name}`);
  for (const c of cases) for (const id of c.documents) byId.get(id)?.tags.push(`case:${c.name}`);

  const total = segments.length + unresolved.length;
  return {
    format: 'qdpx',
    source: file,
    codes,
    segments,
    unresolved,
    located: total === 0 ? 1 : segments.length / total,
    documents,
    users,
    sets,
    cases,
    sourceGuids,
    offsets,
    notes,
    ...(skippedSources.length > 0 ? { skippedSources } : {}),
  };
}

/** Text sources: `TextSource` elements and the text representations of PDF sources. */
function collectTextSources(project: XmlElement, zip: SafeZip, file: string, guids: Map<string, string>, notes: string[]): TextSourceInfo[] {
  const sourcesElement = children(project, 'Sources')[0];
  const out: TextSourceInfo[] = [];
  const entryByLower = new Map(zip.entries.map((entry) => [entry.name.toLowerCase(), entry.name]));
  const read = (element: XmlElement, label: string): Pick<TextSourceInfo, 'text' | 'missing'> => {
    const inline = children(element, 'PlainTextContent')[0];
    if (inline !== undefined) return { text: textOf(inline).replace(/^\uFEFF/, '') };
    const path = attribute(element, 'plainTextPath');
    if (!path) return { missing: `source "${label}" has neither a plainTextPath nor PlainTextContent` };
    const relative = path.replace(/^internal:\/\//i, '').replace(/^\/+/, '');
    const entry = entryByLower.get(`sources/${relative}`.toLowerCase()) ?? entryByLower.get(relative.toLowerCase());
    if (!entry || /^[a-z]+:\/\//i.test(relative)) return { missing: `source text "${path}" is not in the project` };
    return { text: decodeSourceText(zip.read(entry), `${file}!${entry}`) };
  };
  const labelOf = (element: XmlElement, guid: string): string => {
    const name = attribute(element, 'name');
    if (name) return name;
    const path = attribute(element, 'plainTextPath');
    return path ? (path.split('/').pop() ?? path) : guid;
  };
  for (const kind of ['TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource']) {
    for (const element of children(sourcesElement, kind)) {
      const guid = attribute(element, 'guid') ?? '';
      const label = labelOf(element, guid);
      registerGuid(guids, guid, `source "${label}"`, file);
      if (kind === 'TextSource') {
        out.push({ guid, label, element, ...read(element, label) });
      } else if (kind === 'PDFSource') {
        const representation = children(element, 'Representation')[0];
        if (representation) {
          const repGuid = attribute(representation, 'guid') ?? guid;
          out.push({ guid: repGuid, label, element: representation, ...read(representation, label) });
          if (guidKey(repGuid) !== guidKey(guid)) registerGuid(guids, repGuid, `text of "${label}"`, file);
        }
      } else if (kind === 'AudioSource' || kind === 'VideoSource') {
        if (children(element, 'Transcript').length > 0) notes.push(`transcripts of ${kind} "${label}" are not read (media selections have no text positions)`);
      }
    }
  }
  return out;
}

function codeRefs(element: XmlElement): string[] {
  return children(element, 'Coding').flatMap((coding) => children(coding, 'CodeRef').map((ref) => attribute(ref, 'targetGUID') ?? ''));
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
