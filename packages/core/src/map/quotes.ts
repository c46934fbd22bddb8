/**
 * Ranked quotes: the blocks that show a concept (or a pair of concepts) best, by coding score —
 * the blocks with the most, and most relevant, evidence — ties broken by position in the corpus.
 */
export interface ScoredBlocks {
  /** Ascending block indices. */
  blocks: Uint32Array;
  scores: Float64Array;
}

export function rankQuotes(concept: ScoredBlocks, limit: number): number[] {
  const order = Array.from(concept.blocks.keys()).sort((a, b) => concept.scores[b]! - concept.scores[a]! || a - b);
  return order.slice(0, limit).map((k) => concept.blocks[k]!);
}

/** Blocks coded with both concepts, ranked by the sum of both scores. */
export function rankPairQuotes(a: ScoredBlocks, b: ScoredBlocks, limit: number): number[] {
  const both: { block: number; score: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.blocks.length && j < b.blocks.length) {
    const x = a.blocks[i]!;
    const y = b.blocks[j]!;
    if (x === y) {
      both.push({ block: x, score: a.scores[i]! + b.scores[j]! });
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  both.sort((p, q) => q.score - p.score || p.block - q.block);
  return both.slice(0, limit).map((p) => p.block);
}
