/**
 * `pnpm pack:cli`: the `leximap` command as an npm tarball, `leximap-<version>.tgz` in the
 * repository root (or the folder given as the first argument), that `npm i -g leximap-<version>.tgz` installs as `leximap`. It holds the
 * built code of apps/cli/dist (the CLI, its worker, the viewer and the fonts; `pnpm pack:cli`
 * builds it first) and a package.json whose dependencies are the npm packages that code imports,
 * as apps/cli/package.json lists them (the build checks that list): no TypeScript, tsx, esbuild
 * or Vite.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { externalPackages } from '../apps/cli/tsup.config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'apps/cli');
const DESTINATION = process.argv[2] ?? ROOT;

interface Manifest {
  version: string;
  engines?: Record<string, string>;
  dependencies: Record<string, string>;
}

const cli = JSON.parse(readFileSync(join(CLI, 'package.json'), 'utf8')) as Manifest;
const workspace = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const dependencies = Object.fromEntries(externalPackages(join(CLI, 'dist/metafile-esm.json')).map((name) => [name, cli.dependencies[name]!]));

const stage = mkdtempSync(join(tmpdir(), 'leximap-pack-'));
try {
  cpSync(join(CLI, 'dist'), join(stage, 'dist'), { recursive: true, filter: (path) => !path.endsWith('metafile-esm.json') });
  for (const file of ['README.md', 'LICENSE']) if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(stage, file));
  const manifest = {
    name: 'leximap',
    version: cli.version,
    description: 'Open, deterministic concept maps of qualitative text (a Leximancer-style engine)',
    type: 'module',
    bin: { leximap: 'dist/leximap.js' },
    files: ['dist'],
    engines: workspace.engines,
    dependencies,
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', DESTINATION], { cwd: stage, encoding: 'utf8' }).trim();
  process.stdout.write(`wrote ${out} (leximap ${cli.version}; dependencies: ${Object.keys(dependencies).join(', ')})\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
