/**
 * The concept graph of a result, as the export writers need it: co-occurrence of every pair
 * (learned concepts with each other, and with tags), and the measures of DESIGN §6 over the
 * blocks that take part in the analysis (those not excluded with `--exclude-speaker`):
 * likelihood P(j | i) = co(i, j) / count(i), prominence P(i, j) / (P(i) P(j)) = co · N / (count(i) · count(j)).
 */
import type { LeximapResult } from '@leximap/core';

export interface ResultGraph {
  /** Learned concepts: indices `[0, learned)` of `result.concepts`; tags follow. */
  learned: number;
  /** Blocks that take part in the analysis. */
  activeBlocks: number;
  /** Co-occurrence count of concepts `i` and `j` (either order), 0 when they never meet. */
  cooccurrence(i: number, j: number): number;
  /** P(j | i): the share of i's blocks that also hold j. */
  likelihood(i: number, j: number): number;
  /** P(i, j) / (P(i) P(j)): above 1 when i and j meet more often than by chance. */
  prominence(i: number, j: number): number;
  /** The pairs with a co-occurrence, as in `result.cooccurrence` (`a < b`). */
  pairs: { a: number; b: number; count: number }[];
}

export function resultGraph(result: LeximapResult): ResultGraph {
  const n = result.concepts.length;
  const learned = result.concepts.filter((c) => c.kind !== 'tag').length;
  let activeBlocks = 0;
  for (const e of result.blocks.excluded) if (e === 0) activeBlocks++;
  const counts = new Map<number, number>();
  const pairs: ResultGraph['pairs'] = [];
  const { a, b, count } = result.cooccurrence;
  for (let k = 0; k < a.length; k++) {
    const lo = Math.min(a[k]!, b[k]!);
    const hi = Math.max(a[k]!, b[k]!);
    counts.set(lo * n + hi, count[k]!);
    pairs.push({ a: lo, b: hi, count: count[k]! });
  }
  const cooccurrence = (i: number, j: number): number => counts.get(Math.min(i, j) * n + Math.max(i, j)) ?? 0;
  const size = (i: number): number => result.concepts[i]!.count;
  return {
    learned,
    activeBlocks,
    cooccurrence,
    likelihood: (i, j) => (size(i) === 0 ? 0 : cooccurrence(i, j) / size(i)),
    prominence: (i, j) => (size(i) === 0 || size(j) === 0 ? 0 : (cooccurrence(i, j) * activeBlocks) / (size(i) * size(j))),
    pairs,
  };
}
