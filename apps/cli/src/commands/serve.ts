/**
 * `leximap serve [DIR]`: the viewer on http://127.0.0.1, opened on the result.json files found in
 * DIR. Binds the loopback address only, answers only requests whose Host is that address (no DNS
 * rebinding), and serves only regular files inside DIR: no `..`, no absolute paths, no hidden
 * files, and no symbolic link that leads outside. Files are streamed by `send` (the static file
 * handler of Express): its content types, ranges, HEAD and conditional requests, and a file is
 * never held whole in memory, however many ask for it at once.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import send from 'send';
import { LeximapError } from '@leximap/core';
import { viewerAssets } from '@leximap/render';
import { flag, text, type Values } from '../commandTable.ts';

export interface ServedFile {
  path: string;
  url: string;
  bytes: number;
}

export interface ServerHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SKIP = new Set(['node_modules']);
const MAX_DEPTH = 6;

function isResultName(name: string): boolean {
  return name === 'result.json' || name.endsWith('.result.json');
}

/** result.json files under `root`, without following symbolic links, sorted by path. */
export async function findResults(root: string): Promise<ServedFile[]> {
  const found: ServedFile[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(path, depth + 1);
      else if (entry.isFile() && isResultName(entry.name)) {
        const rel = relative(root, path).split(sep).join('/');
        found.push({ path: rel, url: `files/${rel.split('/').map(encodeURIComponent).join('/')}`, bytes: (await stat(path)).size });
      }
    }
  };
  await walk(root, 0);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The file inside `root` that a URL path (after `/files/`) names, or null when it is not a
 * plain relative path to a regular, non-hidden file whose real location is inside `root`.
 */
export async function safeFile(root: string, urlPath: string): Promise<string | null> {
  let segments: string[];
  try {
    segments = urlPath.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (segments.length === 0) return null;
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..' || s.startsWith('.') || /[\\/\0:]/.test(s)) return null;
  }
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, ...segments);
  if (!candidate.startsWith(realRoot + sep)) return null;
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(realRoot + sep)) return null;
    const info = await lstat(real);
    return info.isFile() ? real : null;
  } catch {
    return null;
  }
}

function page(): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="leximap-source" content="api/results">',
    '<link rel="icon" href="data:,">',
    '<title>leximap</title>',
    '<link rel="stylesheet" href="viewer.css">',
    '<script type="module" src="viewer.js"></script>',
    '</head>',
    '<body><div id="app"></div></body>',
    '</html>',
    '',
  ].join('\n');
}

/** Starts the server on 127.0.0.1; `port` 0 picks a free one. */
export async function startServer(options: { dir: string; port: number }): Promise<ServerHandle> {
  const root = resolve(options.dir);
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new LeximapError('E_NOT_FOUND', 'no such folder; check the path', { file: options.dir });
  }
  if (!info.isDirectory()) throw new LeximapError('E_USAGE', 'serve takes a folder, not a file', { file: options.dir });
  const { js, css } = viewerAssets();
  const assets: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', page()],
    '/index.html': ['text/html; charset=utf-8', page()],
    '/viewer.js': ['text/javascript; charset=utf-8', js],
    '/viewer.css': ['text/css; charset=utf-8', css],
  };
  const realRoot = await realpath(root);
  let port = options.port;

  const secure = (response: ServerResponse): void => {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  };

  const answer = (response: ServerResponse, status: number, type: string, body: string, head: boolean): void => {
    secure(response);
    response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    response.end(head ? undefined : body);
  };

  /** Streams `file` (a real path inside the root, from safeFile) with send; anything send refuses is a 404. */
  const stream = (request: IncomingMessage, response: ServerResponse, file: string, head: boolean): void => {
    const path = `/${relative(realRoot, file).split(sep).map(encodeURIComponent).join('/')}`;
    secure(response);
    send(request, path, { root: realRoot, dotfiles: 'ignore', index: false, cacheControl: false })
      .on('error', () => answer(response, 404, 'text/plain', 'not found', head))
      .on('directory', () => answer(response, 404, 'text/plain', 'not found', head))
      .pipe(response);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) return answer(response, 405, 'text/plain', 'method not allowed', false);
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return answer(response, 421, 'text/plain', 'wrong host', head);
    const path = (request.url ?? '/').split('?')[0]!;
    const asset = assets[path];
    if (asset) return answer(response, 200, asset[0], asset[1], head);
    if (path === '/api/results') return answer(response, 200, 'application/json; charset=utf-8', JSON.stringify(await findResults(root)), head);
    if (path.startsWith('/files/')) {
      const file = await safeFile(root, path.slice('/files/'.length));
      if (file) return stream(request, response, file, head);
    }
    answer(response, 404, 'text/plain', 'not found', head);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) answer(response, 500, 'text/plain', 'error', false);
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(new LeximapError('E_USAGE', error.code === 'EADDRINUSE' ? `port ${options.port} is in use; pick another with --port N (or --port 0)` : `cannot listen on 127.0.0.1:${options.port} (${error.code ?? error.message})`)),
    );
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`leximap: could not open a browser; open ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`leximap: could not open a browser; open ${url}\n`);
  }
}

export async function runServe(values: Values, positionals: string[]): Promise<number> {
  const given = text(values, 'port')!;
  const port = given.trim() === '' ? NaN : Number(given);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new LeximapError('E_USAGE', `--port: got "${given}", expected a port number from 0 to 65535`);
  const dir = positionals[0] ?? '.';
  const server = await startServer({ dir, port });
  const results = await findResults(resolve(dir));
  if (!flag(values, 'quiet')) {
    process.stdout.write(`leximap viewer on ${server.url} (${results.length} result${results.length === 1 ? '' : 's'} in ${resolve(dir)}); Ctrl+C stops it\n`);
  }
  if (!flag(values, 'no-open')) openBrowser(server.url);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
