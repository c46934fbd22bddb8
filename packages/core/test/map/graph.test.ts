import { describe, expect, it } from 'vitest';
import { buildGraph, likelihood, prominence } from '../../src/index.ts';

describe('buildGraph', () => {
  // 4 blocks: {0,1}, {0,1,2}, {2}, {} ; tag 0 on blocks 0 and 2, tag 1 on block 3 (excluded)
  const graph = buildGraph({
    codingStarts: Uint32Array.of(0, 2, 5, 6, 6),
    codingConcepts: Uint32Array.of(0, 1, 0, 1, 2, 2),
    concepts: 3,
    tagBlocks: [Uint32Array.of(0, 2), Uint32Array.of(3)],
    excluded: Uint8Array.of(0, 0, 0, 1),
  });

  it('buildGraph(…) counts blocks, co-occurrence and connectedness, checked by hand', () => {
    expect(Array.from(graph.counts)).toEqual([2, 2, 2, 2, 0]);
    expect(Array.from(graph.cooccurrence.subarray(0, 9))).toEqual([0, 2, 1, 2, 0, 1, 1, 1, 0]);
    expect(Array.from(graph.connectedness)).toEqual([3, 3, 2]);
    // tag 0 shares block 0 with concepts 0 and 1, block 2 with concept 2
    expect(Array.from(graph.cooccurrence.subarray(9, 12))).toEqual([1, 1, 1]);
  });

  it('likelihood(…) and prominence(…) follow P(j|i) and P(i,j)/(P(i)P(j))', () => {
    expect(likelihood(graph, 0, 2)).toBe(0.5);
    expect(prominence(graph, 0, 1, 4)).toBe((2 * 4) / (2 * 2));
  });
});
