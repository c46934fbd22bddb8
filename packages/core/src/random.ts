/**
 * The one source of randomness: a linear congruential generator as in d3-force (`lcg.js`),
 * seeded from `--seed`, so every draw is reproducible.
 */
const A = 1664525;
const C = 1013904223;
const M = 4294967296;

/** Uniform numbers in [0, 1) from `seed` (an unsigned 32-bit integer). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (A * s + C) % M) / M;
}

/** A seed for stream `index` derived from `seed`, so parallel starts draw independent sequences. */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
