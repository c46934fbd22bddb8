/**
 * Bytes → text, refusing what is not text. Binary files (a NUL byte, or many control characters)
 * get `E_BINARY`; invalid UTF-8 gets `E_ENCODING` with the byte offset, found by a validator that
 * follows the UTF-8 well-formedness table (Unicode 15, table 3-7) and runs only once decoding has
 * failed. A UTF-8 byte-order mark is removed; a UTF-16 one means UTF-16 (as Windows Notepad
 * writes "Unicode"), decoded as such. The text is otherwise kept exactly as read.
 */
import { LeximapError } from '@leximap/core';

const SAMPLE = 65_536;
const MAX_CONTROL_SHARE = 0.1;

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1 for the bytes counted as control characters: C0 but tab, line feed, form feed, carriage return and escape; and DEL. */
const CONTROL = Uint8Array.from({ length: 256 }, (_, b) => ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f ? 1 : 0));

/**
 * Control characters in the first `n` bytes, by table. Its own function, so that V8 optimises the
 * loop once: inside `decodeText` it was compiled for on-stack replacement and thrown away again in
 * every call.
 */
function countControl(bytes: Uint8Array, n: number): number {
  let control = 0;
  for (let i = 0; i < n; i++) control += CONTROL[bytes[i]!]!;
  return control;
}

/** True when the bytes from `at` are the start of a multi-byte character cut off by the end of the file. */
function endsInsideCharacter(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const need = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
  if (need === 0 || bytes.length - at > need) return false;
  for (let i = at + 1; i < bytes.length; i++) if (bytes[i]! < 0x80 || bytes[i]! > 0xbf) return false;
  return true;
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Decodes a text file's bytes; `file` names it in errors. */
export function decodeText(bytes: Uint8Array, file?: string): string {
  const where = file === undefined ? {} : { file };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', where);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', where);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new LeximapError('E_BINARY', `this is a binary file, not text (a NUL byte at offset ${nul}); convert it to .txt, .docx or .csv first`, where);
  }
  const sample = Math.min(bytes.length, SAMPLE);
  const control = countControl(bytes, sample);
  if (sample > 0 && control / sample > MAX_CONTROL_SHARE) {
    throw new LeximapError(
      'E_BINARY',
      `this is a binary file, not text (${control} control characters in the first ${sample} bytes); convert it to .txt, .docx or .csv first`,
      where,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const at = findInvalidUtf8(bytes);
    const detail =
      at === -1
        ? 'it could not be decoded'
        : endsInsideCharacter(bytes, at)
          ? `it ends inside a character (byte offset ${at})`
          : `byte ${hex(bytes[at]!)} at byte offset ${at} is not UTF-8 (perhaps Latin-1 or Windows-1252)`;
    throw new LeximapError('E_ENCODING', `not valid UTF-8: ${detail}; re-save the file as UTF-8`, { ...where, cause });
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', where: { file?: string }): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new LeximapError('E_ENCODING', `not valid ${encoding.toUpperCase()} although it starts with its byte-order mark; re-save the file as UTF-8`, {
      ...where,
      cause,
    });
  }
}
