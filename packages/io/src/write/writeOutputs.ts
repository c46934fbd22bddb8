/**
 * All output files at once, or none: they are written into a temporary folder beside `dir` (same
 * file system, so renames are atomic), then the folder is renamed to `dir` when `dir` does not
 * exist yet, or each file is renamed into place over the old one. On failure the temporary
 * folder is removed and `E_WRITE` thrown; files already in `dir` are only ever replaced whole.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LeximapError } from '@leximap/core';

function checkName(name: string, dir: string): void {
  const parts = name.split('/');
  if (name === '' || isAbsolute(name) || name.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new LeximapError('E_WRITE', `output name ${JSON.stringify(name)} is not a relative path inside the output folder`, { file: dir });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Writes `files` (name → content, names may contain `/`) into `dir`, creating it if needed. */
export async function writeOutputs(dir: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  const names = Object.keys(files);
  for (const name of names) checkName(name, dir);
  const target = resolve(dir);
  let temp: string | undefined;
  try {
    await mkdir(dirname(target), { recursive: true });
    temp = await mkdtemp(join(dirname(target), `.${basename(target)}.tmp-`));
    for (const name of names) {
      const path = join(temp, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name]!);
    }
    if (!(await exists(target))) {
      await rename(temp, target);
      temp = undefined;
      return;
    }
    for (const name of names) {
      const path = join(target, name);
      await mkdir(dirname(path), { recursive: true });
      await rename(join(temp, name), path);
    }
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : String(cause));
    throw new LeximapError('E_WRITE', `output could not be written (${reason}); check that the folder is writable and the disk not full`, { file: dir, cause });
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true });
  }
}
