/**
 * Builds the viewer and writes the example result with `leximap analyze` into
 * test/artifacts/example/. `force` redoes both; otherwise only what is missing (so a browser
 * test also runs on its own, outside `pnpm test:browser`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = `${ROOT}test/artifacts`;
export const EXAMPLE = `${ARTIFACTS}/example/result.json`;

export function prepare(force = false): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (force || !existsSync(`${ROOT}apps/viewer/dist/viewer.js`)) {
    execFileSync(process.execPath, [`${ROOT}apps/viewer/node_modules/vite/bin/vite.js`, 'build', `${ROOT}apps/viewer`], { cwd: ROOT, stdio: 'inherit' });
  }
  if (force || !existsSync(EXAMPLE)) {
    rmSync(`${ARTIFACTS}/example`, { recursive: true, force: true });
    execFileSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'analyze', 'examples/interviews', '--exclude-speaker', 'Interviewer', '-o', 'test/artifacts/example', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  }
}
