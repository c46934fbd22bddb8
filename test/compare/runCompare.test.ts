import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze, type ComparisonResult } from '@leximap/core';
import { readCorpus, readQdpx, serializeResult } from '@leximap/io';
import { run as leximap } from '../../apps/cli/src/program.ts';

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
    return { code: await leximap(['compare', ...args]), out };
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
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcode,top_level,segments,code_blocks,concept,concept_blocks,both,share_of_code,share_of_concept,jaccard,lift,kappa,p,q,rotated_p,matched,name_contains');
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^# leximap compare: coded-segments\.csv\n\n## What the figures mean\n/);
    expect(summary).toContain('[glossary](glossary.md)');
    expect(readFileSync(join(out, 'glossary.md'), 'utf8')).toMatch(/^# Glossary/);
    // Every figure row of the agreement table has a value and a chance level.
    const figureRows = summary.split('\n').filter((line) => /^\| (Coverage|κ|Jaccard|Best-match|Document κ|Matched) /.test(line));
    expect(figureRows).toHaveLength(6);
    for (const row of figureRows) expect(row).toMatch(/^\| [^|]+ \| [\d.%]+ \| [\d.%]+ \| [\d.%]+ \|$/);
    // Every reported match is significant after the correction.
    expect(comparison.cells.filter((c) => c.matched).every((c) => (c.q as number) <= 0.05 && c.lift >= 2)).toBe(true);
    // The viewer's result.json now holds the comparison.
    const withComparison = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as { comparison?: ComparisonResult };
    expect(withComparison.comparison?.figures).toHaveLength(6);
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
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    try {
      expect((await run([resultPath, '--codes', codes, '-o', out])).code).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(err).toMatch(/^leximap: other\.csv: names 1 document not in the corpus \("Q99"\)/);
    expect(existsSync(out)).toBe(false);
  });
  it('runAnalyze(--codes) and runCompare(…) write the same compare.json bytes, and analyze puts every code on the map', async () => {
    const codes = join(examples, 'coding/coded-segments.csv');
    const viaAnalyze = join(dir, 'via-analyze');
    const plain = join(dir, 'plain');
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await leximap(['analyze', join(examples, 'interviews'), '--exclude-speaker', 'Interviewer', '--codes', codes, '-o', viaAnalyze, '--quiet']);
      await leximap(['analyze', join(examples, 'interviews'), '--exclude-speaker', 'Interviewer', '-o', plain, '--quiet']);
    } finally {
      quiet.mockRestore();
    }
    await run([join(plain, 'result.json'), '--codes', codes, '--quiet']);
    const a = readFileSync(join(viaAnalyze, 'compare.json'));
    const b = readFileSync(join(plain, 'compare.json'));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
    for (const file of ['compare.csv', 'summary.md', 'glossary.md', 'leximap-concepts.qdpx']) expect(existsSync(join(viaAnalyze, file)) && existsSync(join(plain, file))).toBe(true);
    const result = JSON.parse(readFileSync(join(viaAnalyze, 'result.json'), 'utf8')) as { comparison: ComparisonResult };
    expect(result.comparison.codes.filter((c) => c.segments > 0).every((c) => c.concept >= 0)).toBe(true);
  });
  it('runCompare(…) warns on stderr, with the reasons, when fewer than 90% of the segments are located', async () => {
    const codes = join(dir, 'mostly-missing.csv');
    writeFileSync(codes, 'document,code,segment\nP01-amara,A > B,this sentence was never said\nP01-amara,A > B,nor this one\n');
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    try {
      await run([resultPath, '--codes', codes, '-o', join(dir, 'warned'), '--json']);
    } finally {
      spy.mockRestore();
    }
    expect(err).toMatch(/^leximap: warning: only 0 of 2 coded segments \(0\.0%\) were located.*segment text not found/);
  });
  it('runCompare(…) without --codes is a usage error (exit 2, one line naming --codes)', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    try {
      expect((await run([resultPath])).code).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(err).toBe('leximap: compare needs --codes FILE (a .qdpx, .qdc, .xlsx or .csv of manual codes)\n');
  });
});
