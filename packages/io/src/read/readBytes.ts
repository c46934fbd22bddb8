import { readFile } from 'node:fs/promises';
import { LeximapError } from '@leximap/core';

/** A file's bytes; a file that is missing or cannot be read is `E_NOT_FOUND`, naming it. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new LeximapError('E_NOT_FOUND', code === 'ENOENT' ? 'no such file; check the path' : `cannot be read (${code ?? String(cause)})`, { file: path, cause });
  }
}
