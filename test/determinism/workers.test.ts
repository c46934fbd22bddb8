import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSources, serializeResult } from '@leximap/io';
import { analyzeFiles, planShards } from '@leximap/parallel';
import { stat } from 'node:fs/promises';
import { writeCorpus } from '../../benchmarks/src/generate.ts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'leximap-determinism-'));
  await writeCorpus(folder, { documents: 300, wordsPerDocument: 600, seed: 7 });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('analyzeFiles(…, { workers })', () => {
  it('shards a 300-document corpus over several tasks for every worker count', async () => {
    const sources = await listSources([folder]);
    const sizes = await Promise.all(sources.map(async (s) => (await stat(s.path)).size));
    expect(sources).toHaveLength(300);
    for (const workers of [1, 2, 3, 4]) expect(planShards(sizes, workers).length).toBeGreaterThanOrEqual(workers * 4);
  });

  it('gives byte-identical results with 1, 2, 3 and 4 workers, the stability report among them (whole resamples on the pool)', async () => {
    const outputs: string[] = [];
    for (const workers of [1, 2, 3, 4]) {
      const { result } = await analyzeFiles([folder], { workers, seed: 3 });
      outputs.push(serializeResult(result));
    }
    expect(outputs[0]!.length).toBeGreaterThan(100_000);
    expect(JSON.parse(outputs[0]!).corpus.documents).toBe(300);
    expect(JSON.parse(outputs[0]!).stability.runs).toBe(10);
    for (const output of outputs.slice(1)) expect(output === outputs[0]).toBe(true);
  });
});
