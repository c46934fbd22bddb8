/**
 * The tarball of `pnpm pack:cli` (scripts/pack-cli.ts, on the command test/build-cli.ts built):
 * what `npm i -g` would install. Installing it needs the registry, so .ci/run does that part.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'leximap-pack-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pnpm pack:cli', () => {
  it('pack-cli.ts writes leximap-<version>.tgz with the compiled command, its worker, viewer and fonts, and only run-time dependencies', () => {
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/pack-cli.ts'), dir], { cwd: root, stdio: 'pipe' });
    const [tarball] = readdirSync(dir);
    expect(tarball).toMatch(/^leximap-\d+\.\d+\.\d+\.tgz$/);
    const files = execFileSync('tar', ['tzf', join(dir, tarball!)], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/dist/leximap.js', 'package/dist/worker.js', 'package/dist/viewer/viewer.js', 'package/dist/viewer/viewer.css', 'package/dist/fonts/DejaVuSans.ttf']));
    expect(files.filter((f) => /\.(ts|mts|map)$/.test(f) || f.includes('metafile'))).toEqual([]);
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', join(dir, tarball!), 'package/package.json'], { encoding: 'utf8' })) as { name: string; bin: Record<string, string>; dependencies: Record<string, string>; devDependencies?: unknown };
    expect(manifest.name).toBe('leximap');
    expect(manifest.bin).toEqual({ leximap: 'dist/leximap.js' });
    expect(manifest.devDependencies).toBeUndefined();
    const dependencies = Object.keys(manifest.dependencies);
    expect(dependencies).toEqual(expect.arrayContaining(['wink-nlp', 'wink-eng-lite-web-model', 'piscina', '@resvg/resvg-js']));
    for (const dev of ['tsx', 'typescript', 'esbuild', 'tsup', 'vite', 'vitest']) expect(dependencies).not.toContain(dev);
    expect(dependencies.filter((d) => d.startsWith('@leximap/'))).toEqual([]);
    const head = execFileSync('tar', ['xzOf', join(dir, tarball!), 'package/dist/leximap.js'], { encoding: 'utf8' }).split('\n')[0];
    expect(head).toBe('#!/usr/bin/env -S node --max-semi-space-size=64');
  }, 60_000);
});
