#!/usr/bin/env node
/**
 * Builds the `leximap` command into apps/cli/dist (the viewer with Vite first, then the CLI and
 * its worker with tsup, apps/cli/tsup.config.ts). Without `--force` it builds only what is older
 * than its sources, so `pnpm leximap` and `pnpm demo` always run code built from the sources as
 * they are, and pay about 50 ms when nothing changed. Plain JavaScript, so that checking costs no
 * TypeScript compilation. `pnpm install` runs it (the root `prepare` script).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(ROOT, ...parts);
const force = process.argv.includes('--force');

/** The newest modification time under `path` (0 when it does not exist), skipping dependencies and builds. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    time = Math.max(time, newest(join(path, entry)));
  }
  return time;
}

const built = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);
const packages = (folder) => readdirSync(at(folder)).map((name) => at(folder, name));

const viewerInputs = [at('apps/viewer/src'), at('apps/viewer/index.html'), at('apps/viewer/vite.config.ts'), at('apps/viewer/package.json'), at('packages/render/src'), at('packages/core/src')];
const cliInputs = [
  ...packages('packages').flatMap((p) => [join(p, 'src'), join(p, 'package.json'), join(p, 'fonts')]),
  at('apps/cli/src'),
  at('apps/cli/package.json'),
  at('apps/cli/tsup.config.ts'),
  at('apps/viewer/dist/viewer.js'),
  at('apps/viewer/dist/viewer.css'),
  at('pnpm-lock.yaml'),
  fileURLToPath(import.meta.url),
];

/** Runs a build tool; when it fails (it has said why), this script stops with its exit code and no stack of its own. */
function run(bin, args, cwd) {
  try {
    execFileSync(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    process.stderr.write(`leximap: the build failed (${bin.split('/node_modules/').pop()})\n`);
    process.exit(typeof error.status === 'number' ? error.status : 1);
  }
}

const newestOf = (paths) => Math.max(...paths.map(newest));

if (force || built(at('apps/viewer/dist/viewer.js')) < newestOf(viewerInputs)) {
  process.stderr.write('leximap: building the viewer (vite)…\n');
  run(at('apps/viewer/node_modules/vite/bin/vite.js'), ['build'], at('apps/viewer'));
}
if (force || built(at('apps/cli/dist/leximap.js')) < newestOf(cliInputs)) {
  process.stderr.write('leximap: building the command (tsup)…\n');
  run(at('apps/cli/node_modules/tsup/dist/cli-default.js'), [], at('apps/cli'));
}
