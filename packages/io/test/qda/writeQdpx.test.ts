import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mergeQdpx } from '../../src/qda/mergeQdpx.ts';
import { qdaGuid } from '../../src/qda/qdaGuid.ts';
import { readQdpx } from '../../src/qda/readQdpx.ts';
import { writeQdpx, type QdpxExport } from '../../src/qda/writeQdpx.ts';
import { g, oneSourceProject } from './makeQdpx.ts';

// Validation against the REFI-QDA schema (which is not ours to ship) is in test/real/qdpxSchema.test.ts.

const exported = (): QdpxExport => ({
  name: 'leximap concepts',
  seed: 1,
  documents: [
    { id: 'P1.txt', name: 'P1', text: 'Mentors help & guide.\nTools < people 😀 here.' },
    { id: 'P2.txt', name: 'P2', text: 'Nothing coded "here".' },
  ],
  codes: [
    { id: 'lx', name: 'leximap', path: ['leximap'], codable: false, description: 'learned' },
    { id: 'lx:mentor', name: 'mentor "m" & <co>', path: ['leximap', 'mentor'], parentId: 'lx', codable: true, colour: '#AA0000' },
    { id: 'lx:tool', name: 'tool', path: ['leximap', 'tool'], parentId: 'lx', codable: true },
  ],
  segments: [
    { codeId: 'lx:mentor', document: 'P1.txt', start: 0, end: 21, text: 'Mentors help & guide.' },
    { codeId: 'lx:tool', document: 'P1.txt', start: 22, end: 44, text: 'Tools < people 😀 here.' },
    { codeId: 'lx:mentor', document: 'P1.txt', start: 22, end: 44, text: 'Tools < people 😀 here.' },
  ],
});

describe('writeQdpx', () => {
  it('writeQdpx(…) gives the same bytes for the same input, and GUIDs derived from the seed', () => {
    const a = writeQdpx(exported());
    expect(writeQdpx(exported())).toEqual(a);
    expect(writeQdpx({ ...exported(), seed: 2 })).not.toEqual(a);
    expect(qdaGuid(1, 'code', 'lx')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
  });
  it('writeQdpx(…) round-trips through readQdpx with the same codes, selections and texts', () => {
    const back = readQdpx(writeQdpx(exported()));
    const input = exported();
    expect(back.codes.map((c) => [c.path.join(' > '), c.codable, c.colour, c.description])).toEqual([
      ['leximap', false, undefined, 'learned'],
      ['leximap > mentor "m" & <co>', true, '#AA0000', undefined],
      ['leximap > tool', true, undefined, undefined],
    ]);
    const name = new Map(back.codes.map((c) => [c.id, c.name]));
    expect(back.segments.map((s) => [name.get(s.codeId), s.document, s.start, s.end, s.text])).toEqual([
      ['mentor "m" & <co>', 'P1', 0, 21, 'Mentors help & guide.'],
      ['tool', 'P1', 22, 44, 'Tools < people 😀 here.'],
      ['mentor "m" & <co>', 'P1', 22, 44, 'Tools < people 😀 here.'],
    ]);
    expect(back.documents?.map((d) => d.text)).toEqual(input.documents.map((d) => d.text));
  });
});

describe('mergeQdpx', () => {
  it('mergeQdpx(…) adds the codes and selections to a copy of the user project and keeps its own', () => {
    const user = oneSourceProject('Mentors help & guide.', [[0, 7, g(1)]]);
    const before = Uint8Array.from(user);
    const addition = { ...exported(), documents: [{ id: 'doc.txt', name: 'doc', text: 'Mentors help & guide.' }], segments: [{ codeId: 'lx:mentor', document: 'doc.txt', start: 8, end: 12, text: 'help' }] };
    const merged = mergeQdpx(user, addition, { file: 'user.qdpx' });
    expect(user).toEqual(before);
    const back = readQdpx(merged);
    expect(back.codes.map((c) => c.path.join(' > '))).toEqual(['C', 'leximap', 'leximap > mentor "m" & <co>', 'leximap > tool']);
    const name = new Map(back.codes.map((c) => [c.id, c.name]));
    expect(back.segments.map((s) => [name.get(s.codeId), s.document, s.start, s.end])).toEqual([
      ['C', 'doc.txt', 0, 7],
      ['mentor "m" & <co>', 'doc.txt', 8, 12],
    ]);
    expect(back.users?.map((u) => u.name)).toEqual(['leximap']);
  });
  it('mergeQdpx(…) finds the source of a document analysed from the project itself (id "<file>#<source>")', () => {
    const user = oneSourceProject('Mentors help & guide.', []);
    const addition = { ...exported(), documents: [{ id: 'user.qdpx#doc.txt', name: 'doc', text: 'Mentors help & guide.' }], segments: [{ codeId: 'lx:tool', document: 'user.qdpx#doc.txt', start: 0, end: 7, text: 'Mentors' }] };
    const back = readQdpx(mergeQdpx(user, addition));
    expect(back.documents?.map((d) => d.id)).toEqual(['doc.txt']);
    expect(back.segments.map((s) => [s.document, s.text])).toEqual([['doc.txt', 'Mentors']]);
  });
  it('mergeQdpx(…) adds documents the project lacks as new sources', () => {
    const merged = mergeQdpx(oneSourceProject('text', []), exported());
    expect(readQdpx(merged).documents?.map((d) => d.id)).toEqual(['doc.txt', 'P1', 'P2']);
  });
  it('mergeQdpx(…) writes positions in the offset reading of the user source (CR LF as one)', () => {
    const text = 'first line\r\nsecond line\r\nthird words here';
    const user = oneSourceProject(text, [[11, 17, g(1)], [23, 28, g(1)]]);
    const addition = { ...exported(), documents: [{ id: 'doc.txt', name: 'doc', text }], segments: [{ codeId: 'lx:tool', document: 'doc.txt', start: 31, end: 36, text: 'words' }] };
    const back = readQdpx(mergeQdpx(user, addition));
    expect(back.offsets?.[0]?.mode).toBe('crlf1');
    expect(back.segments.map((s) => s.text)).toEqual(['second', 'third', 'words']);
  });
});

describe('mergeQdpx with hostile entry names', () => {
  it('mergeQdpx(…) does not copy zip entries named outside the archive (zip slip) into its output', () => {
    const user = oneSourceProject('Mentors help & guide.', []);
    const files = unzipSync(user);
    const hostile = zipSync({ ...files, '../../evil.txt': strToU8('evil'), '/tmp/abs-evil.txt': strToU8('evil'), 'C:\\evil.txt': strToU8('evil'), 'sources/ok.txt': strToU8('kept') });
    const merged = unzipSync(mergeQdpx(hostile, { ...exported(), documents: [], segments: [] }));
    expect(Object.keys(merged).sort()).toEqual(['project.qde', 'sources/ok.txt', `sources/${g(50)}.txt`].sort());
  });
});
