import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const examples = join(root, 'examples/interviews');

async function leximap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'apps/cli/src/main.ts'), ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('leximap analyze on a Windows-1252 file, a misspelt --exclude-speaker and a one-turn speaker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leximap-e2e-inputs-'));
  const corpus = join(dir, 'interviews');
  let out: Awaited<ReturnType<typeof leximap>>;
  let result: LeximapResult;

  beforeAll(async () => {
    cpSync(examples, corpus, { recursive: true });
    const p01 = join(corpus, 'newer-volunteers/P01-amara.txt');
    writeFileSync(p01, iconv.encode(readFileSync(p01, 'utf8') + '\nIntervewer: One more question, about the café?\n', 'windows-1252'));
    out = await leximap('analyze', corpus, '--exclude-speaker', 'Interviewr', '--layout', 'linear', '--json', '-o', join(dir, 'out'), '--workers', '1');
    result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8')) as LeximapResult;
  }, 120_000);

  it('notes on stderr the file read as Windows-1252, and records it in the result', () => {
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^leximap: note: read 1 file as (windows-1252|ISO-8859-1), not UTF-8: .*P01-amara\.txt$/m);
    expect(result.documents.find((d) => d.name === 'P01-amara')?.encoding).toMatch(/^(windows-1252|ISO-8859-1)$/);
    expect(result.documents.filter((d) => d.encoding !== undefined)).toHaveLength(1);
  });

  it('warns that --exclude-speaker Interviewr names nobody, listing the speakers found', () => {
    expect(out.stderr).toMatch(/^leximap: warning: --exclude-speaker "Interviewr" names no speaker, so nobody was excluded; the speakers found are: .*\bInterviewer\b.*$/m);
    expect(result.blocks.excluded.every((e) => e === 0)).toBe(true);
  });

  it('lists the one-turn speaker as a likely typo of the speaker it is named like, in the summary', () => {
    const summary = JSON.parse(out.stdout) as { rareSpeakers: { name: string; turns: number; documents: string[]; like: string }[] };
    expect(summary.rareSpeakers).toStrictEqual([{ name: 'Intervewer', turns: 1, documents: ['P01-amara'], like: 'Interviewer' }]);
  });

  it('--layout linear lays the map out with linear distances', () => {
    expect(result.parameters.layoutMode).toBe('linear');
    expect(result.layout.mode).toBe('linear');
  });

  it('--layout circle is a usage error naming the choices', async () => {
    const bad = await leximap('analyze', corpus, '--layout', 'circle', '-o', join(dir, 'bad'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('leximap: --layout: got "circle", expected gaussian or linear\n');
  });
});
