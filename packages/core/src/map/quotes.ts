/**
 * Ranked quotes: the blocks that show a concept (or a pair of concepts) best, by coding score —
 * the blocks with the most, and most relevant, evidence — ties broken by position in the corpus.
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
  for (let k = 0; k < concept.blocks.length; k++) best.offer(concept.blocks[k]!, concept.scores[k]!);
  return best.result();
}

/** Blocks coded with both concepts, ranked by the sum of both scores. */
export function rankPairQuotes(a: ScoredBlocks, b: ScoredBlocks, limit: number): number[] {
  if (limit <= 0) return [];
  const best = new Best(limit);
  let i = 0;
  let j = 0;
  while (i < a.blocks.length && j < b.blocks.length) {
    const x = a.blocks[i]!;
    const y = b.blocks[j]!;
    if (x === y) {
      best.offer(x, a.scores[i]! + b.scores[j]!);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return best.result();
}
