import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conceptsAndSpeakers, FORMATS, jaccard, writeAs } from '../formats/transcriptFormats.ts';

const corpus = resolve(import.meta.dirname, '../../../shared/data/corpora/pdpilot-interviews');
const transcripts = join(corpus, 'transcripts_txt');

describe('PDPilot read from its original PDFs and written in other transcript formats (../shared/data)', () => {
  let base: Awaited<ReturnType<typeof conceptsAndSpeakers>>;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leximap-pdpilot-formats-'));
    base = await conceptsAndSpeakers(transcripts);
  });

  it('the original PDFs give the speakers, documents and concepts of the .txt files (Jaccard ≥ 0.8)', async () => {
    const pdf = await conceptsAndSpeakers(join(corpus, 'original_pdf/transcripts'));
    expect(pdf.speakers).toStrictEqual(base.speakers);
    expect(pdf.result.documents.map((d) => d.name)).toStrictEqual(base.result.documents.map((d) => d.name));
    expect(pdf.result.corpus.paragraphs).toBe(base.result.corpus.paragraphs);
    expect(jaccard(pdf.concepts, base.concepts)).toBeGreaterThanOrEqual(0.8);
  });

  for (const format of FORMATS) {
    it(`the transcripts written as ${format} give the speakers and concepts of the .txt files (Jaccard ≥ 0.8)`, async () => {
      const folder = join(dir, format);
      await writeAs(transcripts, folder, format);
      const other = await conceptsAndSpeakers(folder);
      expect(other.speakers).toStrictEqual(base.speakers);
      expect(jaccard(other.concepts, base.concepts)).toBeGreaterThanOrEqual(0.8);
      if (format === 'cp1252') expect(other.result.documents.some((d) => d.encoding === 'windows-1252')).toBe(true);
    });
  }
});
