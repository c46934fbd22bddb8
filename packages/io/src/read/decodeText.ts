/**
 * Bytes → text, refusing what is not text. In order:
 * - a UTF-16 byte-order mark means UTF-16 (as Windows Notepad writes "Unicode");
 * - UTF-16 without a byte-order mark is recognised by its NUL bytes falling on one parity (the
 *   high bytes of Latin text), as most editors and the WHATWG encoding sniffers do;
 * - any other NUL byte, or many control characters, is `E_BINARY`;
 * - valid UTF-8 is UTF-8 (its byte-order mark removed);
 * - otherwise the encoding is detected by `chardet` (ICU's byte-frequency recognisers) and the
 *   bytes decoded by `iconv-lite`: Windows-1252, Latin-1 and the other single-byte code pages
 *   that old Word, Excel and transcription tools write. Files that mix valid UTF-8 sequences with
 *   invalid ones, or whose UTF-8 is cut inside a character, are `E_ENCODING` with the byte offset,
 *   found by a validator that follows the UTF-8 well-formedness table (Unicode 15, table 3-7).
 * The text is otherwise kept exactly as read; `decodeTextDetailed` also says which encoding it was.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
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

/** A decoded text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  /**
   * `UTF-8`, `UTF-16LE` or `UTF-16BE` (with or without a byte-order mark), or the name
   * `chardet` detected (`windows-1252`, `ISO-8859-1` …) for a file that is not UTF-8.
   */
  encoding: string;
  /** True when the encoding was guessed from the bytes, not declared by a byte-order mark or valid UTF-8. */
  detected: boolean;
}

/** Share of NUL bytes on one parity (and at most `UTF16_OTHER_PARITY` on the other) that makes a file UTF-16 without a byte-order mark. */
const UTF16_NUL_PARITY = 0.3;
const UTF16_OTHER_PARITY = 0.05;

/** `utf-16le` or `utf-16be` when the NUL bytes of the sample fall on one parity as in UTF-16 text, else undefined. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs >= UTF16_NUL_PARITY && even / pairs <= UTF16_OTHER_PARITY) return 'utf-16le';
  if (even / pairs >= UTF16_NUL_PARITY && odd / pairs <= UTF16_OTHER_PARITY) return 'utf-16be';
  return undefined;
}

/** Decodes a text file's bytes; `file` names it in errors. */
export function decodeText(bytes: Uint8Array, file?: string): string {
  return decodeTextDetailed(bytes, file).text;
}

/** Decodes a text file's bytes and says in which encoding; `file` names it in errors. */
export function decodeTextDetailed(bytes: Uint8Array, file?: string): DecodedText {
  const where = file === undefined ? {} : { file };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', where, false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', where, false);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 = sniffUtf16(bytes);
    if (utf16 !== undefined) return decodeUtf16(bytes, utf16, where, true);
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
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8', detected: false };
  } catch (cause) {
    const at = findInvalidUtf8(bytes);
    if (at === -1) throw new LeximapError('E_ENCODING', 'not valid UTF-8: it could not be decoded; re-save the file as UTF-8', { ...where, cause });
    if (endsInsideCharacter(bytes, at)) {
      throw new LeximapError('E_ENCODING', `not valid UTF-8: it ends inside a character (byte offset ${at}); re-save the file as UTF-8`, { ...where, cause });
    }
    if (hasUtf8Sequence(bytes)) {
      throw new LeximapError(
        'E_ENCODING',
        `mixes UTF-8 with another encoding: byte ${hex(bytes[at]!)} at byte offset ${at} is not UTF-8, although other characters are; re-save the file as UTF-8`,
        { ...where, cause },
      );
    }
    return decodeLegacy(bytes, where);
  }
}

/** True when the bytes hold at least one well-formed multi-byte UTF-8 sequence (text in a legacy code page almost never does). */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b <= 0xdf ? 1 : b <= 0xef ? 2 : 3;
    if (findInvalidUtf8(bytes.subarray(i, i + need + 1)) === -1 && i + need < n) return true;
  }
  return false;
}

/** A file that is not UTF-8: the encoding `chardet` ranks first among those `iconv-lite` decodes, Windows-1252 when it has none. */
function decodeLegacy(bytes: Uint8Array, where: { file?: string }): DecodedText {
  const guess = chardet.analyse(bytes).find((m) => !m.name.startsWith('UTF') && m.name !== 'ASCII' && iconv.encodingExists(m.name));
  const encoding = guess?.name ?? 'windows-1252';
  let text: string;
  try {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  } catch (cause) {
    throw new LeximapError('E_ENCODING', `not valid UTF-8, nor ${encoding}; re-save the file as UTF-8`, { ...where, cause });
  }
  return { text, encoding, detected: true };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', where: { file?: string }, detected: boolean): DecodedText {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const why = detected ? 'although its NUL bytes look like it' : 'although it starts with its byte-order mark';
    throw new LeximapError('E_ENCODING', `not valid ${encoding.toUpperCase()} ${why}; re-save the file as UTF-8`, { ...where, cause });
  }
  if (detected && controlShare(text) > MAX_CONTROL_SHARE) {
    throw new LeximapError('E_BINARY', 'this is a binary file, not text (NUL bytes, and control characters when read as UTF-16); convert it to .txt, .docx or .csv first', where);
  }
  return { text, encoding: encoding.toUpperCase(), detected };
}

/** Share of control characters (as counted by `CONTROL`) among the first `SAMPLE` characters of a decoded text. */
function controlShare(text: string): number {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x100 && CONTROL[c]) control++;
  }
  return n === 0 ? 0 : control / n;
}
