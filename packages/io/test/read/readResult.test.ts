import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@leximap/core';
import { readResult } from '../../src/read/readResult.ts';
import { serializeResult } from '../../src/write/serializeResult.ts';
import { writeOutputs } from '../../src/write/writeOutputs.ts';
import { tempDir } from '../fixtures/tempDir.ts';
import { tinyResult } from '../fixtures/tinyResult.ts';

describe('readResult', () => {
  it('readResult(…) reads back what serializeResult and writeOutputs wrote', async () => {
    const dir = join(await tempDir(), 'out');
    await writeOutputs(dir, { 'result.json': serializeResult(tinyResult()) });
    const result = await readResult(join(dir, 'result.json'));
    expect(result.concepts.map((c) => c.label)).toStrictEqual(['mentor', '=SUM(A1)', 'Dan']);
    expect(result.blocks.scores).toStrictEqual([4.12346, 2.5, 0.333333]);
  });

  it('readResult(…) rejects a result of a newer schema, asking to upgrade', async () => {
    const path = join(await tempDir(), 'result.json');
    await writeFile(path, JSON.stringify({ ...tinyResult(), schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(readResult(path)).rejects.toMatchObject({
      code: 'E_BAD_RESULT',
      message: `${path}: schemaVersion: the result has schema version ${SCHEMA_VERSION + 1}, newer than the ${SCHEMA_VERSION} this leximap reads; upgrade leximap to open it`,
    });
  });

  it('readResult(…) rejects a file that is not JSON, or missing, naming it', async () => {
    const path = join(await tempDir(), 'result.json');
    await writeFile(path, '{"schemaVersion": 1,');
    await expect(readResult(path)).rejects.toMatchObject({ code: 'E_BAD_RESULT', file: path });
    await expect(readResult(join(path, '..', 'none.json'))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});
