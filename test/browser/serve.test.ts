import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../apps/cli/src/commands/serve.ts';
import type { ServerHandle } from '../../apps/cli/src/commands/serve.ts';
import { makeFixtureResult } from '../../packages/render/test/fixtures/make-result.ts';
import { launch, watchedPage } from './browser.ts';
import { prepare } from './prepare.ts';

prepare();
const base = mkdtempSync(join(tmpdir(), 'leximap-serve-'));
const dir = join(base, 'served');
let server: ServerHandle;
let browser: Browser;

function get(path: string, host?: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { host: host ?? `127.0.0.1:${server.port}` } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(dir, 'study'), { recursive: true });
  writeFileSync(join(dir, 'study', 'result.json'), JSON.stringify(makeFixtureResult()));
  writeFileSync(join(dir, '.secret.json'), '{"hidden":true}');
  writeFileSync(join(base, 'outside.json'), '{"outside":true}');
  symlinkSync(join(base, 'outside.json'), join(dir, 'link.json'));
  server = await startServer({ dir, port: 0 });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('leximap serve', () => {
  it('listens on 127.0.0.1 and lists the result.json files in the folder', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const listing = JSON.parse((await get('/api/results')).body) as { path: string }[];
    expect(listing.map((r) => r.path)).toEqual(['study/result.json']);
    expect((await get('/files/study/result.json')).status).toBe(200);
  });

  it('refuses paths out of the folder, hidden files, symbolic links out, other hosts and other methods', async () => {
    for (const path of ['/files/../outside.json', '/files/..%2foutside.json', '/files/study/..%2f..%2foutside.json', '/files/%2Fetc%2Fpasswd', '/files//etc/passwd', '/files/link.json', '/files/.secret.json', '/files/study', '/../outside.json']) {
      const answer = await get(path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain('outside');
    }
    expect((await get('/', 'evil.example:80')).status).toBe(421);
    expect((await get('/api/results', 'evil.example')).status).toBe(421);
    expect((await get('/', undefined, 'POST')).status).toBe(405);
  });

  it('opens the viewer on the served result with no console error and no request elsewhere', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(server.url);
    await w.page.waitForSelector('#status[data-concepts]');
    expect(await w.page.getAttribute('#status', 'data-concepts')).toBe('40');
    expect(await w.page.textContent('#source')).toBe('study/result.json');
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  });
});
