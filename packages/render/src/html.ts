/**
 * The map as one self-contained HTML file: the built viewer's JS and CSS and the result inlined,
 * so it opens from a file:// URL with no network. A content security policy allows only the
 * inlined viewer script (by its SHA-256) and no connections, so even text that escaped escaping
 * could not run or call out.
 */
import type { LeximapResult } from '@leximap/core';
import { COMPILED, LeximapError } from '@leximap/core';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlOptions } from './defaults.ts';
import { escapeXml, jsonForScript, scriptSafeJson } from './escape.ts';

const VIEWER = fileURLToPath(new URL('../../../apps/viewer/', import.meta.url));
/** The built viewer: in the compiled command, the copy beside its code (apps/cli/tsup.config.ts). */
const DIST = COMPILED ? fileURLToPath(new URL('./viewer/', import.meta.url)) : join(VIEWER, 'dist');
const SOURCES = [join(VIEWER, 'src'), fileURLToPath(new URL('.', import.meta.url)), join(VIEWER, 'index.html'), join(VIEWER, 'vite.config.ts')];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let time = stat.mtimeMs;
  for (const entry of readdirSync(path)) time = Math.max(time, newest(join(path, entry)));
  return time;
}

/**
 * Builds the viewer with Vite when its bundle is missing or older than its sources (a checkout).
 * It builds into a folder of its own and renames the files into `dist/`, so test workers that
 * build at the same time never read a half-written bundle.
 */
function ensureViewerBuilt(): void {
  if (COMPILED) return;
  const bundle = join(DIST, 'viewer.js');
  const sources = existsSync(join(VIEWER, 'src')) ? Math.max(...SOURCES.map(newest)) : 0;
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  const vite = join(VIEWER, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    throw new LeximapError('E_NOT_FOUND', `the viewer is not built and Vite is not installed: run \`pnpm install && pnpm build:viewer\``, { file: bundle });
  }
  const temp = join(VIEWER, `.dist-${process.pid}-${Date.now()}`);
  try {
    execFileSync(process.execPath, [vite, 'build', VIEWER, '--outDir', temp, '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'pipe'] });
    mkdirSync(DIST, { recursive: true });
    for (const file of ['index.html', 'viewer.css', 'viewer.js']) renameSync(join(temp, file), join(DIST, file));
  } catch (error) {
    throw new LeximapError('E_WRITE', `building the viewer failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]}`, { file: VIEWER, cause: error });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The built viewer's script and style sheet (built first if needed). */
export function viewerAssets(): { js: string; css: string } {
  ensureViewerBuilt();
  const js = readFileSync(join(DIST, 'viewer.js'), 'utf8');
  const css = readFileSync(join(DIST, 'viewer.css'), 'utf8');
  if (/<!--/.test(js)) throw new LeximapError('E_WRITE', 'the viewer bundle contains "<!--" and cannot be inlined in a <script>');
  return { js: js.replace(/<\/(script)/gi, '<\\/$1'), css: css.replace(/<\/(style)/gi, '<\\/$1') };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/**
 * `result` in the viewer as one HTML file that works offline. `json` is the result as result.json
 * holds it (`serializeResult`), when the caller has it: the page then embeds those very bytes,
 * floats rounded as there, without serialising the result a second time (0.1 s of a 13 MB page).
 */
export function renderHtml(result: LeximapResult, options: Partial<HtmlOptions> & { name?: string; json?: string } = {}): string {
  const { js, css } = viewerAssets();
  const name = options.name ?? 'result.json';
  const title = options.title ?? `leximap — ${result.title ?? name}`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(js)}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<meta name="leximap-name" content="${escapeXml(name)}">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script type="application/json" id="leximap-result">${options.json === undefined ? jsonForScript(result) : scriptSafeJson(options.json)}</script>`,
    `<script type="module">${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
