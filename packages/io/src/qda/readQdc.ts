/**
 * Reads a REFI-QDA codebook (`.qdc`, REFI-QDA Codebook Exchange 1.0): the code tree and code
 * sets, without any coded text.
 */
import { LeximapError } from '@leximap/core';
import { decodeSourceText } from './decodeSourceText.ts';
import type { ManualCoding, QdaSet } from './manualCoding.ts';
import { attribute, children, parseQdaXml } from './parseQdaXml.ts';
import { guidKey, readCodeTree, registerGuid } from './readCodeTree.ts';

export function readQdc(bytes: Uint8Array, options: { file?: string } = {}): ManualCoding {
  const file = options.file ?? 'codebook.qdc';
  const xml = parseQdaXml(decodeSourceText(bytes, file), file);
  const codebook = children(xml, 'CodeBook')[0];
  if (!codebook) throw new LeximapError('E_BAD_QDPX', 'has no <CodeBook> root element; it is not a REFI-QDA codebook', { file });
  const guids = new Map<string, string>();
  const codes = readCodeTree(children(codebook, 'Codes')[0], file, guids);
  const byKey = new Map(codes.map((code) => [guidKey(code.id), code.id]));
  const sets: QdaSet[] = children(children(codebook, 'Sets')[0], 'Set').map((set) => {
    const guid = attribute(set, 'guid') ?? '';
    registerGuid(guids, guid, `set "${attribute(set, 'name') ?? ''}"`, file);
    return {
      id: guid,
      name: attribute(set, 'name') ?? '',
      // The codebook schema names the member's GUID `guid`; accept `targetGUID` as in projects.
      codes: children(set, 'MemberCode')
        .map((member) => byKey.get(guidKey(attribute(member, 'guid') ?? attribute(member, 'targetGUID') ?? '')))
        .filter((id): id is string => id !== undefined),
      documents: [],
    };
  });
  return { format: 'qdc', source: file, codes, segments: [], unresolved: [], located: 1, sets, notes: [] };
}
