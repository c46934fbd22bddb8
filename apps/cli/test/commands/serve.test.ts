import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerHandle } from '../../src/commands/serve.ts';

const MB = 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'leximap-serve-stream-'));
let server: ServerHandle;

function open(path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, done);
    req.on('error', fail);
    req.end();
  });
}

async function body(response: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of response) text += (chunk as Buffer).toString();
  return text;
}

beforeAll(async () => {
  writeFileSync(join(dir, 'result.json'), `{"x":"${'a'.repeat(32 * MB)}"}`);
  writeFileSync(join(dir, 'concepts.csv'), 'rank,concept\r\n1,mentor\r\n');
  server = await startServer({ dir, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('startServer(…) streams a 32 MB file to 12 slow readers at once without holding it in memory per request', async () => {
    const before = process.memoryUsage();
    const responses = await Promise.all(Array.from({ length: 12 }, () => open('/files/result.json')));
    for (const r of responses) r.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = process.memoryUsage();
    // Read whole per request, the twelve would hold 12 × 32 MB = 384 MB of buffers.
    expect(during.arrayBuffers + during.external - before.arrayBuffers - before.external).toBeLessThan(64 * MB);
    for (const r of responses) {
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-length']).toBe(String(32 * MB + 8));
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      r.destroy();
    }
  });

  it('startServer(…) answers a range request with the bytes asked for, and a CSV as text/csv', async () => {
    const part = await open('/files/result.json', { range: 'bytes=0-5' });
    expect(part.statusCode).toBe(206);
    expect(await body(part)).toBe('{"x":"');
    const csv = await open('/files/concepts.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(await body(csv)).toBe('rank,concept\r\n1,mentor\r\n');
  });
});
