/**
 * All output files at once, or none, whatever signal arrives and whenever. The new set is written
 * into a fresh temporary folder beside `dir` (same file system, so renames are atomic) and swapped
 * in by two renames: `dir` → a sibling "old" folder, the new folder → `dir`. At every moment
 * either the old set or the new one is whole on disk: before the swap the old set is in `dir`;
 * between the two renames, in the old folder (a later run puts it back, if the process died
 * there); after, the new one is in `dir`. Both renames run in one synchronous step, and SIGINT,
 * SIGTERM and SIGHUP are held while writing: an interrupt before the swap removes the temporary
 * folder and leaves `dir` as it was, one during it lets the swap finish; the signal then ends the
 * process as it would have. Temporary folders of earlier runs that died (their process is gone)
 * are removed.
 *
 * Only `replace` (an analysis, whose files are one set) drops what leximap wrote there before and
 * this set lacks, and only then is the whole folder swapped, when everything in it was written by
 * leximap (the names in its marker file {@link OUTPUT_MARKER}, or the names about to be written).
 * Otherwise (`render`, `compare`, `export`: files added to a folder, often an analysis's own) and
 * in a folder that holds other files (a user's folder given to `render -o`), the current folder,
 * a symbolic link, or a folder whose parent is not writable, the files are replaced one by one,
 * each by a rename, in one synchronous step (so no handled signal splits them), every other file
 * kept. Until that distinction, `leximap render result.json` swapped the analysis folder for one
 * holding the map alone: result.json, the CSVs and the maps were gone.
 *
 * Folders and files are created with the default modes, so the umask decides who may read them.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, lstatSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LeximapError } from '@leximap/core';

/** The hidden file in every folder leximap writes: the names it wrote there, so the next run knows what is its own. */
export const OUTPUT_MARKER = '.leximap-output.json';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function checkName(name: string, dir: string): void {
  const parts = name.split('/');
  if (name === '' || isAbsolute(name) || name.includes('\\') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new LeximapError('E_WRITE', `output name ${JSON.stringify(name)} is not a relative path inside the output folder`, { file: dir });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function entriesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** Temporary (`tmp`) and old (`old`) folders named for `base` in `folder`, by a process now gone. */
function staleFolders(folder: string, base: string): { name: string; kind: 'tmp' | 'old' }[] {
  const pattern = new RegExp(`^\\.${escapeRegExp(base)}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`);
  const out: { name: string; kind: 'tmp' | 'old' }[] = [];
  for (const name of entriesOf(folder)) {
    const match = pattern.exec(name);
    if (match && !isAlive(Number(match[2]))) out.push({ name, kind: match[1] as 'tmp' | 'old' });
  }
  return out;
}

/** Puts back an old set a dead run left between its two renames, then removes what dead runs left. */
function recover(parent: string, base: string, target: string): void {
  const stale = staleFolders(parent, base);
  if (!exists(target)) {
    const old = stale.find((s) => s.kind === 'old');
    if (old) {
      renameSync(join(parent, old.name), target);
      stale.splice(stale.indexOf(old), 1);
    }
  }
  for (const s of stale) rmSync(join(parent, s.name), { recursive: true, force: true });
  for (const s of staleFolders(target, 'leximap')) rmSync(join(target, s.name), { recursive: true, force: true });
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The top-level names a folder's marker says leximap wrote there, or undefined without a marker. */
function markedNames(folder: string): string[] | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(folder, OUTPUT_MARKER), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return undefined;
  }
}

/** Whether `target` may be swapped whole: a real folder (not the current one) holding only leximap's files. */
function swappable(target: string, top: ReadonlySet<string>): boolean {
  const stats = lstatSync(target);
  if (!stats.isDirectory() || target === process.cwd()) return false;
  const ours = new Set([...top, OUTPUT_MARKER, ...(markedNames(target) ?? [])]);
  return entriesOf(target).every((name) => ours.has(name) || /^\.leximap\.tmp-\d+-[0-9a-f]+$/.test(name));
}

function freshName(base: string, kind: 'tmp' | 'old'): string {
  return `.${base}.${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/** Holds SIGINT, SIGTERM and SIGHUP while output is written; `end` lets a held signal do what it would have done. */
function holdSignals(): { check: () => void; end: () => Promise<void>; release: () => void } {
  let held: NodeJS.Signals | undefined;
  let released = false;
  const handler = (signal: NodeJS.Signals): void => {
    held ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  const release = (): void => {
    released = true;
    for (const signal of SIGNALS) process.off(signal, handler);
  };
  return {
    check() {
      if (held) throw new Interrupted(held);
    },
    async end() {
      if (released) return;
      // A signal that came during the last synchronous step is delivered on the next turn.
      await new Promise((done) => setImmediate(done));
      release();
      if (held) reraise(held);
    },
    release,
  };
}

function reraise(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

export interface WriteOptions {
  /** The files are the folder's whole set: what leximap wrote there before and they lack is removed. @default false */
  replace?: boolean;
}

/** Writes `files` (name → content, names may contain `/`) into `dir`, creating it if needed. */
export async function writeOutputs(dir: string, files: Readonly<Record<string, string | Uint8Array>>, options: WriteOptions = {}): Promise<void> {
  if (dir.trim() === '') throw new LeximapError('E_OPTION', 'output folder: got "", expected a folder name');
  const names = Object.keys(files);
  for (const name of names) checkName(name, dir);
  const top = new Set(names.map((name) => name.split('/')[0]!));
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  const signals = holdSignals();
  let temp: string | undefined;
  try {
    await mkdir(parent, { recursive: true });
    recover(parent, base, target);
    const existed = exists(target);
    let whole = !existed || (options.replace === true && swappable(target, top));
    temp = join(parent, freshName(base, 'tmp'));
    try {
      await mkdir(temp);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (!existed || !['EACCES', 'EPERM', 'EROFS'].includes(code ?? '')) throw cause;
      // A writable folder in a parent that is not: the new files wait inside it.
      temp = join(target, freshName('leximap', 'tmp'));
      whole = false;
      await mkdir(temp);
    }
    signals.check();
    for (const name of names) {
      const path = join(temp, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, files[name]!);
      signals.check();
    }
    const previous = existed ? (markedNames(target) ?? []) : [];
    const written = whole ? [...top] : [...new Set([...previous, ...top])];
    if (whole || markedNames(target) !== undefined) {
      await writeFile(join(temp, OUTPUT_MARKER), JSON.stringify({ files: written.sort() }) + '\n');
      signals.check();
    }
    // From here on, synchronous: no signal handler runs until the new set is in place.
    if (!existed) {
      renameSync(temp, target);
    } else if (whole) {
      const old = join(parent, freshName(base, 'old'));
      renameSync(target, old);
      renameSync(temp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      commitInPlace(temp, target, names, options.replace ? previous.filter((name) => !top.has(name)) : []);
      rmSync(temp, { recursive: true, force: true });
    }
    temp = undefined;
  } catch (cause) {
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
    if (cause instanceof Interrupted) {
      signals.release();
      reraise(cause.signal);
      throw new LeximapError('E_WRITE', `${cause.message}; the output folder was left as it was`, { file: dir });
    }
    if (cause instanceof LeximapError) throw cause;
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : String(cause));
    throw new LeximapError('E_WRITE', `output could not be written (${reason}); check that the folder is writable and the disk not full`, { file: dir, cause });
  } finally {
    await signals.end();
  }
}

/** Moves each new file over the old one, then removes the files an earlier run wrote that this one did not. */
function commitInPlace(temp: string, target: string, names: readonly string[], dropped: readonly string[]): void {
  for (const name of names) {
    const path = join(target, name);
    mkdirSync(dirname(path), { recursive: true });
    if (exists(path) && statSync(path).isDirectory()) rmSync(path, { recursive: true, force: true });
    renameSync(join(temp, name), path);
  }
  if (exists(join(temp, OUTPUT_MARKER))) renameSync(join(temp, OUTPUT_MARKER), join(target, OUTPUT_MARKER));
  for (const name of dropped) rmSync(join(target, name), { recursive: true, force: true });
}
