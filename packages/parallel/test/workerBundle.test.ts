import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledWorker, fresh, stamp } from '../src/workerBundle.ts';

describe('bundledWorker', () => {
  it('bundles the worker with leximap sources inside and npm packages imported from their absolute paths; a second call reuses it', async () => {
    const url = await bundledWorker();
    expect(url).toMatch(/^file:.*\/node_modules\/\.cache\/leximap\/worker-[0-9a-f]{16}\.mjs$/);
    const code = readFileSync(fileURLToPath(url!), 'utf8');
    expect(code).toContain('function buildTextShard');
    expect(code).toMatch(/from "\/[^"]*\/wink-nlp\/[^"]*"/);
    expect(code).not.toMatch(/from "(@leximap|wink-nlp|piscina)/);
    expect(await bundledWorker()).toBe(url);
  }, 60_000);
});

describe('fresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leximap-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fresh(manifest) holds while the bundle exists and no input changed size or time', () => {
    const input = join(dir, 'input.ts');
    writeFileSync(input, 'export const a = 1;');
    writeFileSync(join(dir, 'worker-0.mjs'), '');
    const manifest = { file: 'worker-0.mjs', inputs: [stamp(input)] };
    expect(fresh(manifest, dir)).toBe(true);
    utimesSync(input, new Date(), new Date(Date.now() + 5000));
    expect(fresh(manifest, dir)).toBe(false);
    expect(fresh({ file: 'worker-0.mjs', inputs: [stamp(input)] }, dir)).toBe(true);
    expect(fresh({ file: 'worker-1.mjs', inputs: [stamp(input)] }, dir)).toBe(false);
    expect(fresh({ file: 'worker-0.mjs', inputs: [{ ...stamp(input), path: join(dir, 'gone.ts') }] }, dir)).toBe(false);
  });
});
