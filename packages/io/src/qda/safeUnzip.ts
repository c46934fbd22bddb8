/**
 * Opens a zip archive without trusting it: the central directory's sizes are checked against
 * limits (total uncompressed size, compression ratio, entry count) before anything is inflated,
 * and each entry is inflated into a buffer of its declared size, so a lying header cannot make
 * it grow. A zip bomb therefore costs at most `maxTotalBytes` of memory, and usually nothing.
 */
import { unzipSync } from 'fflate';
import { LeximapError } from '@leximap/core';

/** Limits of {@link safeUnzip}. */
export interface ZipLimits {
  /** Largest total uncompressed size of all entries, in bytes. @default 1 GiB */
  maxTotalBytes: number;
  /** Largest uncompressed ÷ compressed ratio of an entry over 1 MiB. @default 200 */
  maxRatio: number;
  /** Most entries. @default 20000 */
  maxEntries: number;
}

export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 2 ** 30, maxRatio: 200, maxEntries: 20_000 };

export interface ZipEntry {
  name: string;
  size: number;
  originalSize: number;
}

/** A checked archive: its entry list, and a reader that inflates one entry on demand. */
export interface SafeZip {
  entries: ZipEntry[];
  read(name: string): Uint8Array;
}

export function safeUnzip(bytes: Uint8Array, file: string, limits: Partial<ZipLimits> = {}): SafeZip {
  const { maxTotalBytes, maxRatio, maxEntries } = { ...ZIP_LIMITS, ...limits };
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize });
        return false;
      },
    });
  } catch (cause) {
    throw new LeximapError('E_BAD_QDPX', 'is not a zip archive (a .qdpx project is a zip file with a .qde inside); export the project again', { file, cause });
  }
  if (entries.length > maxEntries) {
    throw new LeximapError('E_UNSAFE_INPUT', `has ${entries.length} zip entries, more than the limit of ${maxEntries}`, { file });
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.originalSize;
    if (entry.originalSize > 2 ** 20 && entry.originalSize > maxRatio * Math.max(1, entry.size)) {
      throw new LeximapError(
        'E_UNSAFE_INPUT',
        `zip entry "${entry.name}" would inflate ${entry.size} bytes to ${entry.originalSize} (ratio over ${maxRatio}); refusing a likely zip bomb`,
        { file },
      );
    }
  }
  if (total > maxTotalBytes) {
    throw new LeximapError(
      'E_UNSAFE_INPUT',
      `zip entries would inflate to ${total} bytes, more than the limit of ${maxTotalBytes}; refusing a likely zip bomb`,
      { file },
    );
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return {
    entries,
    read(name) {
      const entry = byName.get(name);
      if (!entry) throw new LeximapError('E_BAD_QDPX', `has no zip entry "${name}"`, { file });
      let out: Uint8Array | undefined;
      try {
        out = unzipSync(bytes, { filter: (info) => info.name === name })[name];
      } catch (cause) {
        throw new LeximapError('E_BAD_QDPX', `zip entry "${name}" is corrupt`, { file, cause });
      }
      if (!out || out.length !== entry.originalSize) {
        throw new LeximapError('E_BAD_QDPX', `zip entry "${name}" does not inflate to its declared size`, { file });
      }
      return out;
    },
  };
}
