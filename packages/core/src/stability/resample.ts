/**
 * Document resamples as block masks over one TermStats (DESIGN.md §8b): the blocks of the
 * documents left out are excluded as a speaker's are, so the text is read and tokenised once and
 * each resample only re-learns.
 */
import { lcg, deriveSeed } from '../random.ts';
import type { TermStats } from '../stats/termStats.ts';

/**
 * The documents left out by resample `index`: 10 % of them (at least one), in folds as in repeated
 * cross-validation. Each pass shuffles the documents (from `seed` and the pass) and cuts them into
 * folds of that size; resample `index` leaves out fold `index mod folds` of pass `index div folds`.
 * So the resamples of one pass leave out different documents, and every document is left out
 * about equally often: independent draws left out the same interview in three of ten resamples
 * of a seven-interview study and never left out others.
 */
export function leftOut(documents: number, index: number, seed: number): number[] {
  const k = Math.max(1, Math.round(documents / 10));
  const folds = Math.max(1, Math.floor(documents / k));
  const pass = Math.floor(index / folds);
  const fold = index % folds;
  const random = lcg(deriveSeed(seed, 1000 + pass));
  const order = Array.from({ length: documents }, (_, i) => i);
  for (let i = 0; i < documents - 1; i++) {
    const j = i + Math.floor(random() * (documents - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(fold * k, fold * k + k).sort((a, b) => a - b);
}

/** `stats` with the blocks of `documents` excluded from learning and coding. */
export function maskDocuments(stats: TermStats, documents: readonly number[]): TermStats {
  const nBlocks = stats.blocks.doc.length;
  const excluded = stats.blocks.excluded.slice();
  for (const d of documents) excluded.fill(1, stats.docBlockStart[d]!, stats.docBlockStart[d + 1]!);
  const starts = new Uint32Array(nBlocks + 1);
  const terms = new Uint32Array(stats.blockTerms.length);
  const df = new Uint32Array(stats.terms.length);
  let k = 0;
  let active = 0;
  for (let b = 0; b < nBlocks; b++) {
    if (!excluded[b]) {
      active++;
      for (let i = stats.blockTermStarts[b]!; i < stats.blockTermStarts[b + 1]!; i++) {
        const t = stats.blockTerms[i]!;
        terms[k++] = t;
        df[t]!++;
      }
    }
    starts[b + 1] = k;
  }
  return { ...stats, blockTermStarts: starts, blockTerms: terms.subarray(0, k), df, activeBlocks: active, blocks: { ...stats.blocks, excluded } };
}
