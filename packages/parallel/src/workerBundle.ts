/**
 * The worker as one JavaScript file. From the TypeScript sources, each worker loads some sixty
 * modules through tsx's loader, which resolves and transforms every one of them in each thread;
 * bundled by esbuild, the same code starts in about half the time (two workers ready for their
 * first task: 0.34–0.37 s against 0.51–0.72 s). The bundle holds leximap's own sources only: every
 * npm package stays external, imported from the absolute path it resolves to, so Node loads it
 * exactly as before (and mammoth and exceljs still only on first use).
 *
 * The bundle is cached in node_modules/.cache/leximap/ with the list of its inputs (leximap's
 * sources, the packages it imports, this file) and their sizes and modification times; it is built
 * again when any of them changed or is gone, so an edited source never runs stale. When it cannot
 * be built or written, workers run the TypeScript sources through tsx, as they would without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE = fileURLToPath(new URL('./worker.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(PACKAGE, 'node_modules', '.cache', 'leximap');
const MANIFEST = join(CACHE, 'worker.json');
/** Bundles older than this, other than the current one, are removed when a new one is written. */
const OLD_MS = 10 * 60 * 1000;

export interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface Manifest {
  /** The bundle's file name in the cache folder. */
  file: string;
  inputs: Stamp[];
}

export function stamp(path: string): Stamp {
  const s = statSync(path);
  return { path, size: s.size, mtimeMs: s.mtimeMs };
}

/** Whether the bundle `manifest` names is in `folder` and none of its inputs changed since it was built. */
export function fresh(manifest: Manifest, folder: string): boolean {
  try {
    statSync(join(folder, manifest.file));
    return manifest.inputs.every((input) => {
      const now = stamp(input.path);
      return now.size === input.size && now.mtimeMs === input.mtimeMs;
    });
  } catch {
    return false;
  }
}

const BUILTIN = new Set(builtinModules);

/** The bundled worker's file URL, built when missing or stale; undefined when it cannot be (the caller runs the sources instead). */
export async function bundledWorker(): Promise<string | undefined> {
  try {
    const cached = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
    if (fresh(cached, CACHE)) return pathToFileURL(join(CACHE, cached.file)).href;
  } catch {
    // No bundle yet, or an unreadable manifest: build one.
  }
  try {
    return await build();
  } catch {
    return undefined;
  }
}

async function build(): Promise<string> {
  const { build: esbuild } = await import('esbuild');
  const externals = new Set<string>();
  const result = await esbuild({
    entryPoints: [SOURCE],
    absWorkingDir: PACKAGE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          // npm packages are imported from where they resolve (under pnpm, a package's own
          // dependencies are only found from its folder, not from the cache folder).
          b.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith('@leximap/') || args.path.startsWith('node:') || BUILTIN.has(args.path) || args.pluginData === 'inner') return undefined;
            const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' });
            // JSON data (stop lists) is bundled: an external JSON import would need its `with { type: 'json' }`, which esbuild drops.
            if (found.errors.length > 0 || !found.path || found.path.endsWith('.json')) return undefined;
            externals.add(found.path);
            return { path: found.path, external: true };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.contents;
  const file = `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const inputs = [...Object.keys(result.metafile.inputs).map((p) => resolve(PACKAGE, p)), ...externals, fileURLToPath(import.meta.url)].map(stamp);
  mkdirSync(CACHE, { recursive: true });
  // Written under temporary names and renamed, so that a concurrent run reads whole files.
  const temporary = join(CACHE, `.${process.pid}.${file}`);
  writeFileSync(temporary, code);
  renameSync(temporary, join(CACHE, file));
  writeFileSync(`${MANIFEST}.${process.pid}`, JSON.stringify({ file, inputs } satisfies Manifest));
  renameSync(`${MANIFEST}.${process.pid}`, MANIFEST);
  removeOld(file);
  return pathToFileURL(join(CACHE, file)).href;
}

function removeOld(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    if (!/^worker-[0-9a-f]+\.mjs$/.test(name) || name === keep) continue;
    const path = join(CACHE, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_MS) unlinkSync(path);
    } catch {
      // Removed by another run meanwhile.
    }
  }
}
