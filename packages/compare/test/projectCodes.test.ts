import { describe, expect, it } from 'vitest';
import { projectCodes } from '../src/projectCodes.ts';
import { tinyCoding, tinyResult } from './tinyResult.ts';

describe('projectCodes', () => {
  it('projectCodes(…) puts a code on every block a segment overlaps by one character, and on "half" blocks only when it covers ≥ 50%', () => {
    const p = projectCodes(tinyResult(), tinyCoding());
    const x = 1;
    const y = 4;
    expect(p.blocks[x]).toEqual([0, 1, 4]);
    expect(p.blocksHalf[x]).toEqual([0, 4]);
    expect(p.cover[x]).toEqual([0.5, 0.2, 1]);
    expect(p.blocks[y]).toEqual([2, 3]);
    expect(p.blocksHalf[y]).toEqual([2, 3]);
    expect(p.segments).toEqual([0, 2, 0, 0, 1]);
  });
  it('projectCodes(…) counts segments in documents the result lacks as outside', () => {
    const p = projectCodes(tinyResult(), tinyCoding());
    expect(p.outside).toBe(1);
    expect(p.missingDocuments).toEqual(['D.txt']);
  });
  it('projectCodes(…) counts overlapping segments of one code once', () => {
    const coding = tinyCoding();
    coding.segments = [
      { codeId: 'X', document: 'A.txt', start: 0, end: 4, text: '' },
      { codeId: 'X', document: 'A.txt', start: 2, end: 6, text: '' },
    ];
    const p = projectCodes(tinyResult(), coding);
    expect(p.blocks[1]).toEqual([0]);
    expect(p.cover[1]).toEqual([0.6]);
    expect(p.blocksHalf[1]).toEqual([0]);
  });
});
