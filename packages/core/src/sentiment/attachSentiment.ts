/**
 * Puts the sentiment of blocks into a result: each block's score, and the summary of every learned
 * concept (its coded blocks), tag concept (its blocks) and theme (the blocks coded with any member).
 * Excluded blocks (`--exclude-speaker`) are left out of the summaries, as they are out of the counts.
 */
import type { LeximapResult } from '../result/schema.ts';
import { summarizeSentiment } from './summarizeSentiment.ts';

/** `blocksOf[i]`: the blocks of `result.concepts[i]`, sorted. */
export function attachSentiment(result: LeximapResult, scores: Float64Array, excluded: Uint8Array, blocksOf: readonly ArrayLike<number>[]): void {
  result.parameters.sentiment = true;
  result.blocks.sentiment = Array.from(scores, (s) => (Number.isNaN(s) ? null : s));
  result.concepts.forEach((concept, i) => {
    const summary = summarizeSentiment(blocksOf[i]!, scores, excluded);
    if (summary) concept.sentiment = summary;
  });
  for (const theme of result.themes) {
    const blocks = new Set<number>();
    for (const m of theme.members) for (const b of Array.from(blocksOf[m]!)) blocks.add(b);
    const summary = summarizeSentiment([...blocks].sort((a, b) => a - b), scores, excluded);
    if (summary) theme.sentiment = summary;
  }
}
