import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mergeQdpx, readManualCoding, writeQdpx, type QdpxExport } from '@leximap/io';
import { readFileSync } from 'node:fs';

const shared = resolve(import.meta.dirname, '../../../shared/data/qdpx');
const SCHEMA = join(shared, 'schema/Project-mrt2019.xsd');
const dir = mkdtempSync(join(tmpdir(), 'leximap-xsd-'));

/** xmllint (Debian's libxml2-utils) on the project.qde of a .qdpx. */
function validate(bytes: Uint8Array): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.qde`);
  writeFileSync(path, unzipSync(bytes)['project.qde'] as Uint8Array);
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, path], { encoding: 'utf8' });
  return `${run.status}: ${run.stderr || String(run.error)}`;
}

const exported: QdpxExport = {
  name: 'leximap concepts',
  seed: 1,
  documents: [{ id: 'P1.txt', name: 'P1', text: 'Mentors help & guide.\nTools < people 😀 here.' }],
  codes: [
    { id: 'lx', name: 'leximap', path: ['leximap'], codable: false, description: 'learned' },
    { id: 'lx:mentor', name: 'mentor "m" & <co>', path: ['leximap', 'mentor'], parentId: 'lx', codable: true, colour: '#AA0000' },
  ],
  segments: [{ codeId: 'lx:mentor', document: 'P1.txt', start: 0, end: 21, text: 'Mentors help & guide.' }],
};

describe('REFI-QDA export against the official schema (../shared/data/qdpx/schema)', () => {
  it('writeQdpx(…) writes a project that validates against Project-mrt2019.xsd', () => {
    expect(validate(writeQdpx(exported))).toMatch(/^0: \S+ validates/);
  });

  it('mergeQdpx(…) into the qc-demo project validates and keeps its codes', async () => {
    const user = readFileSync(join(shared, 'qc-demo.qdpx'));
    const own = await readManualCoding(join(shared, 'qc-demo.qdpx'));
    const merged = mergeQdpx(user, exported, { file: 'qc-demo.qdpx' });
    expect(validate(merged)).toMatch(/^0: \S+ validates/);
    const back = await (async () => {
      const path = join(dir, 'merged.qdpx');
      writeFileSync(path, merged);
      return readManualCoding(path);
    })();
    expect(back.codes.length).toBe(own.codes.length + 2);
  });
});
