/**
 * The progress line of `leximap analyze`, through a pseudo-terminal (`script` from util-linux)
 * and through a pipe. Frames are told apart by the carriage returns and cursor moves cli-progress
 * writes between them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../benchmarks/src/generate.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'apps/cli/dist/leximap.js');
const dir = mkdtempSync(join(tmpdir(), 'leximap-progress-'));
const corpus = join(dir, 'corpus');
let files = 0;

/** The `reading` frames' file counts, in the order drawn. */
function fileCounts(output: string): number[] {
  return [...output.matchAll(/reading [█░]+ +\d+% +(\d+)\/(\d+) files/g)].map((m) => Number(m[1]));
}

beforeAll(async () => {
  files = (await writeCorpus(corpus, { documents: 60, seed: 3 })).files;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('leximap analyze progress', () => {
  it('analyze on a terminal draws the files read of how many as they are read, then the stages, and clears the line', async () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} analyze ${JSON.stringify(corpus)} -o ${JSON.stringify(join(dir, 'tty'))} --workers 1`;
    const { stdout } = await run('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, COLUMNS: '160', LINES: '20' }, maxBuffer: 16 << 20 });
    const counts = fileCounts(stdout);
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(stdout).toMatch(new RegExp(`\\d+/${files} files · [\\d,.]+ (M )?words · \\d+\\.\\d s · ETA`));
    expect(stdout).toMatch(new RegExp(`(thesaurus|layout|write) +█+ ${files}/${files} files`));
    expect(stdout).toContain(`Wrote result.json`);
  }, 120_000);

  it('analyze draws nothing on stderr when it is not a terminal, and one line a second with --progress', async () => {
    const quiet = await run(process.execPath, [cli, 'analyze', corpus, '-o', join(dir, 'pipe'), '--workers', '1']);
    expect(quiet.stderr).toBe('');
    const forced = await run(process.execPath, [cli, 'analyze', corpus, '-o', join(dir, 'forced'), '--workers', '1', '--progress']);
    expect(forced.stderr).toMatch(/(reading|thesaurus|layout|write) .* files/);
    expect(forced.stderr).not.toContain('\r');
  }, 120_000);
});
