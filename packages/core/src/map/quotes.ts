/**
 * Ranked quotes: the blocks that show a concept (or a pair of concepts) best, by coding score —
 * the blocks with the most, and most relevant, evidence — ties broken by position in the corpus.
 * Blocks a concept codes with score 0 (between two mentions of its seed, `addChainBlocks`) are never quoted.
 * Only the best `limit` are kept as the blocks go by (in ascending order), not all of them sorted.
 */
export interface ScoredBlocks {
  /** Ascending block indices. */
  blocks: Uint32Array;
  scores: Float64Array;
}

/** The best `limit` of blocks offered in ascending order: highest score first, a tie to the earlier block. */
class Best {
  private readonly blocks: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly limit: number) {}

  offer(block: number, score: number): void {
    const n = this.blocks.length;
    // A later block never beats an equal score.
    if (n === this.limit && !(score > this.scores[n - 1]!)) return;
    let i = n === this.limit ? n - 1 : n;
    while (i > 0 && this.scores[i - 1]! < score) {
      this.blocks[i] = this.blocks[i - 1]!;
      this.scores[i] = this.scores[i - 1]!;
      i--;
    }
    this.blocks[i] = block;
    this.scores[i] = score;
  }

  result(): number[] {
    return this.blocks;
  }
}

export function rankQuotes(concept: ScoredBlocks, limit: number): number[] {
  if (limit <= 0) return [];
  const best = new Best(limit);
  // A block coded with score 0 lies between two mentions (chain coding) and names nothing: no quote.
  for (let k = 0; k < concept.blocks.length; k++) if (concept.scores[k]! > 0) best.offer(concept.blocks[k]!, concept.scores[k]!);
  return best.result();
}

/**
 * Each concept's quotes, the concepts taken in order (the most frequent first): its best `limit`
 * blocks by score, but among its best 2·limit those that no concept before it quotes come first, in
 * score order, then the others. A block full of several concepts' terms scores high for each of
 * them: on PDPilot 22 of 39 concepts shared their first quote with another (plot and interaction,
 * feature and value, cluster and highlighting), and a concept's panel repeated its neighbours'.
 */
export function rankConceptQuotes(concepts: readonly ScoredBlocks[], limit: number): number[][] {
  const quoted = new Set<number>();
  return concepts.map((c) => {
    const candidates = rankQuotes(c, 2 * limit);
    const chosen = [...candidates.filter((b) => !quoted.has(b)), ...candidates.filter((b) => quoted.has(b))].slice(0, limit);
    for (const b of chosen) quoted.add(b);
    return chosen;
  });
}

/** The coding of blocks with concepts, CSR: block b's concepts (ascending) and scores are at `[starts[b], starts[b + 1])`. */
export interface Coding {
  starts: Uint32Array;
  concepts: Uint32Array;
  scores: Float64Array;
}

/**
 * For each pair of concepts (`a < b`, of `concepts`), the blocks coded with both, ranked by the sum
 * of both scores. One pass over the coding, offering each block to the pairs among its concepts:
 * merging the two concepts' blocks for each pair went over the large concepts' blocks again and
 * again (the 1 000 quoted pairs of 89 concepts, 8.5 M court words: 65–107 ms; so, 8–17 ms).
 */
export function rankPairQuotes(coding: Coding, concepts: number, pairs: readonly { a: number; b: number }[], limit: number): number[][] {
  if (limit <= 0) return pairs.map(() => []);
  const slot = new Int32Array(concepts * concepts).fill(-1);
  pairs.forEach((p, i) => (slot[p.a * concepts + p.b] = i));
  const best = pairs.map(() => new Best(limit));
  const { starts, concepts: coded, scores } = coding;
  for (let block = 0; block + 1 < starts.length; block++) {
    const end = starts[block + 1]!;
    for (let p = starts[block]!; p < end; p++) {
      const row = coded[p]! * concepts;
      for (let q = p + 1; q < end; q++) {
        const s = slot[row + coded[q]!]!;
        if (s >= 0 && scores[p]! > 0 && scores[q]! > 0) best[s]!.offer(block, scores[p]! + scores[q]!);
      }
    }
  }
  return best.map((b) => b.result());
}
