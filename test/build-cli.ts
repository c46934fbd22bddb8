/**
 * Before `pnpm test`: the `leximap` command built from the sources as they are
 * (scripts/build.mjs: nothing to do when apps/cli/dist is newer than every source), so the
 * end-to-end tests run the compiled command a user installs.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
}
