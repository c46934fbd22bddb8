/**
 * Reads a REFI `<Codes>` tree (shared by projects and codebooks) into depth-first code rows.
 */
import { LeximapError } from '@leximap/core';
import type { ManualCode } from './manualCoding.ts';
import { attribute, children, textOf, type XmlElement } from './parseQdaXml.ts';

const COLOUR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/**
 * Appends the codes under `codes` to `out`. `guids` maps every GUID seen in the file to what
 * it named, so a duplicate is refused with both names.
 */
export function readCodeTree(codes: XmlElement | undefined, file: string, guids: Map<string, string>, out: ManualCode[] = []): ManualCode[] {
  const visit = (element: XmlElement, parent: ManualCode | undefined): void => {
    const guid = attribute(element, 'guid');
    const name = attribute(element, 'name') ?? '';
    if (!guid) throw new LeximapError('E_BAD_QDPX', `code "${name}" has no guid`, { file });
    registerGuid(guids, guid, `code "${name}"`, file);
    const colour = attribute(element, 'color');
    const description = textOf(children(element, 'Description')[0]).trim();
    const code: ManualCode = {
      id: guid,
      name,
      path: parent ? [...parent.path, name] : [name],
      codable: attribute(element, 'isCodable') !== 'false' && attribute(element, 'isCodable') !== '0',
    };
    if (parent) code.parentId = parent.id;
    if (colour && COLOUR.test(colour)) code.colour = colour.toUpperCase();
    if (description) code.description = description;
    out.push(code);
    for (const child of children(element, 'Code')) visit(child, code);
  };
  for (const element of children(codes, 'Code')) visit(element, undefined);
  return out;
}

/** Records `guid` as naming `what`; throws `E_BAD_QDPX` when it already named something else. */
export function registerGuid(guids: Map<string, string>, guid: string, what: string, file: string): void {
  const key = guid.replace(/[{}]/g, '').toUpperCase();
  const seen = guids.get(key);
  if (seen !== undefined) {
    throw new LeximapError('E_BAD_QDPX', `duplicate GUID ${guid}: used by ${seen} and by ${what}; every GUID must be unique`, { file });
  }
  guids.set(key, what);
}

/** The canonical form of a GUID for lookups (no braces, upper case). */
export function guidKey(guid: string): string {
  return guid.replace(/[{}]/g, '').toUpperCase();
}
