import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateDocument } from '../../src/commands/compare.ts';

describe('locateDocument', () => {
  // A project analysed from its own folder (`leximap analyze examples/interviews -o out/run`), the result then compared from elsewhere.
  const project = mkdtempSync(join(tmpdir(), 'leximap-locate-'));
  const file = join(project, 'examples', 'interviews', 'leaders', 'P01.txt');
  mkdirSync(join(project, 'examples', 'interviews', 'leaders'), { recursive: true });
  writeFileSync(file, 'Interviewer: Hello.\n');
  const resultDir = join(project, 'out', 'run');

  it('locateDocument(…) finds a path recorded relative to the analysis folder through the input it lies under, relative to the result', () => {
    expect(locateDocument('examples/interviews/leaders/P01.txt', ['../../examples/interviews'], resultDir)).toBe(file);
    // An input given as a file, and one given as `.` from inside the folder.
    expect(locateDocument('examples/interviews/leaders/P01.txt', ['../../examples/interviews/leaders/P01.txt'], resultDir)).toBe(file);
    expect(locateDocument('leaders/P01.txt', ['../../examples/interviews'], resultDir)).toBe(file);
  });

  it('locateDocument(…) leaves an absolute path, one found from here, and one found nowhere as they are', () => {
    expect(locateDocument(file, ['../../elsewhere'], resultDir)).toBe(file);
    expect(locateDocument('package.json', ['../../examples/interviews'], resultDir)).toBe('package.json');
    expect(locateDocument('examples/interviews/leaders/P02.txt', ['../../examples/interviews'], resultDir)).toBe('examples/interviews/leaders/P02.txt');
    expect(locateDocument('examples/interviews/leaders/P01.txt', ['../../other/interviews'], resultDir)).toBe('examples/interviews/leaders/P01.txt');
  });
});
