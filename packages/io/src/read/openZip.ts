/**
 * The one guard for every zip leximap opens (.docx, .xlsx, .qdpx), before any library inflates
 * it. The central directory (the list mammoth, exceljs and the REFI-QDA reader go by) is read
 * from the archive's end (APPNOTE.TXT 4.3.12–4.3.16, PKWARE's zip specification); then:
 *
 * - declared sizes are checked first (entry count, total, compression ratio), which refuses most
 *   bombs without inflating a byte;
 * - declared sizes are not trusted: each entry is inflated as a stream (fflate's `Inflate`, 16 KB
 *   of input at a time) and stopped as soon as it grows past its declared size, so an entry that
 *   declares 4 KB and holds 1 GB costs 4 KB, not a gigabyte; since the declared sizes are bounded
 *   in total, so is everything inflated, even from overlapping entries (a zip bomb's trick) —
 *   which are refused anyway;
 * - encrypted entries, unknown compression methods and zip64 archives (over 4 GB or 65,535
 *   entries, never a document) are refused with a clear message.
 *
 * `checkZip` inflates every entry once and keeps nothing (docx, xlsx: their library then inflates
 * them again, now known to be bounded); `openZip(…).read` inflates one entry and keeps it (qdpx).
 */
import { Inflate } from 'fflate';
import { LeximapError, type ErrorCode } from '@leximap/core';

/** Limits of {@link openZip}. */
export interface ZipLimits {
  /** Largest total uncompressed size of all entries, in bytes. @default 1 GiB */
  maxTotalBytes: number;
  /** Largest uncompressed ÷ compressed ratio of an entry over 1 MiB. @default 200 */
  maxRatio: number;
  /** Most entries. @default 20000 */
  maxEntries: number;
}

export const ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({ maxTotalBytes: 2 ** 30, maxRatio: 200, maxEntries: 20_000 });

/** An entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** Compressed size, in bytes. */
  size: number;
  /** Uncompressed size as declared; an entry that inflates past it is refused. */
  originalSize: number;
}

/** A checked archive: its entry list, and a reader that inflates one entry on demand. */
export interface SafeZip {
  entries: ZipEntry[];
  read(name: string): Uint8Array;
}

/** How to speak of the archive in errors. */
export interface OpenZipOptions {
  limits?: Partial<ZipLimits> | undefined;
  /** The code for an archive that is broken (not for one that looks malicious, always `E_UNSAFE_INPUT`). */
  code: ErrorCode;
  /** The message for bytes that are not a zip archive. */
  notZip: string;
}

interface Entry extends ZipEntry {
  method: number;
  flags: number;
  /** Offset of the local header. */
  offset: number;
}

const CHUNK = 16 * 1024;
const FREE_RATIO_BYTES = 2 ** 20;

/** The checked central directory: entries with the offsets of their data. */
function open(bytes: Uint8Array, file: string, options: OpenZipOptions): { entries: Entry[]; starts: Map<Entry, number> } {
  const { maxTotalBytes, maxRatio, maxEntries } = { ...ZIP_LIMITS, ...options.limits };
  const broken = (detail: string): LeximapError => new LeximapError(options.code, `${options.notZip} (${detail})`, { file });
  const entries = centralDirectory(bytes, file, maxEntries, broken);
  let total = 0;
  for (const entry of entries) {
    total += entry.originalSize;
    if (entry.originalSize > FREE_RATIO_BYTES && entry.originalSize > maxRatio * Math.max(1, entry.size)) {
      throw new LeximapError('E_UNSAFE_INPUT', `zip entry "${entry.name}" would inflate ${entry.size} bytes to ${entry.originalSize} (ratio over ${maxRatio}); refusing a likely zip bomb`, { file });
    }
  }
  if (total > maxTotalBytes) {
    throw new LeximapError('E_UNSAFE_INPUT', `zip entries would inflate to ${total} bytes, more than the limit of ${maxTotalBytes}; refusing a likely zip bomb`, { file });
  }
  const spans = entries.map((entry) => ({ entry, start: dataStart(bytes, entry, broken) })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1]!;
    if (before.start + before.entry.size > spans[i]!.start) {
      throw new LeximapError('E_UNSAFE_INPUT', `zip entries "${before.entry.name}" and "${spans[i]!.entry.name}" overlap (a zip bomb's trick); refusing the archive`, { file });
    }
  }
  return { entries, starts: new Map(spans.map((s) => [s.entry, s.start])) };
}

/** Reads and checks the central directory of `bytes`; entries are inflated only by `read`. */
export function openZip(bytes: Uint8Array, file: string, options: OpenZipOptions): SafeZip {
  const { entries, starts } = open(bytes, file, options);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return {
    entries: entries.map(({ name, size, originalSize }) => ({ name, size, originalSize })),
    read(name) {
      const entry = byName.get(name);
      if (!entry) throw new LeximapError(options.code, `has no zip entry "${name}"`, { file });
      return inflateEntry(bytes, entry, starts.get(entry)!, file, options.code, true)!;
    },
  };
}

/** Checks `bytes` as {@link openZip} does and inflates every entry once, keeping nothing: afterwards a library may inflate it. */
export function checkZip(bytes: Uint8Array, file: string, options: OpenZipOptions): void {
  const { entries, starts } = open(bytes, file, options);
  for (const entry of entries) inflateEntry(bytes, entry, starts.get(entry)!, file, options.code, false);
}

function centralDirectory(bytes: Uint8Array, file: string, maxEntries: number, broken: (detail: string) => LeximapError): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken('no zip central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new LeximapError('E_UNSAFE_INPUT', 'is a zip64 archive (over 4 GB or 65,535 entries), which no document needs; refusing it', { file });
  }
  if (count > maxEntries) throw new LeximapError('E_UNSAFE_INPUT', `has ${count} zip entries, more than the limit of ${maxEntries}`, { file });
  if (offset + size > end) throw broken('the central directory lies outside the file');
  const entries: Entry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50) throw broken(`central directory entry ${k + 1} is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const original = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 like fflate does.
    const name = flags & 0x800 ? decoder.decode(raw) : String.fromCharCode(...raw);
    if (compressed === 0xffffffff || original === 0xffffffff || local === 0xffffffff) {
      throw new LeximapError('E_UNSAFE_INPUT', `zip entry "${name}" uses zip64 sizes (over 4 GB), which no document needs; refusing it`, { file });
    }
    entries.push({ name, size: compressed, originalSize: original, method, flags, offset: local });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function dataStart(bytes: Uint8Array, entry: Entry, broken: (detail: string) => LeximapError): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw broken(`the local header of "${entry.name}" is missing`);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.size > bytes.length) throw broken(`zip entry "${entry.name}" runs past the end of the file`);
  return start;
}

class TooLong extends Error {}

/** Inflates `entry` as a stream, never past its declared size; returns its bytes when `keep`. */
function inflateEntry(bytes: Uint8Array, entry: Entry, start: number, file: string, code: ErrorCode, keep: boolean): Uint8Array | undefined {
  if (entry.flags & 1) throw new LeximapError(code, `zip entry "${entry.name}" is encrypted; save the file without a password`, { file });
  const data = bytes.subarray(start, start + entry.size);
  if (entry.method === 0) {
    if (data.length !== entry.originalSize) throw new LeximapError(code, `zip entry "${entry.name}" is stored with a size that does not match its declared size`, { file });
    return keep ? data.slice() : undefined;
  }
  if (entry.method !== 8) throw new LeximapError(code, `zip entry "${entry.name}" uses compression method ${entry.method}; only deflate is read (re-save the file)`, { file });
  const out = keep ? new Uint8Array(entry.originalSize) : undefined;
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > entry.originalSize) throw new TooLong();
    out?.set(chunk, length);
    length += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let at = 0; at < data.length; at += CHUNK) inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch (error) {
    if (error instanceof TooLong) {
      throw new LeximapError('E_UNSAFE_INPUT', `zip entry "${entry.name}" inflates past its declared ${entry.originalSize} bytes; refusing a likely zip bomb`, { file });
    }
    throw new LeximapError(code, `zip entry "${entry.name}" is corrupt (${error instanceof Error ? error.message : String(error)})`, { file, cause: error });
  }
  if (length !== entry.originalSize) throw new LeximapError(code, `zip entry "${entry.name}" inflates to ${length} bytes, not its declared ${entry.originalSize}; the file is damaged`, { file });
  return out;
}
