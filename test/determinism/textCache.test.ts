import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeResult } from '@leximap/io';
import { analyzeFiles, cacheDir } from '@leximap/parallel';
import { writeCorpus } from '../../benchmarks/src/generate.ts';

let folder: string;
let cache: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'leximap-textcache-'));
  cache = await mkdtemp(join(tmpdir(), 'leximap-textcache-dir-'));
  await writeCorpus(folder, { documents: 60, wordsPerDocument: 500, seed: 11 });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

const entries = async (): Promise<string[]> => (await readdir(cache)).filter((n) => n.endsWith('.lxc'));

describe('the text-stage cache', () => {
  it('gives the same bytes without it, on a miss and on a hit, with 1 and 2 workers, and skips the text stage and the workers on a hit', async () => {
    const plain = serializeResult((await analyzeFiles([folder], { workers: 1, seed: 2, themeSize: 0.5 })).result);
    const warnings: string[] = [];
    const options = { cache: { dir: cache, warn: (m: string) => warnings.push(m) } };
    // The first run (another theme size) fills the cache; the next ones, with the theme size changed, hit it.
    const first = await analyzeFiles([folder], { workers: 1, seed: 2, ...options });
    expect(first.timings.text).toBeGreaterThan(0);
    expect(await entries()).toHaveLength(1);
    for (const workers of [1, 2]) {
      const hit = await analyzeFiles([folder], { workers, seed: 2, themeSize: 0.5, ...options });
      expect(hit.timings.text).toBeUndefined();
      expect(hit.timings.pool).toBeUndefined();
      expect(hit.timings.cache).toBeDefined();
      expect(serializeResult(hit.result) === plain).toBe(true);
    }
    expect(warnings).toEqual([]);
  });

  it('misses when a text option or one byte of a file changes', async () => {
    const warnings: string[] = [];
    const options = { cache: { dir: cache, warn: (m: string) => warnings.push(m) } };
    await analyzeFiles([folder], { workers: 1, ...options });
    const names = await entries();
    const other = await analyzeFiles([folder], { workers: 1, blockSentences: 3, ...options });
    expect(other.timings.text).toBeGreaterThan(0);
    const file = join(folder, (await readdir(folder)).sort()[0]!);
    const bytes = await readFile(file);
    await appendFile(file, 'x');
    try {
      const changed = await analyzeFiles([folder], { workers: 1, ...options });
      expect(changed.timings.text).toBeGreaterThan(0);
      expect(serializeResult(changed.result) === serializeResult((await analyzeFiles([folder], { workers: 1 })).result)).toBe(true);
    } finally {
      await writeFile(file, bytes);
    }
    expect((await entries()).length).toBe(names.length + 2);
    expect(warnings).toEqual([]);
  });

  it('rebuilds a truncated or altered entry with one warning, and keeps at most maxEntries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leximap-textcache-bad-'));
    try {
      const warnings: string[] = [];
      const options = { cache: { dir, maxEntries: 2, warn: (m: string) => warnings.push(m) } };
      const reference = serializeResult((await analyzeFiles([folder], { workers: 1, ...options })).result);
      const [name] = (await readdir(dir)).filter((n) => n.endsWith('.lxc'));
      const path = join(dir, name!);
      const size = (await readFile(path)).length;
      await truncate(path, size - 10);
      const again = await analyzeFiles([folder], { workers: 1, ...options });
      expect(again.timings.text).toBeGreaterThan(0);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/truncated.*rebuilding/);
      expect(serializeResult(again.result) === reference).toBe(true);
      // One byte of the payload flipped: the checksum fails.
      const bytes = await readFile(path);
      bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
      await writeFile(path, bytes);
      await analyzeFiles([folder], { workers: 1, ...options });
      expect(warnings).toHaveLength(2);
      expect(warnings[1]).toMatch(/checksum/);
      for (const blockSentences of [1, 3, 4]) await analyzeFiles([folder], { workers: 1, blockSentences, ...options });
      expect((await readdir(dir)).filter((n) => n.endsWith('.lxc'))).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps the phrase labels beside the entry, takes them from there on a hit, and removes them with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leximap-textcache-phrases-'));
    try {
      const options = { cache: { dir, maxEntries: 1 } };
      const first = await analyzeFiles([folder], { workers: 1, ...options });
      const [sidecar] = (await readdir(dir)).filter((n) => n.endsWith('.phrases.json'));
      expect(sidecar).toBeDefined();
      const phrases = JSON.parse(await readFile(join(dir, sidecar!), 'utf8')) as Record<string, string | null>;
      // Every one-word concept's word is there, with its phrase or null.
      const words = first.result.concepts.filter((c) => c.kind === 'word' && c.seeds.length === 1).map((c) => c.seeds[0]!);
      expect(words.length).toBeGreaterThan(0);
      for (const w of words) expect(Object.keys(phrases)).toContain(w);
      // What the file says is what a hit shows (the file is trusted as the entry is: same key).
      const word = words[0]!;
      await writeFile(join(dir, sidecar!), JSON.stringify({ ...phrases, [word]: `${word} test` }));
      const hit = await analyzeFiles([folder], { workers: 1, ...options });
      expect(hit.timings.text).toBeUndefined();
      expect(hit.result.concepts.find((c) => c.seeds[0] === word && c.seeds.length === 1)?.label).toBe(`${word} test`);
      // Another text's entry replaces this one (maxEntries 1), and its phrase labels go with it.
      await analyzeFiles([folder], { workers: 1, blockSentences: 3, ...options });
      expect(existsSync(join(dir, sidecar!))).toBe(false);
      expect((await readdir(dir)).filter((n) => n.endsWith('.phrases.json'))).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lives in LEXIMAP_CACHE_DIR, else XDG_CACHE_HOME/leximap, else ~/.cache/leximap', () => {
    expect(cacheDir({ LEXIMAP_CACHE_DIR: '/a', XDG_CACHE_HOME: '/b' })).toBe('/a');
    expect(cacheDir({ XDG_CACHE_HOME: '/b' })).toBe(join('/b', 'leximap'));
    expect(cacheDir({})).toMatch(/\.cache[\\/]leximap$/);
  });
});

describe('leximap analyze and the text cache', () => {
  const root = join(import.meta.dirname, '../..');
  const run = async (env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { stderr } = await promisify(execFile)(process.execPath, [join(root, 'apps/cli/dist/leximap.js'), 'analyze', join(root, 'examples/interviews'), '--quiet', ...args], { cwd: root, env: { ...process.env, ...env } });
    return stderr;
  };

  it('fills LEXIMAP_CACHE_DIR, reuses it with the same bytes, and --no-cache neither reads nor writes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leximap-textcache-cli-'));
    try {
      const env = { LEXIMAP_CACHE_DIR: join(dir, 'cache') };
      expect(await run(env, '--no-cache', '--theme-size', '0.5', '-o', join(dir, 'plain'))).toBe('');
      expect(existsSync(join(dir, 'cache'))).toBe(false);
      expect(await run(env, '-o', join(dir, 'first'))).toBe('');
      expect((await readdir(join(dir, 'cache'))).filter((n) => n.endsWith('.lxc'))).toHaveLength(1);
      expect(await run(env, '--theme-size', '0.5', '-o', join(dir, 'again'))).toBe('');
      expect(await readFile(join(dir, 'again/result.json'), 'utf8')).toBe(await readFile(join(dir, 'plain/result.json'), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
