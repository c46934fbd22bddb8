/** The command line on inputs that used to go wrong: output inside the input, links out of it, an empty -o. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
// Resolved here, so that the command can run in a folder outside the repository.
const tsx = import.meta.resolve('tsx');

async function leximap(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', tsx, join(root, 'apps/cli/src/main.ts'), ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('leximap analyze on awkward inputs', () => {
  it('analyze -o inside the input folder does not read its own output the next time, nor a link out of the input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leximap-hardening-'));
    const input = join(dir, 'interviews');
    cpSync(join(root, 'examples/interviews'), input, { recursive: true });
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'diary.txt'), 'Zanzibarquux secrets stay private. Zanzibarquux again.\n');
    symlinkSync(join(dir, 'private'), join(input, 'linked'));
    const documents: number[] = [];
    for (let i = 0; i < 2; i++) {
      const out = await leximap(root, 'analyze', input, '-o', join(input, 'out'), '--workers', '1', '--json');
      expect(out.code).toBe(0);
      expect(out.stderr).toBe('');
      const result = JSON.parse(readFileSync(join(input, 'out', 'result.json'), 'utf8')) as LeximapResult;
      documents.push(result.corpus.documents);
      expect(result.documents.some((d) => d.id.includes('diary'))).toBe(false);
      expect(result.skipped?.map((s) => s.path)).toEqual([join(input, 'linked')]);
    }
    expect(documents).toEqual([12, 12]);
    expect(readFileSync(join(input, 'out', 'map.html'), 'utf8')).not.toContain('Zanzibarquux');
  }, 120_000);

  it('analyze -o "" is a usage error (exit 2) that writes nothing into the current folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'leximap-hardening-'));
    const out = await leximap(cwd, 'analyze', join(root, 'examples/interviews'), '-o', '', '--workers', '1', '--quiet');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('leximap: -o/--out: got "", expected a folder\n');
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);
});
