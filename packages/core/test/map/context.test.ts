import { describe, expect, it } from 'vitest';
import { contextBlocks } from '../../src/map/context.ts';

describe('contextBlocks', () => {
  it('contextBlocks(…) keeps every block that is not quoted when the corpus is small', () => {
    expect(contextBlocks([1, 3], [0, 0, 0, 0, 1], 10)).toEqual({ window: -1, blocks: [0, 2, 4] });
  });

  it('contextBlocks(…) keeps the window either side of each quote in a large corpus, never across a document', () => {
    //                 block: 0  1  2  3  4  5  6  7  8  9
    const doc = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    expect(contextBlocks([2, 8], doc, 5, 2)).toEqual({ window: 2, blocks: [0, 1, 3, 6, 7, 9] });
    expect(contextBlocks([4], doc, 5, 1)).toEqual({ window: 1, blocks: [5] });
  });
});
