/**
 * Renders the README picture, docs/example-map.png, the way a user would: `leximap analyze` the
 * example interviews into out/example/ (as `pnpm demo` does), then `leximap render` the map as
 * PNG. Run it (`pnpm render:readme`) after a change to the engine or the renderer, and commit
 * the picture it writes.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../apps/cli/src/program.ts';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const analyzed = await run(['analyze', 'examples/interviews', '--exclude-speaker', 'Interviewer', '-o', 'out/example', '--quiet']);
mkdirSync('docs', { recursive: true });
process.exitCode =
  analyzed ||
  (await run([
    'render',
    'out/example/result.json',
    '--format', 'png',
    '-o', 'docs/example-map.png',
    '--width', '1600',
    '--dpi', '144',
    '--title', 'Example: twelve interviews with Wikipedia volunteers',
  ]));
