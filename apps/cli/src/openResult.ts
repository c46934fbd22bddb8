/** The preamble of the commands that read a result.json and write beside it (compare, export, render). */
import { dirname, join } from 'node:path';
import type { LeximapResult } from '@leximap/core';
import { readResult } from '@leximap/io';

/**
 * The result at `path` (validated by readResult, one-line error naming the file) and where the
 * command writes: `out` as given, else `beside` in the folder of the result.
 */
export async function openResult(path: string, out: string | undefined, beside: string): Promise<{ result: LeximapResult; out: string }> {
  const result = await readResult(path);
  return { result, out: out ?? join(dirname(path), beside) };
}
