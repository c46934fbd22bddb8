/**
 * Before `pnpm test`: the `leximap` command built from the sources as they are
 * (scripts/build.mjs: nothing to do when apps/cli/dist is newer than every source), so the
 * end-to-end tests run the compiled command a user installs, with its text cache in a
 * temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
  // The commands the tests run keep their text cache in a folder of this run, not the user's.
  const cache = mkdtempSync(join(tmpdir(), 'leximap-test-cache-'));
  process.env.LEXIMAP_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
