/**
 * Reads an OpenDocument text (`.odt`: LibreOffice, Google Docs, and Word's "Save as ODT") as one
 * document. The file is a zip (opened through the zip guard `openZip`, so a bomb is refused before anything
 * is inflated) whose `content.xml` holds the text (OASIS ODF 1.3, part 3 §5): each `text:p` and
 * `text:h` is a paragraph, in document order, through lists, sections and tables; `text:s` is
 * spaces, `text:tab` a tab, `text:line-break` a line break. Comments (`office:annotation`),
 * footnotes (`text:note`) and tracked deletions are left out, as a QDA tool's text view does. The
 * text is the paragraphs each followed by a blank line, as `.docx` reads.
 */
import { XMLParser } from 'fast-xml-parser';
import { LeximapError, type Document } from '@leximap/core';
import { openZip } from './openZip.ts';
import { parseParagraphs } from './parseParagraphs.ts';
import type { SourceFile } from './SourceFile.ts';

/** fast-xml-parser's ordered nodes: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

const SKIP = new Set(['annotation', 'annotation-end', 'note', 'tracked-changes', 'sequence-decls', 'forms', 'variable-decls', 'user-field-decls']);

function tagOf(node: OrderedNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return undefined;
}

/** The inline text of a paragraph's nodes. */
function inline(nodes: readonly OrderedNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || SKIP.has(tag)) continue;
    if (tag === '#text') out.push(String(node['#text']));
    else if (tag === 's') out.push(' '.repeat(Math.min(1000, Number((node[':@'] as Record<string, string> | undefined)?.['@_c'] ?? 1) || 1)));
    else if (tag === 'tab') out.push('\t');
    else if (tag === 'line-break') out.push('\n');
    else if (Array.isArray(node[tag])) inline(node[tag] as OrderedNode[], out);
  }
}

/** Paragraph texts under `nodes`, in document order. */
function blocks(nodes: readonly OrderedNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || tag === '#text' || SKIP.has(tag) || !Array.isArray(node[tag])) continue;
    if (tag === 'p' || tag === 'h') {
      const parts: string[] = [];
      inline(node[tag] as OrderedNode[], parts);
      out.push(parts.join(''));
    } else blocks(node[tag] as OrderedNode[], out);
  }
}

export async function readOdt(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const file = source.path;
  const zip = openZip(bytes, file, { code: 'E_PARSE', notZip: 'not a readable .odt file (an OpenDocument text is a zip archive); open and re-save it in LibreOffice' });
  if (!zip.entries.some((e) => e.name === 'content.xml')) {
    throw new LeximapError('E_PARSE', 'not an OpenDocument text (no content.xml in the zip); open and re-save it in LibreOffice', { file });
  }
  const xml = new TextDecoder('utf-8').decode(zip.read('content.xml'));
  // ODF never declares a DOCTYPE: one here can only be an entity trick.
  if (/<!DOCTYPE/i.test(xml)) throw new LeximapError('E_UNSAFE_INPUT', 'content.xml declares a DOCTYPE (entity expansion or external entities); OpenDocument files never need one', { file });
  let root: OrderedNode[];
  try {
    const parser = new XMLParser({ preserveOrder: true, removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: true });
    root = parser.parse(xml, true) as OrderedNode[];
  } catch (cause) {
    throw new LeximapError('E_PARSE', `not a readable .odt file (content.xml: ${cause instanceof Error ? cause.message : String(cause)}); open and re-save it in LibreOffice`, { file, cause });
  }
  const paragraphs: string[] = [];
  blocks(root, paragraphs);
  const text = paragraphs.map((p) => `${p}\n\n`).join('');
  return [{ id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs: parseParagraphs(text) }];
}
