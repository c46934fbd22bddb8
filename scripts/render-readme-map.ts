/**
 * Renders the README picture, docs/example-map.png, the way a user would: `leximap analyze` the
 * example interviews into out/example/ (as `pnpm demo` does), then `leximap render` the map as
 * PNG. Run it (`pnpm render:readme`) after a change to the engine or the renderer, and commit
 * the picture it writes.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAnalyze } from '../apps/cli/src/commands/analyze.ts';
import { runRender } from '../apps/cli/src/commands/render.ts';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
try {
  await runAnalyze(['examples/interviews', '--exclude-speaker', 'Interviewer', '-o', 'out/example', '--quiet']);
  mkdirSync('docs', { recursive: true });
  await runRender([
    'out/example/result.json',
    '--format', 'png',
    '-o', 'docs/example-map.png',
    '--width', '1600',
    '--dpi', '144',
    '--title', 'Example: twelve interviews with Wikipedia volunteers',
  ]);
} catch (error) {
  process.stderr.write(`render-readme-map: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
