import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankConceptQuotes, rankPairQuotes, rankQuotes } from '../../src/index.ts';

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

  it('rankConceptQuotes(concepts, limit) gives each concept blocks no concept before it quotes, from its best 2·limit, before the others', () => {
    fc.assert(
      fc.property(fc.array(scoredBlocks, { maxLength: 5 }), fc.integer({ min: 0, max: 6 }), (concepts, limit) => {
        const quotes = rankConceptQuotes(concepts, limit);
        const before = new Set<number>();
        concepts.forEach((c, i) => {
          const candidates = rankQuotes(c, 2 * limit);
          const fresh = candidates.filter((b) => !before.has(b));
          expect(quotes[i]).toEqual([...fresh, ...candidates.filter((b) => before.has(b))].slice(0, limit));
          expect(quotes[i]!.length).toBe(Math.min(limit, c.blocks.length));
          for (const b of quotes[i]!) before.add(b);
        });
      }),
    );
    // Two concepts coding the same blocks alike: the second is shown the next best, not the same.
    const same = { blocks: Uint32Array.of(1, 2, 3, 4), scores: Float64Array.of(4, 3, 2, 1) };
    expect(rankConceptQuotes([same, same], 2)).toEqual([[1, 2], [3, 4]]);
    expect(rankConceptQuotes([same, same], 3)).toEqual([[1, 2, 3], [4, 1, 2]]);
  });

  it('rankPairQuotes(coding, concepts, pairs, limit) ranks the blocks coded with both concepts of each pair by the sum of their scores', () => {
    // Blocks × 6 concepts: each block a sorted set of concepts with scores.
    const coding = fc.array(fc.dictionary(fc.integer({ min: 0, max: 5 }).map(String), fc.integer({ min: 1, max: 4 }).map((s) => s / 2)), { maxLength: 40 }).map((rows) => {
      const cells = rows.map((d) => Object.keys(d).map(Number).sort((a, b) => a - b).map((c) => ({ c, score: d[String(c)]! })));
      const starts = new Uint32Array(cells.length + 1);
      cells.forEach((r, b) => (starts[b + 1] = starts[b]! + r.length));
      return { starts, concepts: Uint32Array.from(cells.flat(), (x) => x.c), scores: Float64Array.from(cells.flat(), (x) => x.score), cells };
    });
    const pairs = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).filter(([a, b]) => a < b), { selector: ([a, b]) => a * 6 + b, maxLength: 8 }).map((list) => list.map(([a, b]) => ({ a, b })));
    fc.assert(
      fc.property(coding, pairs, fc.integer({ min: 0, max: 5 }), ({ cells, ...csr }, list, limit) => {
        const expected = list.map(({ a, b }) => {
          const both = cells.flatMap((row, block) => {
            const x = row.find((cell) => cell.c === a);
            const y = row.find((cell) => cell.c === b);
            return x && y ? [{ block, score: x.score + y.score }] : [];
          });
          return sorted(both, limit);
        });
        expect(rankPairQuotes(csr, 6, list, limit)).toEqual(expected);
      }),
    );
  });
});
