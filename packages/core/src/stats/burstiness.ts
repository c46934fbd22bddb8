/**
 * Burstiness: how much likelier a term is in the next block of the same document (the next one
 * that takes part in learning) once it is in this one, than in any block. Topical words come in
 * runs ("mentor" while the talk is about mentoring); words of talk in general ("people", "time",
 * "work") are spread evenly. This is the adaptation of Church (2000, "Empirical estimates of
 * adaptation: the chance of two Noriegas is closer to p/2 than p²", COLING), measured between
 * neighbouring blocks instead of within documents, so that it works on a handful of long
 * interviews as well as on thousands of short turns.
 */
import type { Csr } from './csr.ts';

/** For each block, the next block of the same document that takes part in learning (not excluded), or -1. */
export function nextActiveBlocks(blockDoc: Uint32Array, excluded: Uint8Array): Int32Array {
  const n = blockDoc.length;
  const next = new Int32Array(n).fill(-1);
  let after = -1;
  for (let b = n - 1; b >= 0; b--) {
    if (after >= 0 && blockDoc[after] !== blockDoc[b]) after = -1;
    next[b] = after;
    if (!excluded[b]) after = b;
  }
  return next;
}

/** For each term id in `terms`: P(t in the next block | t in this block) / P(t in a block), smoothed. */
export function neighbourLift(termBlocks: Csr, terms: Uint32Array, next: Int32Array, df: Uint32Array, activeBlocks: number): Float64Array {
  const out = new Float64Array(terms.length);
  const { starts, indices } = termBlocks;
  for (let q = 0; q < terms.length; q++) {
    const t = terms[q]!;
    const from = starts[t]!;
    const to = starts[t + 1]!;
    let pairs = 0;
    let hits = 0;
    let k = from;
    for (let i = from; i < to; i++) {
      const nb = next[indices[i]!]!;
      if (nb < 0) continue;
      pairs++;
      while (k < to && indices[k]! < nb) k++;
      if (k < to && indices[k] === nb) hits++;
    }
    out[q] = lift(hits, pairs, df[t]! / activeBlocks);
  }
  return out;
}

/**
 * P(in the next block | in this one) / P(in a block), from `hits` of `pairs` of a block and its
 * next one and the rate `p` of any block, smoothed by half a pair at the rate `p`; 1 when p is 0.
 */
export function lift(hits: number, pairs: number, p: number): number {
  return p > 0 ? (hits + 0.5 * p) / (pairs + 0.5) / p : 1;
}
