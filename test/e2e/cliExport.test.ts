import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { conceptPathway, type LeximapResult } from '@leximap/core';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

async function leximap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'apps/cli/src/main.ts'), ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('leximap export and leximap pathway on the example corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leximap-e2e-export-'));
  const resultPath = join(dir, 'a/result.json');
  let result: LeximapResult;

  beforeAll(async () => {
    const out = await leximap('analyze', join(root, 'examples/interviews'), '-o', join(dir, 'a'), '--quiet', '--workers', '1');
    expect(out.code).toBe(0);
    result = JSON.parse(readFileSync(resultPath, 'utf8')) as LeximapResult;
  }, 120_000);

  it('render and compare beside result.json add their files and keep the analysis\'s (they once swapped the folder for their own files)', async () => {
    const analysis = ['concepts.csv', 'map.html', 'map.svg', 'result.json', 'themes.csv'];
    const before = Object.fromEntries(analysis.filter((f) => f !== 'result.json').map((f) => [f, readFileSync(join(dir, 'a', f), 'utf8')]));
    expect((await leximap('render', resultPath, '--format', 'png')).code).toBe(0);
    expect((await leximap('compare', resultPath, '--codes', join(root, 'examples/coding/coded-segments.csv'), '--quiet', '--rounds', '0')).code).toBe(0);
    const files = readdirSync(join(dir, 'a'));
    for (const f of [...analysis, 'map.png', 'compare.csv', 'summary.md']) expect(files).toContain(f);
    // The maps and tables of the analysis are as it wrote them; result.json now holds the comparison.
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(dir, 'a', f), 'utf8')).toBe(text);
    expect((JSON.parse(readFileSync(resultPath, 'utf8')) as LeximapResult).comparison).toBeDefined();
  }, 120_000);

  it('export --format graphml,vosviewer writes those files into export/ beside the result, and nothing else', async () => {
    const out = await leximap('export', resultPath, '--format', 'graphml,vosviewer');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`Wrote concepts.graphml, vosviewer-map.txt, vosviewer-network.txt, vosviewer.json to ${join(dir, 'a/export')}\n`);
    const vos = JSON.parse(readFileSync(join(dir, 'a/export/vosviewer.json'), 'utf8')) as { network: { items: unknown[]; links: unknown[] } };
    expect(vos.network.items).toHaveLength(result.concepts.filter((c) => c.kind !== 'tag').length);
    expect(existsSync(join(dir, 'a/export/markers.csv'))).toBe(false);
    expect(existsSync(resultPath)).toBe(true);
  });

  it('export with no --format writes every format into -o', async () => {
    const out = await leximap('export', resultPath, '-o', join(dir, 'all'), '--quiet');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    for (const f of ['markers.csv', 'cooccurrence.csv', 'likelihood.csv', 'prominence.csv', 'concept-document.csv', 'concept-tag.csv', 'concepts.graphml', 'concepts.gexf', 'vosviewer.json']) expect(existsSync(join(dir, 'all', f))).toBe(true);
  });

  it('export --format pajek is a usage error listing the formats', async () => {
    const out = await leximap('export', resultPath, '--format', 'pajek');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^leximap: --format: got "pajek", expected all or a comma-separated list of markers, cooccurrence, matrices/);
  });

  it('pathway RESULT FROM TO prints the route of the viewer, with quotes, and --json gives the same route', async () => {
    const learned = result.concepts.flatMap((c, i) => (c.kind === 'tag' ? [] : [i]));
    const from = learned[0]!;
    const to = learned[learned.length - 1]!;
    const route = conceptPathway(result, from, to).map((i) => result.concepts[i]!.label);
    expect(route.length).toBeGreaterThanOrEqual(2);
    const text = await leximap('pathway', resultPath, result.concepts[from]!.label, result.concepts[to]!.label.toUpperCase());
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`${route.join(' → ')}  (${route.length - 1} step${route.length === 2 ? '' : 's'})`);
    expect(text.stdout).toMatch(/“.+”\n {5}— P\d\d-/);
    const json = await leximap('pathway', resultPath, result.concepts[from]!.label, result.concepts[to]!.label, '--json');
    expect((JSON.parse(json.stdout) as { path: string[] }).path).toStrictEqual(route);
  });

  it('pathway with an unknown concept is a usage error listing the concepts', async () => {
    const out = await leximap('pathway', resultPath, 'nosuchconcept', result.concepts[0]!.label);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^leximap: "nosuchconcept" is not a learned concept of this result; the concepts are: /);
  });
});
