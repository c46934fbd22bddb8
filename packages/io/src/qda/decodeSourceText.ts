/**
 * Decodes a source text from bytes: UTF-8 (fatal on invalid bytes), or UTF-16 when it starts
 * with a UTF-16 byte-order mark. The BOM is removed, since REFI positions never count it.
 */
import { LeximapError } from '@leximap/core';

export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch (cause) {
    throw new LeximapError('E_ENCODING', 'is not valid UTF-8; save the text as UTF-8 and export again', { file, cause });
  }
}
