/**
 * Files and folders → the source files to read, in a fixed order. Folders are walked
 * recursively; hidden entries (`.name`) and Office lock files (`~$name`) are skipped, and only
 * the extensions that have a reader in `READERS` are kept. The list is sorted by id with a
 * code-unit comparison, so it never depends on the file system's order or the locale.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { LeximapError, type ErrorCode } from '@leximap/core';
import { OUTPUT_MARKER } from '../write/writeOutputs.ts';
import { READERS } from './readers.ts';
import type { SourceFile } from './SourceFile.ts';

/** Options of `listSources`. */
export interface ListSourcesOptions {
  /** Extensions to keep, lower case with the dot. @default the keys of `READERS` */
  extensions?: readonly string[];
  /** Folders and files to leave out wherever they are met (the output folder). @default [] */
  exclude?: readonly string[];
  /** Follow symbolic links that lead out of the given files and folders. @default false */
  followSymlinks?: boolean;
  /** Told of each file or folder left out on purpose (a link out of the inputs, leximap's own output), with why. */
  onSkip?: (skipped: { path: string; reason: string; code: ErrorCode }) => void;
}

interface Found {
  /** Path as given, joined with the path below it. */
  path: string;
  absolute: string;
  /** Absolute folder the tags and `relativePath` are relative to. */
  root: string;
}

interface Walk {
  extensions: ReadonlySet<string>;
  /** Real paths of the given folders (and of given files' folders): links inside them are followed. */
  roots: readonly string[];
  excluded: ReadonlySet<string>;
  followSymlinks: boolean;
  onSkip: NonNullable<ListSourcesOptions['onSkip']>;
  /** Real paths of the folders walked and the files found, so each is listed once. */
  seen: Set<string>;
  out: Found[];
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

/** Whether `path` is `folder` or below it. */
function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
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

async function isLeximapOutput(folder: string): Promise<boolean> {
  return stat(join(folder, OUTPUT_MARKER)).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function walk(folder: string, given: string, root: string, w: Walk): Promise<void> {
  const real = await realpath(folder);
  if (w.seen.has(real)) return;
  w.seen.add(real);
  // Sorted, so which of two names for one file is kept never depends on the file system's order.
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const absolute = join(folder, entry.name);
    const path = join(given, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let target = absolute;
    if (entry.isSymbolicLink()) {
      target = (await realpath(absolute).catch(() => undefined)) ?? absolute;
      const stats = await stat(absolute).catch(() => undefined);
      isDirectory = stats?.isDirectory() ?? false;
      isFile = stats?.isFile() ?? false;
      // A link to a folder outside the inputs is not walked (it can pull in a whole tree nobody
      // chose); a link to one file is a file someone put there on purpose (a folder of links is
      // how a corpus is often assembled, ../shared/eval does it), so it is read.
      if (isDirectory && !w.followSymlinks && !w.roots.some((r) => isWithin(target, r))) {
        w.onSkip({ path, code: 'E_UNSAFE_INPUT', reason: `is a symbolic link to the folder ${target}, outside the given files and folders; not followed (give --follow-symlinks to read it)` });
        continue;
      }
    } else if (isDirectory || isFile) {
      target = join(real, entry.name);
    }
    if (w.excluded.has(target)) continue;
    if (isDirectory) {
      if (await isLeximapOutput(absolute)) {
        w.onSkip({ path, code: 'E_UNSUPPORTED', reason: 'is a folder leximap wrote output into; its files are not read as documents' });
        continue;
      }
      await walk(absolute, path, root, w);
    } else if (isFile && w.extensions.has(extname(entry.name).toLowerCase()) && !w.seen.has(target)) {
      w.seen.add(target);
      w.out.push({ path, absolute, root });
    }
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

/**
 * Expands `paths` (files and folders) into the source files to read, sorted by id. Each file is
 * listed once, however many times and under whatever names it is reached (by real path); a path
 * inside another given folder is read as part of that folder, with its tags.
 */
export async function listSources(paths: readonly string[], options: ListSourcesOptions = {}): Promise<SourceFile[]> {
  const extensions = new Set((options.extensions ?? Object.keys(READERS)).map((e) => e.toLowerCase()));
  const given: { path: string; absolute: string; real: string; folder: boolean }[] = [];
  for (const path of paths) {
    const stats = await statOrThrow(path);
    const absolute = resolve(path);
    if (!stats.isDirectory()) {
      const extension = extname(path).toLowerCase();
      if (!extensions.has(extension)) {
        throw new LeximapError('E_UNSUPPORTED', `cannot read ${extension || 'files without an extension'}; leximap reads ${[...extensions].join(' ')}`, { file: path });
      }
    }
    given.push({ path, absolute, real: await realpath(absolute), folder: stats.isDirectory() });
  }
  const folders = given.filter((g) => g.folder);
  const excluded = new Set<string>();
  for (const path of options.exclude ?? []) {
    const real = await realpath(resolve(path)).catch(() => undefined);
    if (real !== undefined) excluded.add(real);
  }
  const w: Walk = {
    extensions,
    roots: given.map((g) => (g.folder ? g.real : dirname(g.real))),
    excluded,
    followSymlinks: options.followSymlinks ?? false,
    onSkip: options.onSkip ?? (() => {}),
    seen: new Set(),
    out: [],
  };
  const found = w.out;
  for (const g of folders) {
    // A folder inside another given folder (or given twice) is read with the outer one, under its tags.
    if (w.seen.has(g.real) || folders.some((f) => f.real !== g.real && isWithin(g.real, f.real))) continue;
    const before = found.length;
    await walk(g.absolute, g.path, g.absolute, w);
    if (found.length === before) {
      throw new LeximapError('E_EMPTY_CORPUS', `no readable file (${[...extensions].join(' ')}) in this folder`, { file: g.path });
    }
  }
  for (const g of given) {
    if (g.folder || w.seen.has(g.real)) continue;
    w.seen.add(g.real);
    found.push({ path: g.path, absolute: g.absolute, root: dirname(g.absolute) });
  }
  if (found.length === 0) return [];
  const base = commonFolder([...new Set(found.map((f) => f.root))]);
  const sources = found.map((f): SourceFile => {
    const relativePath = toSlashes(relative(f.root, f.absolute));
    const file = basename(f.absolute);
    const name = file.slice(0, file.length - extname(file).length);
    const folders = relativePath.split('/').slice(0, -1);
    return {
      path: f.path,
      relativePath,
      id: toSlashes(relative(base, f.absolute)),
      name,
      tags: [...folders.map((folder) => `folder:${folder}`), `file:${name}`],
    };
  });
  return sources.sort((a, b) => compareCodeUnits(a.id, b.id));
}
