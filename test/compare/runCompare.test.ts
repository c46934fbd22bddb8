import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze, type ComparisonResult } from '@leximap/core';
import { readCorpus, readQdpx, serializeResult } from '@leximap/io';
import { runCompare } from '../../apps/cli/src/commands/compare.ts';

const examples = resolve(import.meta.dirname, '../../examples');
const dir = mkdtempSync(join(tmpdir(), 'leximap-compare-'));
const resultPath = join(dir, 'result.json');

beforeAll(async () => {
  const corpus = await readCorpus([join(examples, 'interviews')]);
  writeFileSync(resultPath, serializeResult(await analyze(corpus, { excludeSpeakers: ['Interviewer'] })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await runCompare(args), out };
  } finally {
    spy.mockRestore();
  }
}

describe('runCompare', () => {
  it('runCompare([RESULT, --codes MAXQDA.csv, -o DIR]) writes compare.json, compare.csv, summary.md and a concepts .qdpx, and prints the summary', async () => {
    const out = join(dir, 'out');
    const { code, out: stdout } = await run([resultPath, '--codes', join(examples, 'coding/coded-segments.csv'), '-o', out]);
    expect(code).toBe(0);
    const comparison = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as ComparisonResult;
    expect(comparison.source).toBe('coded-segments.csv');
    // Every segment of the example coding is found, also the four coded across a speaker turn.
    expect(comparison.located).toBe(1);
    expect(comparison.codes.length).toBeGreaterThan(5);
    const csv = readFileSync(join(out, 'compare.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcode,top_level,segments,blocks,blocks_half,best_concept,best_jaccard,best_kappa,assigned_concept,assigned_jaccard,assigned_kappa,matched');
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^# leximap compare: coded-segments\.csv\n/);
    expect(summary).toContain('Coverage (manually coded blocks inside matched concepts)');
    expect(stdout.startsWith(summary)).toBe(true);
    const exported = readQdpx(readFileSync(join(out, 'leximap-concepts.qdpx')));
    expect(exported.codes[0]?.name).toBe('leximap');
    expect(exported.segments.length).toBeGreaterThan(0);
  });
  it('runCompare(… --json) prints compare.json on stdout', async () => {
    const { out } = await run([resultPath, '--codes', join(examples, 'coding/coded-segments.csv'), '-o', join(dir, 'json'), '--json']);
    expect((JSON.parse(out) as ComparisonResult).source).toBe('coded-segments.csv');
  });
  it('runCompare(…) refuses a CSV whose documents are not in the corpus and writes nothing', async () => {
    const codes = join(dir, 'other.csv');
    writeFileSync(codes, 'document,code,segment\nQ99,A > B,some text\n');
    const out = join(dir, 'never');
    await expect(run([resultPath, '--codes', codes, '-o', out])).rejects.toMatchObject({ code: 'E_BAD_CODES', message: expect.stringMatching(/^other\.csv: names 1 document not in the corpus \("Q99"\)/) });
    expect(existsSync(out)).toBe(false);
  });
  it('runCompare(…) without --codes is a usage error', async () => {
    await expect(run([resultPath])).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
