import { describe, expect, it } from 'vitest';
import { readQdpx } from '@leximap/io';
import { conceptCodes, exportConcepts } from '../src/exportConcepts.ts';
import { tinyResult } from './tinyResult.ts';

const texts = new Map([
  ['A.txt', { name: 'A', text: 'aaaaaaaaa.bbbbbbbbb.ccccccccc.ddddddddd.' }],
  ['B.txt', { name: 'B', text: 'eeeeeeeee.fffffffff.' }],
  ['C.txt', { name: 'C', text: 'ggggggggg.' }],
]);

describe('exportConcepts', () => {
  it('conceptCodes(…) makes a leximap folder with one code per learned concept and one segment per coded block', () => {
    const content = conceptCodes(tinyResult(), texts);
    expect(content.codes.map((c) => c.path.join(' > '))).toEqual(['leximap', 'leximap > alpha', 'leximap > beta']);
    expect(content.codes[0]?.codable).toBe(false);
    expect(content.codes[1]?.colour).toBe('#FF0000');
    expect(content.segments.map((s) => [s.document, s.start, s.end, s.text])).toEqual([
      ['A.txt', 0, 10, 'aaaaaaaaa.'],
      ['A.txt', 20, 30, 'ccccccccc.'],
      ['A.txt', 30, 40, 'ddddddddd.'],
      ['B.txt', 0, 10, 'eeeeeeeee.'],
      ['B.txt', 10, 20, 'fffffffff.'],
    ]);
  });
  it('exportConcepts(…) round-trips through readQdpx with the same codes and selections, and the same bytes twice', () => {
    const bytes = exportConcepts(tinyResult(), texts);
    expect(exportConcepts(tinyResult(), texts)).toEqual(bytes);
    const back = readQdpx(bytes);
    expect(back.codes.map((c) => [c.path.join(' > '), c.codable])).toEqual([
      ['leximap', false],
      ['leximap > alpha', true],
      ['leximap > beta', true],
    ]);
    const name = new Map(back.codes.map((c) => [c.id, c.name]));
    expect(back.segments.map((s) => [name.get(s.codeId), s.document, s.start, s.end])).toEqual([
      ['alpha', 'A', 0, 10],
      ['beta', 'A', 20, 30],
      ['beta', 'A', 30, 40],
      ['beta', 'B', 0, 10],
      ['alpha', 'B', 10, 20],
    ]);
    expect(back.documents?.map((d) => d.text)).toEqual([...texts.values()].map((t) => t.text));
  });
  it('exportConcepts(…) names the document whose text is missing', () => {
    expect(() => exportConcepts(tinyResult(), new Map())).toThrow(/document "A.txt"/);
  });
});
