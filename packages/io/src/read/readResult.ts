import { LeximapError, validateResult } from '@leximap/core';
import type { LeximapResult } from '@leximap/core';
import { decodeText } from './decodeText.ts';
import { readBytes } from './readBytes.ts';

/** Reads a result.json and validates it against the result contract (`E_BAD_RESULT` on any mismatch). */
export async function readResult(path: string): Promise<LeximapResult> {
  const bytes = await readBytes(path);
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes, path));
  } catch (cause) {
    if (cause instanceof LeximapError) throw new LeximapError('E_BAD_RESULT', `not a leximap result: ${cause.message}`, { cause });
    throw new LeximapError('E_BAD_RESULT', `not a leximap result: not JSON (${cause instanceof Error ? cause.message : String(cause)})`, { file: path, cause });
  }
  return validateResult(json, path);
}
