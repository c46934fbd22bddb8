import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankPairQuotes, rankQuotes } from '../../src/index.ts';

/** Scored blocks from a map block → score (few distinct scores, so that ties are common). */
const scoredBlocks = fc.dictionary(fc.integer({ min: 0, max: 60 }).map(String), fc.integer({ min: 1, max: 4 }).map((s) => s / 2)).map((d) => {
  const blocks = Object.keys(d).map(Number).sort((a, b) => a - b);
  return { blocks: Uint32Array.from(blocks), scores: Float64Array.from(blocks, (b) => d[String(b)]!) };
});

/** The reference: every candidate sorted by score (descending), then block (ascending). */
function sorted(candidates: { block: number; score: number }[], limit: number): number[] {
  return [...candidates].sort((p, q) => q.score - p.score || p.block - q.block).slice(0, limit).map((p) => p.block);
}

describe('rankQuotes', () => {
  it('rankQuotes(concept, limit) is the best `limit` blocks by score, ties to the earlier block', () => {
    fc.assert(
      fc.property(scoredBlocks, fc.integer({ min: 0, max: 8 }), (c, limit) => {
        expect(rankQuotes(c, limit)).toEqual(sorted(Array.from(c.blocks, (block, k) => ({ block, score: c.scores[k]! })), limit));
      }),
    );
  });

  it('rankPairQuotes(a, b, limit) ranks the blocks of both by the sum of their scores', () => {
    fc.assert(
      fc.property(scoredBlocks, scoredBlocks, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
        const both = Array.from(a.blocks, (block, k) => ({ block, score: a.scores[k]! + (b.scores[b.blocks.indexOf(block)] ?? NaN) })).filter((p) => b.blocks.includes(p.block));
        expect(rankPairQuotes(a, b, limit)).toEqual(sorted(both, limit));
      }),
    );
  });
});
