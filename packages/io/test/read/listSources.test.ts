import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSources } from '../../src/read/listSources.ts';
import { READERS } from '../../src/read/readers.ts';
import { OUTPUT_MARKER, writeOutputs } from '../../src/write/writeOutputs.ts';
import { tempDir } from '../fixtures/tempDir.ts';

const corpus = relative(process.cwd(), fileURLToPath(new URL('../fixtures/corpus', import.meta.url)));

describe('listSources', () => {
  it('listSources(…) tags files by folder and file name, sorted by id, skipping hidden, lock and unsupported files', async () => {
    expect(await listSources([corpus])).toStrictEqual([
      { path: join(corpus, 'organisers/P04-lin.txt'), relativePath: 'organisers/P04-lin.txt', id: 'organisers/P04-lin.txt', name: 'P04-lin', tags: ['folder:organisers', 'file:P04-lin'] },
      { path: join(corpus, 'survey.csv'), relativePath: 'survey.csv', id: 'survey.csv', name: 'survey', tags: ['file:survey'] },
      { path: join(corpus, 'volunteers/P01-amara.md'), relativePath: 'volunteers/P01-amara.md', id: 'volunteers/P01-amara.md', name: 'P01-amara', tags: ['folder:volunteers', 'file:P01-amara'] },
    ]);
  });

  it('listSources(…) makes ids relative to the common folder of several paths, tags relative to each', async () => {
    const sources = await listSources([join(corpus, 'volunteers'), join(corpus, 'organisers/P04-lin.txt')]);
    expect(sources.map((s) => [s.id, s.relativePath, s.tags])).toStrictEqual([
      ['organisers/P04-lin.txt', 'P04-lin.txt', ['file:P04-lin']],
      ['volunteers/P01-amara.md', 'P01-amara.md', ['file:P01-amara']],
    ]);
  });

  it('listSources(…) lists a file given twice once', async () => {
    const file = join(corpus, 'survey.csv');
    expect((await listSources([file, corpus, file])).map((s) => s.id)).toStrictEqual(['organisers/P04-lin.txt', 'survey.csv', 'volunteers/P01-amara.md']);
  });

  it('listSources(…) sorts by code units, not by locale or file-system order', async () => {
    const dir = await tempDir();
    for (const name of ['b.txt', 'B.txt', 'a.txt', 'Z/z.txt', 'é.txt', '10.txt', '9.txt']) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), 'text');
    }
    expect((await listSources([dir])).map((s) => s.id)).toStrictEqual(['10.txt', '9.txt', 'B.txt', 'Z/z.txt', 'a.txt', 'b.txt', 'é.txt']);
  });

  it('listSources(…) rejects a missing path with E_NOT_FOUND naming it', async () => {
    await expect(listSources(['no/such/folder'])).rejects.toMatchObject({ code: 'E_NOT_FOUND', file: 'no/such/folder' });
  });

  it('listSources(…) rejects a folder without a readable file with E_EMPTY_CORPUS naming it', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'scan.pages'), 'pages');
    await writeFile(join(dir, '.notes.txt'), 'hidden');
    await expect(listSources([dir])).rejects.toMatchObject({ code: 'E_EMPTY_CORPUS', file: dir });
  });

  it('listSources(…) keeps exactly the extensions that have a reader', async () => {
    expect(Object.keys(READERS).slice(0, 5)).toStrictEqual(['.txt', '.md', '.docx', '.csv', '.xlsx']);
    expect((await listSources([corpus], { extensions: ['.md'] })).map((s) => s.id)).toStrictEqual(['volunteers/P01-amara.md']);
  });

  it('listSources(…) rejects a given file of an unsupported type with E_UNSUPPORTED', async () => {
    const file = join(corpus, 'volunteers/photo.png');
    await expect(listSources([file])).rejects.toMatchObject({ code: 'E_UNSUPPORTED', file, message: `${file}: cannot read .png; leximap reads ${Object.keys(READERS).join(' ')}` });
  });

  it('listSources(…) does not follow a symbolic link to a folder out of the given folder, and says so; a linked file is read; followSymlinks follows both', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'input'));
    await mkdir(join(dir, 'private'));
    await writeFile(join(dir, 'input', 'a.txt'), 'text');
    await writeFile(join(dir, 'private', 'secret.txt'), 'secret');
    await symlink(join(dir, 'private'), join(dir, 'input', 'linked'));
    await writeFile(join(dir, 'private', 'other.txt'), 'other');
    await symlink(join(dir, 'private', 'other.txt'), join(dir, 'input', 'file.txt'));
    const skipped: { path: string; reason: string }[] = [];
    const sources = await listSources([join(dir, 'input')], { onSkip: (s) => skipped.push(s) });
    expect(sources.map((s) => s.id)).toStrictEqual(['a.txt', 'file.txt']);
    expect(skipped.map((s) => s.path)).toStrictEqual([join(dir, 'input', 'linked')]);
    expect(skipped[0]!.reason).toMatch(/^is a symbolic link to the folder .*private, outside the given files and folders; not followed \(give --follow-symlinks to read it\)$/);
    expect((await listSources([join(dir, 'input')], { followSymlinks: true })).map((s) => s.id)).toStrictEqual(['a.txt', 'file.txt', 'linked/secret.txt']);
    // Reached twice (file.txt, linked/other.txt), the file is listed once.
  });

  it('listSources(…) follows a symbolic link that stays inside the given folder, listing its target once', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'a.txt'), 'text');
    await symlink(join(dir, 'sub'), join(dir, 'alias'));
    expect((await listSources([dir])).map((s) => s.id)).toStrictEqual(['alias/a.txt']);
  });

  it('listSources(…) reads the same folder given twice once, instead of finding no file the second time', async () => {
    expect((await listSources([corpus, corpus, `${corpus}/`])).map((s) => s.id)).toStrictEqual(['organisers/P04-lin.txt', 'survey.csv', 'volunteers/P01-amara.md']);
  });

  it('listSources(…) gives a subfolder given before its parent the tags of the parent', async () => {
    const sources = await listSources([join(corpus, 'volunteers'), corpus]);
    expect(sources.map((s) => [s.id, s.tags])).toStrictEqual([
      ['organisers/P04-lin.txt', ['folder:organisers', 'file:P04-lin']],
      ['survey.csv', ['file:survey']],
      ['volunteers/P01-amara.md', ['folder:volunteers', 'file:P01-amara']],
    ]);
  });

  it('listSources(…) leaves out the folders in exclude and every folder leximap wrote output into', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'text');
    await writeOutputs(join(dir, 'out'), { 'concepts.csv': 'x', 'summary.md': 'y' });
    await mkdir(join(dir, 'next'));
    await writeFile(join(dir, 'next', 'b.md'), 'not yet an output');
    const skipped: string[] = [];
    expect((await listSources([dir], { exclude: [join(dir, 'next')], onSkip: (s) => skipped.push(s.reason) })).map((s) => s.id)).toStrictEqual(['a.txt']);
    expect(skipped).toStrictEqual(['is a folder leximap wrote output into; its files are not read as documents']);
    expect(OUTPUT_MARKER.startsWith('.')).toBe(true);
  });
});
