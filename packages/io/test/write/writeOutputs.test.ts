import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, writeOutputs } from '../../src/write/writeOutputs.ts';
import { tempDir } from '../fixtures/tempDir.ts';

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('writeOutputs', () => {
  it('writeOutputs(…) creates the folder with every file, leaving no temporary folder', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'out', 'run1');
    await writeOutputs(dir, { 'result.json': '{}\n', 'map.png': Uint8Array.of(1, 2, 3), 'assets/app.js': 'x' });
    expect((await readdir(dir)).sort()).toStrictEqual([OUTPUT_MARKER, 'assets', 'map.png', 'result.json']);
    expect(JSON.parse(await readFile(join(dir, OUTPUT_MARKER), 'utf8'))).toStrictEqual({ files: ['assets', 'map.png', 'result.json'] });
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

  it('writeOutputs(…, { replace: true }) swaps a folder it wrote whole: files of the earlier run that this one does not write are gone', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'out');
    await writeOutputs(dir, { 'result.json': 'old', 'compare.csv': 'old', 'themes.csv': 'old' });
    await writeOutputs(dir, { 'result.json': 'new', 'themes.csv': 'new' }, { replace: true });
    expect((await readdir(dir)).sort()).toStrictEqual([OUTPUT_MARKER, 'result.json', 'themes.csv']);
    expect(await readFile(join(dir, 'themes.csv'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toStrictEqual(['out']);
  });

  it('writeOutputs(…) keeps a user\'s files in a folder it wrote before, and drops only its own old ones', async () => {
    const dir = join(await tempDir(), 'out');
    await writeOutputs(dir, { 'result.json': 'old', 'compare.csv': 'old' });
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeOutputs(dir, { 'result.json': 'new' }, { replace: true });
    expect((await readdir(dir)).sort()).toStrictEqual([OUTPUT_MARKER, 'notes.txt', 'result.json']);
    expect(await readFile(join(dir, 'result.json'), 'utf8')).toBe('new');
  });

  it('writeOutputs(…) without replace adds its files to a folder it wrote and keeps every other file (a map rendered beside result.json)', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'out');
    await writeOutputs(dir, { 'result.json': 'analysis', 'concepts.csv': 'analysis', 'map.svg': 'analysis' }, { replace: true });
    await writeOutputs(dir, { 'map.png': 'rendered', 'map.svg': 'rendered' });
    expect((await readdir(dir)).sort()).toStrictEqual([OUTPUT_MARKER, 'concepts.csv', 'map.png', 'map.svg', 'result.json']);
    expect(await readFile(join(dir, 'result.json'), 'utf8')).toBe('analysis');
    expect(await readFile(join(dir, 'map.svg'), 'utf8')).toBe('rendered');
    expect(JSON.parse(await readFile(join(dir, OUTPUT_MARKER), 'utf8'))).toStrictEqual({ files: ['concepts.csv', 'map.png', 'map.svg', 'result.json'] });
    expect(await readdir(parent)).toStrictEqual(['out']);
    // A later analysis replaces the set, the rendered map with it.
    await writeOutputs(dir, { 'result.json': 'again' }, { replace: true });
    expect((await readdir(dir)).sort()).toStrictEqual([OUTPUT_MARKER, 'result.json']);
  });

  it('writeOutputs(…) removes the temporary folders of runs that died, and puts back an old set a run left between its renames', async () => {
    const parent = await tempDir();
    const pid = deadPid();
    await mkdir(join(parent, `.out.tmp-${pid}-0a1b2c`));
    await writeFile(join(parent, `.out.tmp-${pid}-0a1b2c`, 'result.json'), '{"half');
    const old = join(parent, `.out.old-${pid}-3d4e5f`);
    await mkdir(old);
    await writeFile(join(old, 'result.json'), 'old');
    await writeFile(join(old, 'notes.txt'), 'mine');
    await writeOutputs(join(parent, 'out'), { 'result.json': 'new' });
    expect(await readdir(parent)).toStrictEqual(['out']);
    // The old set was put back first (so the user's file in it survives), then replaced in place.
    expect((await readdir(join(parent, 'out'))).sort()).toStrictEqual(['notes.txt', 'result.json']);
    expect(await readFile(join(parent, 'out', 'result.json'), 'utf8')).toBe('new');
  });

  it('writeOutputs(…) creates folders with the modes the umask allows', async () => {
    const dir = join(await tempDir(), 'a', 'out');
    await writeOutputs(dir, { 'result.json': '{}', 'assets/x.js': 'x' });
    const allowed = 0o777 & ~process.umask();
    expect((await stat(dir)).mode & 0o777).toBe(allowed);
    expect((await stat(join(dir, 'assets'))).mode & 0o777).toBe(allowed);
    expect((await stat(join(dir, 'result.json'))).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('writeOutputs(…) writes into a writable folder whose parent is not writable', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'out');
    await mkdir(dir);
    await writeFile(join(dir, 'result.json'), 'old');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chown(dir, 65534, 65534);
    await chmod(parent, 0o555);
    const module = resolve(fileURLToPath(new URL('../../src/write/writeOutputs.ts', import.meta.url)));
    const script = `import { writeOutputs } from ${JSON.stringify(module)}; await writeOutputs(${JSON.stringify(dir)}, { 'result.json': 'new', 'themes.csv': 't' });`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    await chmod(parent, 0o755);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect((await readdir(dir)).sort()).toStrictEqual(['result.json', 'themes.csv']);
    expect(await readFile(join(dir, 'result.json'), 'utf8')).toBe('new');
  });

  it('writeOutputs(…) refuses an empty folder name instead of writing into the current folder', async () => {
    const parent = await tempDir();
    const cwd = process.cwd();
    process.chdir(parent);
    try {
      await expect(writeOutputs('', { 'result.json': 'x' })).rejects.toMatchObject({ code: 'E_OPTION' });
    } finally {
      process.chdir(cwd);
    }
    expect(await readdir(parent)).toStrictEqual([]);
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
