import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/write/writeOutputs.ts';
import { tempDir } from '../fixtures/tempDir.ts';

describe('writeOutputs', () => {
  it('writeOutputs(…) creates the folder with every file, leaving no temporary folder', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'out', 'run1');
    await writeOutputs(dir, { 'result.json': '{}\n', 'map.png': Uint8Array.of(1, 2, 3), 'assets/app.js': 'x' });
    expect((await readdir(dir)).sort()).toStrictEqual(['assets', 'map.png', 'result.json']);
    expect(await readFile(join(dir, 'result.json'), 'utf8')).toBe('{}\n');
    expect([...(await readFile(join(dir, 'map.png')))]).toStrictEqual([1, 2, 3]);
    expect(await readFile(join(dir, 'assets/app.js'), 'utf8')).toBe('x');
    expect(await readdir(join(parent, 'out'))).toStrictEqual(['run1']);
  });

  it('writeOutputs(…) replaces files in an existing folder and keeps the others', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'result.json'), 'old');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeOutputs(dir, { 'result.json': 'new', 'themes.csv': 't' });
    expect((await readdir(dir)).sort()).toStrictEqual(['notes.txt', 'result.json', 'themes.csv']);
    expect(await readFile(join(dir, 'result.json'), 'utf8')).toBe('new');
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('writeOutputs(…) fails with E_WRITE leaving neither the folder nor a temporary folder behind', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'out');
    await expect(writeOutputs(dir, { 'result.json': '{}', 'map.svg': '<svg/>', 'map.svg/inner': 'x' })).rejects.toMatchObject({ code: 'E_WRITE', file: dir });
    expect(await readdir(parent)).toStrictEqual([]);
  });

  it('writeOutputs(…) fails with E_WRITE when the folder cannot be created', async () => {
    const parent = await tempDir();
    await writeFile(join(parent, 'file'), 'x');
    await expect(writeOutputs(join(parent, 'file', 'out'), { 'a.txt': 'a' })).rejects.toMatchObject({ code: 'E_WRITE' });
    expect(await readdir(parent)).toStrictEqual(['file']);
  });

  it('writeOutputs(…) refuses names that leave the folder', async () => {
    const parent = await tempDir();
    await mkdir(join(parent, 'out'));
    for (const name of ['../evil.txt', '/etc/x', 'a/../../b', '', 'a\\b']) {
      await expect(writeOutputs(join(parent, 'out'), { [name]: 'x' })).rejects.toMatchObject({ code: 'E_WRITE' });
    }
    expect(await readdir(parent)).toStrictEqual(['out']);
  });
});
