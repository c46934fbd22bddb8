import { describe, expect, it } from 'vitest';
import { readQdc } from '../../src/qda/readQdc.ts';
import { g } from './makeQdpx.ts';

describe('readQdc', () => {
  it('readQdc(…) reads the code tree and code sets of a codebook', () => {
    const xml = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${g(1)}" name="A" isCodable="false"><Code guid="${g(2)}" name="B" isCodable="true" color="#00f"/></Code></Codes><Sets><Set guid="${g(3)}" name="S"><MemberCode guid="${g(2)}"/></Set></Sets></CodeBook>`;
    const coding = readQdc(new TextEncoder().encode(xml), { file: 'c.qdc' });
    expect(coding.codes).toEqual([
      { id: g(1), name: 'A', path: ['A'], codable: false },
      { id: g(2), name: 'B', path: ['A', 'B'], parentId: g(1), codable: true, colour: '#00F' },
    ]);
    expect(coding.sets).toEqual([{ id: g(3), name: 'S', codes: [g(2)], documents: [] }]);
    expect(coding.segments).toEqual([]);
  });
  it('readQdc(…) refuses a file without a CodeBook root', () => {
    expect(() => readQdc(new TextEncoder().encode('<Project name="x"/>'), { file: 'c.qdc' })).toThrow('c.qdc: has no <CodeBook> root element; it is not a REFI-QDA codebook');
  });
});
