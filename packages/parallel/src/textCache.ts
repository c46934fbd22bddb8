/**
 * The text-stage cache (issue 17.4): what reading and tokenising a corpus produced — the merged
 * TermStats, the documents, where each document came from and the files skipped — kept on disk,
 * so that a re-run with only concept, theme or layout options changed skips the text stage.
 *
 * - **Key**: SHA-256 over the cache format, the code that does the text stage (the built command's
 *   files, or the packages' sources), the versions of Node and of the text stage's npm packages,
 *   the text options, the read options, and every listed file's id, path and SHA-256 of its bytes.
 *   Any changed byte of an input or a text option is another key: an entry is never stale.
 * - **Place**: `$LEXIMAP_CACHE_DIR`, else `$XDG_CACHE_HOME/leximap`, else `~/.cache/leximap`
 *   (`cacheDir`), one file `<key>.lxc` per entry.
 * - **Entry**: a header (magic, payload length, SHA-256 of the payload) and the payload, a
 *   `v8.serialize` of the text stage. Written to a temporary file and renamed into place; read
 *   back only when length and checksum agree, otherwise removed with a one-line warning and rebuilt.
 * - **Bound**: the `maxEntries` most recently used entries are kept (8 by default; a hit renews
 *   an entry's time), the older ones are removed after each write.
 * - **Phrase labels** (`<key>.phrases.json` beside an entry): the phrase each concept word of
 *   that text was found to come in, or null, as the analysis finds them. They depend on the text
 *   alone (the blocks that hold the word), so a re-run whose concepts are the same reads no file
 *   for them: 0.2–0.3 s of a 2.4 s re-run on 8.5 M court words. Removed with their entry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { COMPILED, type DocumentMeta, type TermStats } from '@leximap/core';
import type { SourceFile } from '@leximap/io';
import type { FileFailure } from './tasks.ts';

/** Bumped whenever the entry layout or what it holds changes. */
export const TEXT_CACHE_FORMAT = 2;
const MAGIC = Buffer.from('LEXIMAP-TEXT-CACHE\n');
const HEADER = MAGIC.length + 8 + 32;
const SUFFIX = '.lxc';
const PHRASES = '.phrases.json';

/** What the text stage hands to the rest of the analysis. */
export interface TextStage {
  stats: TermStats;
  documents: DocumentMeta[];
  /** Per document: index of its file in the listed sources, and its index among that file's documents. */
  documentSource: Uint32Array;
  documentIndex: Uint32Array;
  skipped: FileFailure[];
}

export interface TextCacheOptions {
  /** The cache folder. @default cacheDir() */
  dir?: string;
  /** Entries kept (most recently used first). @default 8 */
  maxEntries?: number;
  /** Told about a corrupt entry or a failed write (one line). @default a line on stderr */
  warn?: (message: string) => void;
}

/** `$LEXIMAP_CACHE_DIR`, else `$XDG_CACHE_HOME/leximap`, else `~/.cache/leximap`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LEXIMAP_CACHE_DIR) return env.LEXIMAP_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'leximap');
  return join(homedir(), '.cache', 'leximap');
}

/**
 * The npm packages whose versions key the cache: every dependency of the packages that hold the
 * text stage (core and io from the sources; the command's own list once built, which names them
 * all). Read from their package.json files, so a reader added later is never left out.
 */
function textPackages(): string[] {
  const manifests = COMPILED ? ['../package.json'] : ['../../core/package.json', '../../io/package.json'];
  const names = new Set<string>();
  for (const manifest of manifests) {
    const { dependencies = {} } = JSON.parse(readFileSync(fileURLToPath(new URL(manifest, import.meta.url)), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(dependencies)) if (!name.startsWith('@leximap/')) names.add(name);
  }
  return [...names].sort();
}

let codeHash: string | undefined;

function hashTree(hash: ReturnType<typeof createHash>, dir: string, ext: RegExp): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path, ext);
    else if (ext.test(entry.name)) hash.update(`${entry.name}\0`).update(readFileSync(path)).update('\0');
  }
}

/**
 * The version of the code that makes the text stage: a hash of the built command's files (or,
 * from the sources, of the packages' sources and of the built worker the pool runs), of Node's
 * version and of the text packages' versions. Worked out once per process (a few ms).
 */
export function textCodeVersion(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  hash.update(`${process.versions.node}\0${process.versions.v8}\0`);
  const here = fileURLToPath(new URL('.', import.meta.url));
  if (COMPILED) hashTree(hash, here, /\.js$/);
  else {
    const packages = fileURLToPath(new URL('../../', import.meta.url));
    for (const p of ['core', 'io', 'parallel']) hashTree(hash, join(packages, p, 'src'), /\.(ts|json|txt)$/);
    hashTree(hash, join(packages, '..', 'apps', 'cli', 'dist'), /\.js$/);
  }
  const requires = [createRequire(import.meta.url)];
  if (!COMPILED) for (const p of ['core', 'io']) requires.push(createRequire(fileURLToPath(new URL(`../../${p}/package.json`, import.meta.url))));
  for (const name of textPackages()) {
    let version = '?';
    for (const require of requires) {
      try {
        version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
        break;
      } catch {
        // Not resolvable from here (or no package.json export): try the next place.
      }
    }
    hash.update(`${name}@${version}\0`);
  }
  return (codeHash = hash.digest('hex'));
}

/** The cache key of a text stage: the code, the options that change it and the bytes of every file (read here). */
export async function textStageKey(sources: readonly SourceFile[], options: unknown): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`leximap text cache ${TEXT_CACHE_FORMAT}\0${textCodeVersion()}\0${JSON.stringify(options)}\0${sources.length}\0`);
  const digests = new Array<string>(sources.length);
  // Eight readers, each streaming its files through one buffer of its own: reading every file
  // whole allocated the corpus's size again in buffers, and their garbage collection cost more
  // than the hashing (8.5 M court words, 52 MB: see benchmarks/README.md).
  let next = 0;
  const reader = async (): Promise<void> => {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let i = next++; i < sources.length; i = next++) digests[i] = await fileDigest(sources[i]!.path, buffer);
  };
  await Promise.all(Array.from({ length: Math.min(8, sources.length) }, reader));
  sources.forEach((s, i) => hash.update(`${s.id}\0${s.path}\0${s.relativePath}\0${s.name}\0${s.tags.join('\u0001')}\0${digests[i]}\0`));
  return hash.digest('hex');
}

/** SHA-256 of a file's bytes, read through `buffer`; a file that cannot be read is keyed as such (the text stage skips or fails on it). */
async function fileDigest(path: string, buffer: Buffer): Promise<string> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
  try {
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest('hex');
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? ''}`;
  } finally {
    await file.close();
  }
}

const warnLine = (message: string): void => void process.stderr.write(`leximap: warning: ${message}\n`);

/** The cached text stage of `key`, or undefined (a corrupt entry is removed, with a warning). */
export async function readTextStage(key: string, options: TextCacheOptions = {}): Promise<TextStage | undefined> {
  const path = join(options.dir ?? cacheDir(), key + SUFFIX);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  const bad = (why: string): undefined => {
    (options.warn ?? warnLine)(`text cache entry ${path} ${why}; rebuilding it`);
    unlink(path).catch(() => {});
    return undefined;
  };
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return bad('is not a cache entry');
  const length = Number(bytes.readBigUInt64LE(MAGIC.length));
  const payload = bytes.subarray(HEADER);
  if (payload.length !== length) return bad(`is truncated (${payload.length} of ${length} bytes)`);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(MAGIC.length + 8, HEADER))) return bad('fails its checksum');
  let stage: TextStage;
  try {
    stage = deserialize(payload) as TextStage;
  } catch {
    return bad('cannot be decoded');
  }
  const now = new Date();
  utimes(path, now, now).catch(() => {});
  return stage;
}

/** Stores the text stage of `key` (temporary file, then rename) and keeps the `maxEntries` most recent entries. */
export async function writeTextStage(key: string, stage: TextStage, options: TextCacheOptions = {}): Promise<void> {
  const dir = options.dir ?? cacheDir();
  const path = join(dir, key + SUFFIX);
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    const payload = serialize(stage);
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header);
    header.writeBigUInt64LE(BigInt(payload.length), MAGIC.length);
    createHash('sha256').update(payload).digest().copy(header, MAGIC.length + 8);
    const file = await open(temp, 'w');
    try {
      await file.writeFile(header);
      await file.writeFile(payload);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await prune(dir, options.maxEntries ?? 8);
  } catch (error) {
    await unlink(temp).catch(() => {});
    (options.warn ?? warnLine)(`could not write the text cache in ${dir}: ${(error as Error).message}`);
  }
}

/** The phrase labels found before in the text of entry `key` (word → phrase, or null for none); empty when there are none or they cannot be read. */
export async function readPhraseLabels(key: string, options: TextCacheOptions = {}): Promise<Map<string, string | null>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(options.dir ?? cacheDir(), key + PHRASES), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return new Map();
    const entries = Object.entries(parsed);
    return entries.every(([, v]) => v === null || typeof v === 'string') ? new Map(entries as [string, string | null][]) : new Map();
  } catch {
    return new Map();
  }
}

/** Stores the phrase labels of entry `key` beside it (temporary file, then rename), while the entry is there. */
export async function writePhraseLabels(key: string, phrases: ReadonlyMap<string, string | null>, options: TextCacheOptions = {}): Promise<void> {
  const dir = options.dir ?? cacheDir();
  if (!existsSync(join(dir, key + SUFFIX))) return;
  const path = join(dir, key + PHRASES);
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const sorted = [...phrases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await writeFile(temp, JSON.stringify(Object.fromEntries(sorted)) + '\n');
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    (options.warn ?? warnLine)(`could not write the phrase labels in ${dir}: ${(error as Error).message}`);
  }
}

/** Removes all but the `keep` most recently used entries, with their phrase labels (and temporary files older than a day). */
async function prune(dir: string, keep: number): Promise<void> {
  const names = await readdir(dir);
  const entries: { path: string; time: number }[] = [];
  const day = Date.now() - 86_400_000;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (name.endsWith(SUFFIX)) entries.push({ path, time: info.mtimeMs });
    else if (name.endsWith('.tmp') && info.mtimeMs < day) await unlink(path).catch(() => {});
  }
  entries.sort((a, b) => b.time - a.time || (a.path < b.path ? -1 : 1));
  for (const e of entries.slice(Math.max(0, keep))) {
    await unlink(e.path).catch(() => {});
    await unlink(e.path.slice(0, -SUFFIX.length) + PHRASES).catch(() => {});
  }
}

