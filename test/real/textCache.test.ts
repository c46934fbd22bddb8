import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeResult } from '@leximap/io';
import { analyzeFiles } from '@leximap/parallel';

const transcripts = resolve(import.meta.dirname, '../../../shared/data/corpora/pdpilot-interviews/transcripts_txt');
const dirs: string[] = [];

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the text cache on PDPilot (../shared/data)', () => {
  it('gives the bytes of a run without it, on 1 and 2 workers, with the theme size and seed changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leximap-real-cache-'));
    dirs.push(dir);
    const warnings: string[] = [];
    const cache = { dir, warn: (m: string) => warnings.push(m) };
    const plain = serializeResult((await analyzeFiles([transcripts], { workers: 1, seed: 4, themeSize: 0.5 })).result);
    const first = await analyzeFiles([transcripts], { workers: 2, cache });
    expect(first.timings.text).toBeGreaterThan(0);
    for (const workers of [1, 2]) {
      const again = await analyzeFiles([transcripts], { workers, seed: 4, themeSize: 0.5, cache });
      expect(again.timings.text).toBeUndefined();
      expect(serializeResult(again.result) === plain).toBe(true);
    }
    expect(warnings).toEqual([]);
  }, 300_000);
});
