import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpus, readCorpusDetailed } from '../../src/read/readCorpus.ts';
import { tempDir } from '../fixtures/tempDir.ts';

const corpus = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

describe('readCorpus', () => {
  it('readCorpus(…) reads every source in order, a CSV giving one document per row', async () => {
    const { documents } = await readCorpus([corpus]);
    expect(documents.map((d) => [d.id, d.tags])).toStrictEqual([
      ['organisers/P04-lin.txt', ['folder:organisers', 'file:P04-lin']],
      ['survey.csv#2', ['file:survey', 'id:r1', 'site:Lagos']],
      ['survey.csv#3', ['file:survey', 'id:r2', 'site:Oslo']],
      ['volunteers/P01-amara.md', ['folder:volunteers', 'file:P01-amara']],
    ]);
    for (const doc of documents) {
      for (const p of doc.paragraphs) expect(doc.text.slice(p.start, p.end)).toBe(doc.text.slice(p.start, p.end).trim());
    }
  });

  it('readCorpus(…) gives the same corpus whatever the concurrency', async () => {
    expect(await readCorpus([corpus], { concurrency: 1 })).toStrictEqual(await readCorpus([corpus], { concurrency: 3 }));
  });

  it('readCorpus(…) rejects a corpus without text with E_EMPTY_CORPUS', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), '\n\n');
    await writeFile(join(dir, 'b.md'), '');
    await expect(readCorpus([dir])).rejects.toMatchObject({ code: 'E_EMPTY_CORPUS' });
  });

  it('readCorpus(…) fails on a bad file, or skips it with skipBadFiles', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'Dan: Hello.');
    await writeFile(join(dir, 'b.txt'), Uint8Array.of(0x61, 0x00));
    await expect(readCorpus([dir])).rejects.toMatchObject({ code: 'E_BINARY', file: join(dir, 'b.txt') });
    const details = await readCorpusDetailed([dir], { skipBadFiles: true });
    expect(details.corpus.documents.map((d) => d.id)).toStrictEqual(['a.txt']);
    expect(details.skipped).toStrictEqual([
      { path: join(dir, 'b.txt'), code: 'E_BINARY', reason: `${join(dir, 'b.txt')}: this is a binary file, not text (a NUL byte at offset 1); convert it to .txt, .docx or .csv first` },
    ]);
  });
});
