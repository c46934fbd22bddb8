/**
 * A look at a zip container (docx, xlsx) before a library inflates it: its central directory is
 * read by fflate without decompressing anything, and archives that declare too much content are
 * refused (zip bombs, DESIGN "Reliability").
 */
import { unzipSync } from 'fflate';
import { LeximapError } from '@leximap/core';

/** Largest total uncompressed size accepted. */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;
/** Most entries accepted. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Throws `E_PARSE` when `bytes` is not a zip archive, `E_UNSAFE_INPUT` when it would inflate too much. */
export function checkZip(bytes: Uint8Array, file: string, kind: string): void {
  let total = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        entries++;
        return false;
      },
    });
  } catch (cause) {
    throw new LeximapError('E_PARSE', `not a readable ${kind} file (${cause instanceof Error ? cause.message : String(cause)}); open and re-save it in Word or Excel`, {
      file,
      cause,
    });
  }
  if (entries > MAX_ZIP_ENTRIES || total > MAX_UNZIPPED_BYTES) {
    throw new LeximapError('E_UNSAFE_INPUT', `this ${kind} file would unpack to ${entries} entries and ${total} bytes, more than the limit of ${MAX_ZIP_ENTRIES} entries and ${MAX_UNZIPPED_BYTES} bytes (a zip bomb?)`, { file });
  }
}
