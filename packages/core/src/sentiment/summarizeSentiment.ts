/**
 * Sentiment of a set of blocks (a concept's coded blocks, a theme's, a tag's): the mean score and
 * the shares of positive and negative blocks, over the blocks that have a score. A block is
 * positive at a compound score ≥ 0.05 and negative at ≤ −0.05, VADER's own thresholds (Hutto &
 * Gilbert 2014).
 */
import type { SentimentSummary } from '../result/schema.ts';

export const POSITIVE = 0.05;
export const NEGATIVE = -0.05;

/** The summary of `blocks` (indices into `scores`), leaving out NaN scores and excluded blocks; undefined when none has a score. */
export function summarizeSentiment(blocks: ArrayLike<number>, scores: Float64Array, excluded?: Uint8Array): SentimentSummary | undefined {
  let n = 0;
  let sum = 0;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const s = scores[b]!;
    if (Number.isNaN(s) || excluded?.[b]) continue;
    n++;
    sum += s;
    if (s >= POSITIVE) positive++;
    else if (s <= NEGATIVE) negative++;
  }
  if (n === 0) return undefined;
  return { mean: sum / n, positive: positive / n, negative: negative / n, blocks: n };
}
