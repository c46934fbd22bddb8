import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { sliceCodePoints, type LeximapResult } from '@leximap/core';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const examples = join(root, 'examples/interviews');
/** The compiled command (built by test/build-cli.ts before the tests), as `pnpm leximap` runs it. */
const cli = join(root, 'apps/cli/dist/leximap.js');

async function leximap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('leximap analyze on the example corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leximap-e2e-'));
  let first: string;
  let result: LeximapResult;

  beforeAll(async () => {
    const out = await leximap('analyze', examples, '--exclude-speaker', 'Interviewer', '-o', join(dir, 'a'), '--quiet', '--workers', '1');
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('');
    expect(out.code).toBe(0);
    first = readFileSync(join(dir, 'a/result.json'), 'utf8');
    result = JSON.parse(first) as LeximapResult;
  }, 120_000);

  it('analyze writes result.json, concepts.csv and themes.csv', () => {
    for (const f of ['result.json', 'concepts.csv', 'themes.csv']) expect(existsSync(join(dir, 'a', f))).toBe(true);
    expect(result.concepts.filter((c) => c.kind !== 'tag').length).toBeGreaterThanOrEqual(20);
    expect(result.themes.length).toBeGreaterThanOrEqual(2);
    // The README's result format names the version the command writes.
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`\`schemaVersion: ${result.schemaVersion}\``);
  });

  it('analyze\'s summary says why frequent words name no concept, and which nouns the stop list keeps out', async () => {
    const out = await leximap('analyze', examples, '--exclude-speaker', 'Interviewer', '-o', join(dir, 'summary'), '--workers', '1', '--stability', '0', '--no-cache');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Frequent terms that name no concept[^\n]*\n {2}editor \(\d+ blocks\): ranked below the \d+ seeds chosen/);
    expect(out.stdout).toMatch(/\nOn the stop list \(keep one with a line "-word" in a --stopwords file\): year \(\d+ blocks\), thing \(\d+ blocks\)/);
    // The way it names keeps the word: "year" becomes a term, and a concept.
    writeFileSync(join(dir, 'keep-year.txt'), '-year\n');
    const kept = await leximap('analyze', examples, '--exclude-speaker', 'Interviewer', '--stopwords', join(dir, 'keep-year.txt'), '-o', join(dir, 'kept'), '--quiet', '--workers', '1', '--stability', '0', '--no-cache');
    expect(kept.code).toBe(0);
    const again = JSON.parse(readFileSync(join(dir, 'kept/result.json'), 'utf8')) as LeximapResult;
    expect(again.concepts.some((c) => c.seeds.includes('year'))).toBe(true);
    expect(again.leftOut?.some((l) => l.term === 'year')).toBe(false);
  }, 120_000);

  it('analyze gives a byte-identical result.json for the same input and seed', async () => {
    await leximap('analyze', examples, '--exclude-speaker', 'Interviewer', '-o', join(dir, 'b'), '--quiet', '--workers', '1');
    expect(readFileSync(join(dir, 'b/result.json'), 'utf8')).toBe(first);
  }, 120_000);

  it("analyze's map.html embeds result.json's bytes: the page `leximap render --format html` makes of result.json", async () => {
    const out = await leximap('render', join(dir, 'a/result.json'), '--format', 'html', '-o', join(dir, 'rendered.html'), '--quiet');
    expect(out.code).toBe(0);
    const page = readFileSync(join(dir, 'a/map.html'), 'utf8');
    expect(readFileSync(join(dir, 'rendered.html'), 'utf8')).toBe(page);
    const embedded = /<script type="application\/json" id="leximap-result">([^]*?)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(embedded)).toEqual(JSON.parse(first));
  }, 120_000);

  it('analyze --seed draws other random layout starts but keeps the concepts', async () => {
    await leximap('analyze', examples, '--exclude-speaker', 'Interviewer', '-o', join(dir, 'c'), '--quiet', '--seed', '42', '--workers', '1');
    const other = JSON.parse(readFileSync(join(dir, 'c/result.json'), 'utf8')) as LeximapResult;
    expect(other.concepts.map((c) => [c.label, c.count])).toEqual(result.concepts.map((c) => [c.label, c.count]));
    // Start 0 begins at classical MDS, the same for every seed; the others begin at random.
    expect(other.layout.stresses[0]).toBe(result.layout.stresses[0]);
    expect(other.layout.stresses.slice(1)).not.toEqual(result.layout.stresses.slice(1));
  }, 120_000);

  it("every block's code-point offsets slice back to its text in the original file", () => {
    const excerpts = new Map(result.quotes.excerpts.map((e) => [e.block, e.text]));
    for (const [d, doc] of result.documents.entries()) {
      const text = readFileSync(join(examples, doc.id), 'utf8');
      for (let b = doc.blockStart; b < doc.blockEnd; b++) {
        expect(result.blocks.document[b]).toBe(d);
        const slice = sliceCodePoints(text, result.blocks.start[b]!, result.blocks.end[b]!);
        expect(slice.trim()).toBe(slice);
        expect(slice.length).toBeGreaterThan(0);
        expect(slice).not.toMatch(/^(Interviewer|[A-Z][a-z]+):/);
        if (excerpts.has(b)) expect(excerpts.get(b)).toBe(slice.replace(/\s*\n\s*/g, ' '));
      }
    }
  });

  it('the example concepts are about the interviews, without fillers or speaker names', () => {
    const labels = result.concepts.filter((c) => c.kind !== 'tag').map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['community', 'language']));
    for (const filler of ['yeah', 'okay', 'um', 'thing', 'know', 'Interviewer', 'interviewer']) expect(labels).not.toContain(filler);
    expect(result.concepts.filter((c) => c.category === 'folder').map((c) => c.label).sort()).toEqual(['affiliate-leaders', 'newer-volunteers', 'organisers']);
  });
});

describe('leximap analyze on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leximap-bad-'));

  async function fails(args: string[], pattern: RegExp, exit = 1): Promise<void> {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = await leximap('analyze', ...args, '-o', out, '--workers', '1');
    expect(r.code).toBe(exit);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  }

  it('a missing path is named', () => fails([join(dir, 'nope')], /nope/));

  it('an empty folder is named', () => {
    mkdirSync(join(dir, 'empty'));
    return fails([join(dir, 'empty')], /empty/);
  });

  it('a binary file is named', () => {
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0]));
    return fails([join(dir, 'image.txt')], /image\.txt.*binary/i);
  });

  it('a file mixing UTF-8 and Latin-1 is named', () => {
    writeFileSync(join(dir, 'mixed.txt'), Buffer.concat([Buffer.from('Café au lait, '), Buffer.from('caf\xe9 noir, the mentor said.', 'latin1')]));
    return fails([join(dir, 'mixed.txt')], /mixed\.txt.*UTF-8/);
  });

  it('a corpus too small to learn from says so', () => {
    writeFileSync(join(dir, 'tiny.txt'), 'Amara: I edited one article about my village.\n');
    return fails([join(dir, 'tiny.txt')], /more text/);
  });

  it('a bad option value is a usage error (exit 2)', () => fails([examples, '--concepts', 'many'], /--concepts/, 2));
});

describe('leximap usage errors', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'leximap-usage-')), 'out');

  it('analyze --theme-size 2 exits 2 naming --theme-size, not the engine option themeSize', async () => {
    const r = await leximap('analyze', examples, '-o', out, '--theme-size', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leximap: --theme-size: got 2, expected a number from 0 to 1\n');
    expect(existsSync(out)).toBe(false);
  });

  it('analyze --seed -1 takes -1 as the value and exits 2 with the range of --seed', async () => {
    const r = await leximap('analyze', examples, '-o', out, '--seed', '-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('leximap: --seed: got -1, expected an integer from 0 to 4294967295\n');
  });

  it('analyze --concepts 1 and --workers beyond the cores exit 2 before any work', async () => {
    const one = await leximap('analyze', examples, '-o', out, '--concepts', '1');
    expect([one.code, one.stderr]).toEqual([2, 'leximap: --concepts: got 1, expected an integer from 2 to 1000\n']);
    const many = await leximap('analyze', examples, '-o', out, '--workers', '256');
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/^leximap: --workers: got "256", expected a whole number from 1 to \d+ \(the cores of this machine\)\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
