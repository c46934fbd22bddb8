/**
 * The learned concepts as REFI-QDA codes, for a QDA tool to import beside the manual codes: a
 * `leximap` code folder with one code per learned concept (coloured by its theme), one
 * selection per coded block, the documents' original texts as sources. With the user's own
 * project, the codes are merged into a new copy of it (`mergeQdpx`); otherwise a new project is
 * written (`writeQdpx`). GUIDs derive from the analysis seed, so the same result gives the same
 * bytes.
 */
import { documentSlicers, LeximapError, type LeximapResult } from '@leximap/core';
import { mergeQdpx, writeQdpx, type ManualCode, type ManualSegment, type QdpxExport } from '@leximap/io';

/** Options of {@link exportConcepts}. */
export interface ExportOptions {
  /** The user's own `.qdpx`; the concepts are merged into a copy of it. @default undefined */
  project?: Uint8Array;
  /** File name of `project`, for messages. @default 'project.qdpx' */
  projectFile?: string;
  /** Name of the code folder. @default 'leximap' */
  folder?: string;
  /** Seed of the GUIDs. @default result.parameters.seed */
  seed?: number | string;
}

/** The texts of the result's documents, by `ResultDocument.id` (e.g. from `readCorpus` or `readQdpx`). */
export type DocumentTexts = ReadonlyMap<string, { name: string; text: string }>;

export function conceptCodes(result: LeximapResult, texts: DocumentTexts, folder = 'leximap'): Pick<QdpxExport, 'documents' | 'codes' | 'segments'> {
  const folderId = `leximap:${folder}`;
  const codes: ManualCode[] = [{ id: folderId, name: folder, path: [folder], codable: false, description: `Concepts learned by leximap ${result.generator.version}, seed ${result.parameters.seed}` }];
  const codeOf = new Map<number, string>();
  result.concepts.forEach((concept, index) => {
    if (concept.kind === 'tag') return;
    const id = `leximap:concept:${concept.label}`;
    const code: ManualCode = { id, name: concept.label, path: [folder, concept.label], parentId: folderId, codable: true };
    const colour = result.themes[concept.theme]?.colour;
    if (colour && /^#[0-9a-f]{6}$/i.test(colour)) code.colour = colour.toUpperCase();
    codes.push(code);
    codeOf.set(index, id);
  });
  const documents = result.documents.map((doc) => {
    const entry = texts.get(doc.id);
    if (!entry) throw new LeximapError('E_NOT_FOUND', `the text of document "${doc.id}" is needed to export its coded blocks; analyse or pass the same corpus`);
    return { id: doc.id, name: entry.name, text: entry.text };
  });
  const segments: ManualSegment[] = [];
  const { blocks } = result;
  const slice = documentSlicers((d) => documents[d]!.text);
  for (let b = 0; b < blocks.start.length; b++) {
    const doc = documents[blocks.document[b] as number];
    if (!doc) continue;
    const start = blocks.start[b] as number;
    const end = blocks.end[b] as number;
    for (let k = blocks.conceptStarts[b] as number; k < (blocks.conceptStarts[b + 1] as number); k++) {
      const codeId = codeOf.get(blocks.concepts[k] as number);
      if (codeId) segments.push({ codeId, document: doc.id, start, end, text: slice(blocks.document[b] as number, start, end) });
    }
  }
  return { documents, codes, segments };
}

export function exportConcepts(result: LeximapResult, texts: DocumentTexts, options: ExportOptions = {}): Uint8Array {
  const content = conceptCodes(result, texts, options.folder);
  const project: QdpxExport = { name: 'leximap concepts', origin: `leximap ${result.generator.version}`, seed: options.seed ?? result.parameters.seed, ...content };
  return options.project ? mergeQdpx(options.project, project, { file: options.projectFile }) : writeQdpx(project);
}
