/**
 * The build of the `leximap` command: tsup (esbuild underneath) bundles the CLI and the pool's
 * worker into JavaScript in `dist/`, with leximap's own packages inside and every npm package left
 * as an import (the tarball of `pnpm pack:cli` lists them as its dependencies). The commands that
 * `main.ts` imports on demand become chunks of their own, so `leximap --help` loads little.
 * `__LEXIMAP_DIST__` tells the code it runs from here: the worker, the viewer and the fonts are
 * found beside it (see packages/parallel/src/pool.ts and packages/render/src/assets.ts), and
 * nothing is compiled or bundled at run time.
 *
 * tsup rather than tsc: the workspace packages export their TypeScript sources (`"exports":
 * "./src/index.ts"`), which tsc would compile file by file but leave importing one another by those
 * paths; a bundler resolves them into one program. tsup rather than tsdown: both bundle, but
 * tsdown (and tsup 9) need Node 22, and leximap runs on Node 20.
 */
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REQUIRED_PACKAGES as CORE_REQUIRED } from '../../packages/core/src/requireCjs.ts';
import { REQUIRED_PACKAGES as IO_REQUIRED } from '../../packages/io/src/read/requireCjs.ts';
import { defineConfig } from 'tsup';

const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The npm packages the built code loads: `dist/metafile-esm.json`'s external imports less Node's
 * own modules, and the CommonJS packages core and io load with `require` (their `REQUIRED_PACKAGES`).
 */
export function externalPackages(metafile: string): string[] {
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
  const builtin = new Set(builtinModules);
  const names = new Set<string>([...CORE_REQUIRED, ...IO_REQUIRED]);
  for (const output of Object.values(meta.outputs)) {
    for (const i of output.imports) {
      if (!i.external || i.path.startsWith('node:') || builtin.has(i.path)) continue;
      names.add(i.path.split('/').slice(0, i.path.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return [...names].sort();
}

/**
 * The command's package.json must list every npm package its code imports: they are what the
 * tarball installs, and what the built code finds from apps/cli under pnpm. A package that one of
 * leximap's packages starts to use fails the build here, with what to run.
 */
function checkDependencies(): void {
  const manifest = (path: string): Record<string, string> => (JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
  const declared = manifest(at('package.json'));
  const missing = externalPackages(at('dist/metafile-esm.json')).filter((name) => !(name in declared));
  if (missing.length === 0) return;
  const packages = at('../../packages');
  const ranges = readdirSync(packages).map((p) => manifest(join(packages, p, 'package.json')));
  const wanted = missing.map((m) => `${m}@${ranges.find((r) => m in r)?.[m] ?? 'latest'}`);
  throw new Error(`the built command imports ${missing.join(', ')}, missing from apps/cli/package.json; run: pnpm add --filter @leximap/cli ${wanted.join(' ')}`);
}

export default defineConfig({
  entry: { leximap: at('src/main.ts'), worker: at('../../packages/parallel/src/worker.ts') },
  outDir: at('dist'),
  format: 'esm',
  platform: 'node',
  target: 'node20',
  splitting: true,
  clean: true,
  metafile: true,
  sourcemap: false,
  silent: true,
  // npm packages stay imports, installed beside the command; leximap's packages are bundled, and
  // so is the stop-list JSON of stopwords-iso: esbuild drops the `with { type: 'json' }` of an
  // external import, which Node then refuses.
  skipNodeModulesBundle: true,
  noExternal: [/^@leximap\//, /^stopwords-iso/],
  define: { __LEXIMAP_DIST__: 'true' },
  outExtension: () => ({ js: '.js' }),
  removeNodeProtocol: false,
  onSuccess: async () => {
    checkDependencies();
    cpSync(at('../viewer/dist'), at('dist/viewer'), { recursive: true });
    cpSync(at('../../packages/render/fonts'), at('dist/fonts'), { recursive: true });
  },
});
