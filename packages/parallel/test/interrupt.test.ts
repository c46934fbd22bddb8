import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../../benchmarks/src/generate.ts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'leximap-interrupt-'));
  await writeCorpus(join(folder, 'corpus'), { documents: 400, wordsPerDocument: 4000, seed: 5 });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('analyzeFiles with a pool', () => {
  it('analyzeFiles(…, { workers: 2 }) stops its workers and ends the process on Ctrl-C (SIGINT), writing nothing', async () => {
    const out = join(folder, 'result.json');
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = spawn(process.execPath, ['--import', tsx, join(import.meta.dirname, 'fixtures/interrupted.ts'), join(folder, 'corpus'), out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let sent = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('tokenising') && sent === 0) {
        sent = performance.now();
        child.kill('SIGINT');
      }
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])));
    expect(sent).toBeGreaterThan(0);
    expect(performance.now() - sent).toBeLessThan(5000);
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGINT', stderr: '' });
    expect(existsSync(out)).toBe(false);
  });
});
