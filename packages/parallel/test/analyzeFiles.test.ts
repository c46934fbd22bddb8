import { readdirSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeximapError } from '@leximap/core';
import { serializeResult } from '@leximap/io';
import { analyzeFiles } from '@leximap/parallel';
import { writeCorpus } from '../../../benchmarks/src/generate.ts';

let folder: string;
let broken: string;

beforeAll(async () => {
  idle = threads();
  folder = await mkdtemp(join(tmpdir(), 'leximap-parallel-'));
  await writeCorpus(join(folder, 'good'), { documents: 60, wordsPerDocument: 500, seed: 2 });
  broken = join(folder, 'broken');
  await mkdir(broken);
  await writeCorpus(broken, { documents: 60, wordsPerDocument: 500, seed: 2 });
  // Invalid UTF-8 in the middle of the folder.
  await writeFile(join(broken, 'interview-00031.txt'), Buffer.from([0x54, 0x68, 0x65, 0x20, 0xc3, 0xa9, 0x20, 0xc3, 0x28, 0x20, 0x65, 0x6e, 0x64, 0x0a]));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function failure(run: Promise<unknown>): Promise<LeximapError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LeximapError);
  return error as LeximapError;
}

/** Threads of this process (Linux): a running worker adds one. */
function threads(): number {
  return readdirSync('/proc/self/task').length;
}

/** Threads of this process before any pool, the count once every run's workers have stopped. */
let idle: number;

/**
 * Waits until the thread count is down to `target` (at most 5 s; by default the count before any
 * pool): a run returns while its workers stop, and a stopped worker's thread may outlive its exit
 * event by a moment on a busy machine. The thread count then; a worker left running stays counted.
 */
async function idleThreads(target = idle): Promise<number> {
  for (let tries = 0; threads() > target && tries < 250; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  return threads();
}

describe('analyzeFiles', () => {
  it('analyzeFiles(paths, { workers: 2 }) gives the result of workers: 1, with timings per stage', async () => {
    const one = await analyzeFiles([join(folder, 'good')], { workers: 1 });
    const two = await analyzeFiles([join(folder, 'good')], { workers: 2 });
    expect(serializeResult(two.result)).toBe(serializeResult(one.result));
    expect(Object.keys(one.timings)).toEqual(expect.arrayContaining(['list', 'text', 'terms', 'thesaurus', 'layout', 'quotes', 'total']));
    expect(two.timings.pool).toBeGreaterThanOrEqual(0);
    expect(one.result.skipped).toBeUndefined();
  });

  for (const workers of [1, 2]) {
    it(`analyzeFiles(…, { workers: ${workers} }) stops at a broken file with one error naming it, workers stopped`, async () => {
      const before = await idleThreads();
      const error = await failure(analyzeFiles([broken], { workers }));
      expect(error.code).toBe('E_ENCODING');
      expect(error.file).toBe(join(broken, 'interview-00031.txt'));
      expect(error.message.startsWith(`${join(broken, 'interview-00031.txt')}: `)).toBe(true);
      expect(await idleThreads(before)).toBe(before);
    });

    it(`analyzeFiles(…, { workers: ${workers}, skipBadFiles: true }) skips the broken file and lists it`, async () => {
      const { result } = await analyzeFiles([broken], { workers, skipBadFiles: true });
      expect(result.skipped).toEqual([{ path: join(broken, 'interview-00031.txt'), reason: expect.stringMatching(/UTF-8/) }]);
      expect(result.corpus.documents).toBe(59);
      expect(result.documents.map((d) => d.name)).not.toContain('interview-00031');
    });
  }

  it('analyzeFiles(…) quotes the same text it tokenised, read again from the file', async () => {
    const { result } = await analyzeFiles([join(folder, 'good')], { workers: 2 });
    const excerpt = result.quotes.excerpts[0]!;
    const block = excerpt.block;
    const doc = result.documents[result.blocks.document[block]!]!;
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(join(folder, 'good', `${doc.name}.txt`), 'utf8');
    expect(text.slice(result.blocks.start[block]!, result.blocks.end[block]!).replace(/\s*\n\s*/g, ' ')).toBe(excerpt.text);
  });

  it('analyzeFiles(…, { workers: 2 }) returns the result while its workers stop, and they do stop', async () => {
    const before = await idleThreads();
    let most = before;
    await analyzeFiles([join(folder, 'good')], { workers: 2, onProgress: () => void (most = Math.max(most, threads())) });
    expect(most).toBe(before + 2);
    expect(await idleThreads()).toBe(before);
  });

  it('analyzeFiles(…) without workers runs a small corpus in this thread, without starting a pool', async () => {
    const before = await idleThreads();
    let most = before;
    const onProgress = (): void => void (most = Math.max(most, threads()));
    const { timings } = await analyzeFiles([join(folder, 'good')], { onProgress });
    expect(timings.pool).toBeUndefined();
    expect(most).toBe(before);
  });

  it('analyzeFiles(…, { workers: 0 }) names the option', async () => {
    const error = await failure(analyzeFiles([folder], { workers: 0 }));
    expect(error.code).toBe('E_OPTION');
    expect(error.message).toBe('option workers: got 0, expected an integer from 1 to 256');
  });

  it('analyzeFiles(…) keeps run options out of result.parameters', async () => {
    const copy = join(folder, 'copy');
    await mkdir(copy);
    for (let i = 1; i <= 30; i++) {
      const name = `interview-${String(i).padStart(5, '0')}.txt`;
      await copyFile(join(folder, 'good', name), join(copy, name));
    }
    const { result } = await analyzeFiles([copy], { workers: 1, skipBadFiles: true, onProgress: () => {} });
    expect(Object.keys(result.parameters)).not.toContain('workers');
    expect(Object.keys(result.parameters)).not.toContain('skipBadFiles');
    expect(Object.keys(result.parameters)).not.toContain('onProgress');
  });

  it.each([1, 2])('analyzeFiles(…, { workers: %i }) stops with one error naming the file when files vanish before quotes read them again', async (workers) => {
    const vanishing = join(folder, `vanishing-${workers}`);
    await mkdir(vanishing);
    const names = readdirSync(join(folder, 'good')).sort();
    for (const name of names) await copyFile(join(folder, 'good', name), join(vanishing, name));
    // All but the first file go once the text is tokenised: quotes read several files at once, and several reads fail.
    const onProgress = ({ stage }: { stage: string }): void => {
      if (stage === 'thesaurus') for (const name of names.slice(1)) rmSync(join(vanishing, name));
    };
    const error = await failure(analyzeFiles([vanishing], { workers, onProgress }));
    expect(error.code).toBe('E_NOT_FOUND');
    expect(names.slice(1).map((name) => join(vanishing, name))).toContain(error.file);
    expect(error.message).toBe(`${error.file}: no such file; check the path`);
  });
});
