/**
 * `leximap serve [DIR]`: the viewer on http://127.0.0.1, opened on the result.json files found in
 * DIR. Binds the loopback address only, answers only requests whose Host is that address (no DNS
 * rebinding), and serves only regular files inside DIR: no `..`, no absolute paths, no hidden
 * files, and no symbolic link that leads outside. Files are streamed by `send` (the static file
 * handler of Express): its content types, ranges, HEAD and conditional requests, and a file is
 * never held whole in memory, however many ask for it at once.
 *
 * The viewer re-runs a result with the researcher's edits: `POST /api/rerun` with the result's
 * path and the seeds file the edits make runs `leximap analyze` in this process (the same entry
 * point, so it uses whatever the text stage caches) on the inputs and flags the result recorded
 * (`inputs`), with `--seeds` replaced, into a new folder beside it (`NAME-rerun-N/`, written whole
 * by writeOutputs: a temporary folder renamed into place, so a half-written one is never listed),
 * and the seeds file beside that (`NAME-rerun-N.seeds.txt`). `GET /api/rerun/ID` tells how far it
 * is. The POST must carry the page's per-process token in `X-Leximap-Token` (a custom header, so
 * another site cannot send it without a CORS preflight this server never grants) and, when the
 * browser sends one, an Origin of this server. One re-run at a time.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { lstat, readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import send from 'send';
import { LeximapError, type ResultInputs } from '@leximap/core';
import { rerunArguments } from '../inputs.ts';
import { runAnalyze } from './analyze.ts';
import { parseCommand } from '../program.ts';
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

/** A re-run as `GET /api/rerun/ID` reports it. */
export interface RerunJob {
  id: number;
  state: 'running' | 'done' | 'failed';
  /** The pipeline stage (`text`, `seeds` …) and, in `text`, the files done of total. */
  stage: string;
  done: number;
  total: number;
  /** Why it failed. */
  message?: string;
  /** The new result, as `/api/results` lists it. */
  result?: ServedFile;
  seconds?: number;
}

const MAX_BODY = 1 << 20;

/** Re-run jobs remembered (a serve session may run many; each viewer polls only its latest). */
const KEPT_JOBS = 20;

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        done(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

/** The first free `NAME-rerun-N` folder beside the result's folder (inside the root: in it when the result lies at the top). */
function rerunFolder(realRoot: string, resultDir: string): string {
  const atTop = resultDir === realRoot;
  const parent = atTop ? realRoot : dirname(resultDir);
  const stem = atTop ? 'result' : basename(resultDir).replace(/-rerun-\d+$/, '');
  for (let n = 1; ; n++) {
    const out = join(parent, `${stem}-rerun-${n}`);
    if (!existsSync(out) && !existsSync(`${out}.seeds.txt`)) return out;
  }
}

function page(token: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="leximap-source" content="api/results">',
    `<meta name="leximap-token" content="${token}">`,
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
  const token = randomBytes(24).toString('hex');
  const assets: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', page(token)],
    '/index.html': ['text/html; charset=utf-8', page(token)],
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

  const json = (response: ServerResponse, status: number, value: unknown): void => answer(response, status, 'application/json; charset=utf-8', JSON.stringify(value), false);
  /** The most recent re-runs, by id; older ones are forgotten (a viewer polls only its own latest). */
  const jobs = new Map<number, RerunJob>();
  let lastJob = 0;
  let running = false;

  /** `POST /api/rerun` `{ result: PATH, seeds: TEXT }`: starts a re-run, answers its job. */
  const rerun = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return json(response, 403, { error: 'a request from another site' });
    const sent = Buffer.from(String(request.headers['x-leximap-token'] ?? ''));
    if (sent.length !== token.length || !timingSafeEqual(sent, Buffer.from(token))) return json(response, 403, { error: 'no or a wrong token; reload the page' });
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) return json(response, 415, { error: 'expected application/json' });
    const body = await readBody(request);
    if (body === null) return json(response, 413, { error: 'the seeds file is over 1 MB' });
    let asked: { result?: unknown; seeds?: unknown };
    try {
      asked = JSON.parse(body) as typeof asked;
    } catch {
      return json(response, 400, { error: 'the request is not JSON' });
    }
    if (typeof asked.result !== 'string' || typeof asked.seeds !== 'string') return json(response, 400, { error: 'expected { result, seeds }' });
    const file = await safeFile(root, asked.result.split('/').map(encodeURIComponent).join('/'));
    if (!file || !isResultName(basename(file))) return json(response, 404, { error: `${asked.result}: no such result in the served folder` });
    let inputs: ResultInputs | undefined;
    try {
      inputs = (JSON.parse(await readFile(file, 'utf8')) as { inputs?: ResultInputs }).inputs;
    } catch {
      return json(response, 422, { error: `${asked.result}: not valid JSON` });
    }
    if (!inputs) return json(response, 422, { error: `${asked.result} does not record its inputs (written by an older leximap): re-run it with leximap analyze --seeds` });
    if (running) return json(response, 409, { error: 'a re-run is under way; wait for it to end' });
    const out = rerunFolder(realRoot, dirname(file));
    const seedsFile = `${out}.seeds.txt`;
    const job: RerunJob = { id: ++lastJob, state: 'running', stage: 'start', done: 0, total: 0 };
    jobs.set(job.id, job);
    jobs.delete(job.id - KEPT_JOBS);
    running = true;
    const started = Date.now();
    void (async () => {
      try {
        await writeFile(seedsFile, asked.seeds as string, { flag: 'wx' });
        const { values, positionals } = await parseCommand('analyze', rerunArguments(inputs, dirname(file), out, { seeds: seedsFile }));
        await runAnalyze(values, positionals, {
          onProgress: (p) => Object.assign(job, { stage: p.stage, done: p.done, total: p.total }),
        });
        const path = relative(realRoot, join(out, 'result.json')).split(sep).join('/');
        job.result = (await findResults(root)).find((r) => r.path === path);
        job.state = 'done';
      } catch (error) {
        job.state = 'failed';
        job.message = error instanceof LeximapError ? error.message : `the re-run failed: ${(error as Error).message}`;
      } finally {
        job.seconds = (Date.now() - started) / 1000;
        running = false;
      }
    })();
    json(response, 202, job);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const head = request.method === 'HEAD';
    const host = request.headers.host ?? '';
    const posting = request.method === 'POST' && request.url === '/api/rerun';
    if (request.method !== 'GET' && !head && !posting) return answer(response, 405, 'text/plain', 'method not allowed', false);
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return answer(response, 421, 'text/plain', 'wrong host', head);
    if (posting) return rerun(request, response);
    const path = (request.url ?? '/').split('?')[0]!;
    const asked = /^\/api\/rerun\/(\d+)$/.exec(path);
    if (asked) {
      const job = jobs.get(Number(asked[1]));
      return job ? json(response, 200, job) : answer(response, 404, 'text/plain', 'not found', head);
    }
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
