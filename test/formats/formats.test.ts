import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conceptsAndSpeakers, FORMATS, jaccard, writeAs } from './transcriptFormats.ts';

const examples = resolve(import.meta.dirname, '../../examples/interviews');

describe('the example interviews written as VTT, SRT, Windows-1252 and Name (00:00:00): lines', () => {
  let base: Awaited<ReturnType<typeof conceptsAndSpeakers>>;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leximap-formats-'));
    base = await conceptsAndSpeakers(examples);
  }, 120_000);

  for (const format of FORMATS) {
    it(`analyze(readCorpus(${format})) gives the speakers and concepts of the .txt files (Jaccard ≥ 0.8)`, async () => {
      const folder = join(dir, format);
      await writeAs(examples, folder, format);
      expect((await readdir(folder, { recursive: true })).length).toBeGreaterThanOrEqual(12);
      const other = await conceptsAndSpeakers(folder);
      expect(other.speakers).toStrictEqual(base.speakers);
      expect(other.result.corpus.documents).toBe(base.result.corpus.documents);
      expect(jaccard(other.concepts, base.concepts)).toBeGreaterThanOrEqual(0.8);
      if (format === 'cp1252') expect(other.result.documents.every((d) => d.encoding === 'windows-1252' || d.encoding === 'ISO-8859-1' || d.encoding === undefined)).toBe(true);
    }, 120_000);
  }
});
