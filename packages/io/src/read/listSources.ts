/**
 * Files and folders → the source files to read, in a fixed order. Folders are walked
 * recursively; hidden entries (`.name`) and Office lock files (`~$name`) are skipped, and only
 * the extensions that have a reader in `READERS` are kept. The list is sorted by id with a
 * code-unit comparison, so it never depends on the file system's order or the locale.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { LeximapError } from '@leximap/core';
import { READERS } from './readers.ts';
import type { SourceFile } from './SourceFile.ts';

/** Options of `listSources`. */
export interface ListSourcesOptions {
  /** Extensions to keep, lower case with the dot. @default the keys of `READERS` */
  extensions?: readonly string[];
}

interface Found {
  /** Path as given, joined with the path below it. */
  path: string;
  absolute: string;
  /** Absolute folder the tags and `relativePath` are relative to. */
  root: string;
}

/** Compares strings by UTF-16 code units, independent of the locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isHidden(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

async function statOrThrow(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : `cannot be opened (${code ?? String(cause)})`;
    throw new LeximapError('E_NOT_FOUND', `${reason}; check the path`, { file: path, cause });
  }
}

async function walk(folder: string, given: string, root: string, extensions: ReadonlySet<string>, seen: Set<string>, out: Found[]): Promise<void> {
  const real = await realpath(folder);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const absolute = join(folder, entry.name);
    const path = join(given, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(absolute).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) await walk(absolute, path, root, extensions, seen, out);
    else if (isFile && extensions.has(extname(entry.name).toLowerCase())) out.push({ path, absolute, root });
  }
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0]!.split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

/** Expands `paths` (files and folders) into the source files to read, sorted by id. */
export async function listSources(paths: readonly string[], options: ListSourcesOptions = {}): Promise<SourceFile[]> {
  const extensions = new Set((options.extensions ?? Object.keys(READERS)).map((e) => e.toLowerCase()));
  const found: Found[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const absolute = resolve(given);
    const stats = await statOrThrow(given);
    if (stats.isDirectory()) {
      const before = found.length;
      await walk(absolute, given, absolute, extensions, seen, found);
      if (found.length === before) {
        throw new LeximapError('E_EMPTY_CORPUS', `no readable file (${[...extensions].join(' ')}) in this folder`, { file: given });
      }
    } else {
      const extension = extname(given).toLowerCase();
      if (!extensions.has(extension)) {
        throw new LeximapError('E_UNSUPPORTED', `cannot read ${extension || 'files without an extension'}; leximap reads ${[...extensions].join(' ')}`, { file: given });
      }
      found.push({ path: given, absolute, root: dirname(absolute) });
    }
  }
  if (found.length === 0) return [];
  const base = commonFolder([...new Set(found.map((f) => f.root))]);
  const byAbsolute = new Map<string, SourceFile>();
  for (const f of found) {
    if (byAbsolute.has(f.absolute)) continue;
    const relativePath = toSlashes(relative(f.root, f.absolute));
    const file = basename(f.absolute);
    const name = file.slice(0, file.length - extname(file).length);
    const folders = relativePath.split('/').slice(0, -1);
    byAbsolute.set(f.absolute, {
      path: f.path,
      relativePath,
      id: toSlashes(relative(base, f.absolute)),
      name,
      tags: [...folders.map((folder) => `folder:${folder}`), `file:${name}`],
    });
  }
  return [...byAbsolute.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
}
