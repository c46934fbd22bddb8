/**
 * Thesaurus learning (Smith & Humphreys 2006, after Yarowsky 1995): each concept starts from its
 * seed terms and learns weighted evidence terms, bootstrapping until its coded blocks settle.
 *
 * With B the concept's blocks (C = |B|), N blocks, and a term in n blocks of which a are in B,
 * the relevance weight is the Robertson–Spärck Jones log odds ratio with 0.5 smoothing:
 *   w = ln( ((a+0.5)/(C−a+0.5)) / ((n−a+0.5)/(N−C−n+a+0.5)) ).
 * An evidence term's weight is that log odds less half a standard error (`evidenceWeight`): a rare
 * term that happens to fall wholly inside B gets a large raw log odds from a handful of blocks,
 * and the bound discounts it by how little it was seen; with many blocks the bound is close to
 * the weight. Evidence terms need a weight ≥ learningThreshold and a ≥ minSupport; at most maxTerms.
 * An evidence term must also be as frequent as a candidate for a seed (`minBlocks`, max(3, N / 2000)
 * blocks): on large corpora thousands of rare words fall wholly inside a large concept's blocks by
 * the sheer number of words tested, and their log odds then beat every word a reader would name.
 * The 30 places of *court* on 4.5 M court words went to "Indian Offenses", martial, curia, Tapia,
 * Rosales (each in 3–16 blocks); with the minimum they go to district, appellate, appeal,
 * certiorari, affirm, precedent, *agency*'s to expertise, ALJ, Chevron, capricious, rulemaking,
 * deference; its themes have 3 single concepts of 18 instead of 6 of 20. Interview-sized studies
 * (under 8 000 blocks) keep the minimum of 3 and do not change. Measured with `../shared/eval` on
 * QMSum Academic / Product / Committee (a minimum of 22 / 31 / 6 blocks): concepts ×1.54 / 1.53 /
 * 1.57 → ×1.55 / 1.51 / 1.54, themes at the human K ×1.37 / 1.67 / 1.25 → ×1.34 / 1.49 / 1.22,
 * theme ARI over resamples 0.65 / 0.75 / 0.74 → 0.64 / 0.81 / 0.71: about even, and thesauri a
 * reader recognises (Academic's *feature*: articulatory, vector, MLP, stream, phonetic, MFCC, PLP).
 * The weights are measured against the seed's own blocks in every round, never against blocks the
 * evidence coded: bootstrapping from coded blocks lets terms of terms pull a concept away from its
 * seed (semantic drift, the known failure of Yarowsky-style learning; on PDPilot "correlation"
 * ended up led by "plot", "work" by "model"). So learning settles in its second round.
 * A block is coded when the weights of the concept's terms in it sum to ≥ codingThreshold; a seed
 * term weighs at least codingThreshold, so a seed alone codes, and several evidence terms
 * together can code a block that lacks the seed. One evidence term alone codes only when it is a
 * near-synonym — most of its blocks hold the seed (a / n ≥ SYNONYM_SHARE, so a block with it is
 * more likely the concept's than not: "mentee" for mentor) — and its weight reaches the threshold;
 * any other term counts at most EVIDENCE_CAP × codingThreshold. A strong association alone is not
 * enough: "plot" is strongly associated with "scatter", but most plots are not scatter plots, and
 * letting it code alone turned "scatter" into every "plot" (PDPilot without the interviewer: 101
 * of 115 blocks). With the cap on every evidence term, interview-sized concepts learned terms but
 * coded almost nothing with them (median 0 % of a concept's blocks on the examples). DESIGN.md's
 * loop repeats until the Jaccard index of successive block sets reaches `convergence`, or
 * `maxIterations`; since every round measures against the seed's blocks, the second repeats the
 * first, and is counted without being run (`learnOne`).
 * Then the blocks next to a seed block are coded once more at a lower threshold (`contextDiscount`).
 *
 * Concepts are independent: the pool learns them in parallel over the same read-only input.
 */
import type { AnalysisOptions } from '../defaults.ts';
import { lift } from '../stats/burstiness.ts';
import type { Csr } from '../stats/csr.ts';

/** Standard errors taken off an evidence term's weight (a one-sided 69 % lower bound). */
export const CONFIDENCE_Z = 0.5;

/** The most one evidence term counts towards coding, as a share of the coding threshold, unless it is a near-synonym. */
export const EVIDENCE_CAP = 0.6;

/** A near-synonym: an evidence term most of whose blocks hold the seed (a / n ≥ this); it may code a block alone. */
export const SYNONYM_SHARE = 0.5;

export interface LearningInput {
  /** Blocks × terms. */
  blockTerms: Csr;
  /** Terms × blocks (the transpose). */
  termBlocks: Csr;
  df: Uint32Array;
  /** Blocks taking part in learning (N). */
  blocks: number;
  /** Per block, the next block of its document that takes part in learning, or -1 (`nextActiveBlocks`). */
  next: Int32Array;
  /** The fewest blocks an evidence term occurs in: the candidates' minimum (`minBlocks`), so a term too rare to be a concept is no evidence either. */
  minBlocks: number;
}

export type LearningOptions = Pick<
  AnalysisOptions,
  'learningThreshold' | 'codingThreshold' | 'minSupport' | 'maxTerms' | 'maxIterations' | 'convergence'
>;

export interface LearnedConcept {
  seeds: number[];
  /** Thesaurus term ids, seeds first, then evidence by decreasing weight. */
  terms: Uint32Array;
  weights: Float64Array;
  /** Blocks of the concept that contain each term. */
  support: Uint32Array;
  /** Coded blocks, ascending, with their scores. */
  blocks: Uint32Array;
  scores: Float64Array;
  iterations: number;
  converged: boolean;
  /** Jaccard index of the last two block sets. */
  jaccard: number;
  /** Coded blocks that hold none of the seed terms: what the evidence alone added. */
  evidenceBlocks: number;
  /**
   * The blocks the concept's terms code without the context discount (the blocks of the last
   * learning round): what the themes group by. `blocks` adds those next to a seed block.
   */
  presence: { blocks: Uint32Array; scores: Float64Array };
  /** How much lower the coding threshold is next to a block that holds a seed (`contextDiscount`). */
  contextDiscount: number;
  /** Blocks coded because they lie between two mentions of the seed (`addChainBlocks`; score 0), and the most blocks bridged so. */
  chainBlocks: number;
  chainReach: number;
}

/**
 * The evidence weight: the relevance weight less `CONFIDENCE_Z` standard errors of a log odds
 * ratio (Woolf 1955: the square root of the sum of the reciprocal cell counts). A term seen in a
 * few of the concept's blocks has a wide error and must be strongly associated to count; with
 * hundreds of blocks the bound is close to the weight itself, so the same rule holds at 20 k and
 * at 20 M words (a fixed shrinkage a / (a + 5) kept nearly every term out of interview-sized
 * concepts: 25 of 48 concepts of the examples learned nothing).
 */
export function evidenceWeight(a: number, n: number, c: number, blocks: number): number {
  const se = Math.sqrt(1 / (a + 0.5) + 1 / (c - a + 0.5) + 1 / (n - a + 0.5) + 1 / (blocks - c - n + a + 0.5));
  return relevanceWeight(a, n, c, blocks) - CONFIDENCE_Z * se;
}

/** The relevance weight of a term in n blocks, a of them among the concept's C, of N. */
export function relevanceWeight(a: number, n: number, c: number, blocks: number): number {
  return Math.log(((a + 0.5) / (c - a + 0.5)) / ((n - a + 0.5) / (blocks - c - n + a + 0.5)));
}

/** How many values two ascending arrays share. */
function countShared(x: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      both++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return both;
}

function jaccardSorted(x: Uint32Array, y: Uint32Array): number {
  const both = countShared(x, y);
  const union = x.length + y.length - both;
  return union === 0 ? 1 : both / union;
}

/** Scratch buffers sized to the input, allocated once per batch of concepts. */
class Scratch {
  readonly hits: Uint32Array;
  readonly touchedTerms: Uint32Array;
  readonly score: Float64Array;
  readonly marked: Uint8Array;
  readonly touchedBlocks: Uint32Array;
  /** Blocks that hold the concept's seed (set while it is coded). */
  readonly seeded: Uint8Array;
  /** Per block, the previous block of its document that takes part in learning, or -1. */
  readonly prev: Int32Array;
  constructor(terms: number, next: Int32Array) {
    const blocks = next.length;
    this.hits = new Uint32Array(terms);
    this.touchedTerms = new Uint32Array(terms);
    this.score = new Float64Array(blocks);
    this.marked = new Uint8Array(blocks);
    this.touchedBlocks = new Uint32Array(blocks);
    this.seeded = new Uint8Array(blocks);
    this.prev = new Int32Array(blocks).fill(-1);
    // Every block between two blocks that take part (an excluded speaker's turn) points to the
    // next one too; the first that does, in block order, is the one that takes part.
    for (let b = 0; b < blocks; b++) if (next[b]! >= 0 && this.prev[next[b]!] === -1) this.prev[next[b]!] = b;
  }
}

/**
 * The blocks the weighted terms code (score ≥ threshold), ascending, with their scores. `s` is left
 * zeroed. (This and the loops below are functions of their own so that V8 optimises each once: in
 * one function, each concept's first long loop was compiled for on-stack replacement and
 * deoptimised again at the next one.)
 */
function code(input: LearningInput, terms: ArrayLike<number>, weights: ArrayLike<number>, threshold: number, s: Scratch, discount = 0): { blocks: Uint32Array; scores: Float64Array } {
  const touched = scoreBlocks(input.termBlocks, terms, weights, s);
  return keepCoded(touched, threshold, s, input.next, discount);
}

/** Adds each term's weight to the score of each of its blocks; returns how many blocks it touched (listed in `s.touchedBlocks`). */
function scoreBlocks(termBlocks: Csr, terms: ArrayLike<number>, weights: ArrayLike<number>, s: Scratch): number {
  let nTouched = 0;
  const { starts, indices } = termBlocks;
  const { marked, touchedBlocks, score } = s;
  for (let q = 0; q < terms.length; q++) {
    const t = terms[q]!;
    const w = weights[q]!;
    const end = starts[t + 1]!;
    for (let k = starts[t]!; k < end; k++) {
      const b = indices[k]!;
      if (!marked[b]) {
        marked[b] = 1;
        touchedBlocks[nTouched++] = b;
      }
      score[b]! += w;
    }
  }
  return nTouched;
}

/**
 * The touched blocks that reach the threshold (less `discount` next to a block marked in `s.seeded`),
 * sorted, with their scores; clears `s`. Kept blocks move
 * to the front of the touched list (in place) and only they are sorted: a frequent evidence term
 * touches many more blocks than the concept codes.
 */
function keepCoded(nTouched: number, threshold: number, s: Scratch, next: Int32Array, discount: number): { blocks: Uint32Array; scores: Float64Array } {
  const { touchedBlocks: touched, score, marked, seeded, prev } = s;
  let kept = 0;
  for (let q = 0; q < nTouched; q++) {
    const b = touched[q]!;
    const t = discount > 0 && nextToSeed(b, next, prev, seeded) ? threshold - discount : threshold;
    if (score[b]! >= t - 1e-9) touched[kept++] = b;
    else {
      score[b] = 0;
      marked[b] = 0;
    }
  }
  const blocks = touched.slice(0, kept).sort();
  const scores = new Float64Array(kept);
  for (let q = 0; q < kept; q++) {
    const b = blocks[q]!;
    scores[q] = score[b]!;
    score[b] = 0;
    marked[b] = 0;
  }
  return { blocks, scores };
}

function nextToSeed(b: number, next: Int32Array, prev: Int32Array, seeded: Uint8Array): boolean {
  const n = next[b]!;
  const p = prev[b]!;
  return (n >= 0 && seeded[n] === 1) || (p >= 0 && seeded[p] === 1);
}

/** Counts, per term, the blocks of `B` it is in (`s.hits`); returns how many terms it touched (listed in `s.touchedTerms`). */
function countHits(blockTerms: Csr, B: Uint32Array, s: Scratch): number {
  let nTouched = 0;
  const { starts, indices } = blockTerms;
  const { hits, touchedTerms } = s;
  for (let q = 0; q < B.length; q++) {
    const b = B[q]!;
    const end = starts[b + 1]!;
    for (let k = starts[b]!; k < end; k++) {
      const t = indices[k]!;
      if (hits[t] === 0) touchedTerms[nTouched++] = t;
      hits[t]!++;
    }
  }
  return nTouched;
}

interface Evidence {
  t: number;
  w: number;
  a: number;
}

/** The touched terms that are evidence for a concept of C blocks (not its seeds), unsorted; clears `s.hits`. */
function collectEvidence(input: LearningInput, nTouched: number, C: number, seedSet: ReadonlySet<number>, options: LearningOptions, s: Scratch): Evidence[] {
  const { hits, touchedTerms } = s;
  const { df, blocks } = input;
  const evidence: Evidence[] = [];
  for (let q = 0; q < nTouched; q++) {
    const t = touchedTerms[q]!;
    const a = hits[t]!;
    hits[t] = 0;
    if (a < options.minSupport || df[t]! < input.minBlocks || seedSet.has(t)) continue;
    const w = evidenceWeight(a, df[t]!, C, blocks);
    if (w >= options.learningThreshold) evidence.push({ t, w, a });
  }
  return evidence;
}

/**
 * How much less evidence codes a block next to one that holds the concept's seed: ln of the seed's
 * burstiness, how much likelier it is in the next block once it is in this one than in any block
 * (as `neighbourLift` measures it for the seeds' ranking), at least 0. The scores are log odds
 * ratios, so this is the prior odds a neighbouring mention adds: talk stays on a topic for a
 * while, and the answer after "what did the mentor do?" is about mentoring without the word.
 * Words of talk in general ("people" and "time" on the examples, burstiness 0.89 and 0.85) are no
 * likelier next to themselves and get no discount, "work" 0.31; 28 of the 48 concepts get the
 * most. Only next to the seed itself, never next to a block the evidence coded: a chain of
 * neighbours would let a concept drift along the talk. At most (1 − EVIDENCE_CAP) of the
 * threshold, so that next to a seed one evidence term at its full coding weight codes, never a
 * weak one: on large corpora a rare seed's burstiness reaches e⁸ (uncapped, the concept rows
 * below moved by ±0.07, PDPilot's top-level themes at the human K ×1.81 → ×1.70).
 *
 * Measured with `../shared/eval` (concept ratio to the best peer, PDPilot leaf / top, QMSum
 * Academic / Product / Committee): ×1.56 / 1.09 / 1.50 / 1.43 / 1.52 → ×1.56 / 1.11 / 1.59 / 1.53 /
 * 1.56; evidence alone now codes 12 % of the examples' median concept's blocks (8 % before),
 * 22 % of PDPilot's (20 %). On 8.5 M court words it adds 0.8 % to the coded blocks. The themes
 * group by presence without these blocks: grouped with them, theme ARI over resamples fell
 * (PDPilot 0.81 → 0.71, Committee 0.75 → 0.69) and Committee's themes ×1.87 → ×1.22.
 */
function contextDiscount(next: Int32Array, seedBlocks: Uint32Array, seeded: Uint8Array, blocks: number, threshold: number): number {
  let pairs = 0;
  let hits = 0;
  for (const b of seedBlocks) {
    const n = next[b]!;
    if (n < 0) continue;
    pairs++;
    hits += seeded[n]!;
  }
  return Math.min((1 - EVIDENCE_CAP) * threshold, Math.max(0, Math.log(lift(hits, pairs, seedBlocks.length / blocks))));
}

function learnOne(input: LearningInput, seeds: readonly number[], options: LearningOptions, frozen: boolean, s: Scratch): LearnedConcept {
  const seedSet = new Set(seeds);
  const seedTerms = Uint32Array.from(seeds);
  let current = code(input, seedTerms, new Float64Array(seeds.length).fill(options.codingThreshold), options.codingThreshold, s);
  const seedBlocks = current.blocks;
  for (const b of seedBlocks) s.seeded[b] = 1;
  const discount = frozen ? 0 : contextDiscount(input.next, seedBlocks, s.seeded, input.blocks, options.codingThreshold);
  // Weights are always measured against the seed's own blocks, never against blocks the
  // evidence coded: a concept cannot learn terms of terms and drift away from its seed.
  const C = seedBlocks.length;
  const nTouched = countHits(input.blockTerms, seedBlocks, s);
  const seedWeights = new Float64Array(seeds.length);
  const seedSupport = new Uint32Array(seeds.length);
  for (let i = 0; i < seeds.length; i++) {
    const t = seeds[i]!;
    const a = s.hits[t]!;
    seedSupport[i] = a;
    seedWeights[i] = Math.max(options.codingThreshold, relevanceWeight(a, input.df[t]!, C, input.blocks));
  }
  let evidence: Evidence[] = [];
  if (frozen) for (let q = 0; q < nTouched; q++) s.hits[s.touchedTerms[q]!] = 0;
  else evidence = collectEvidence(input, nTouched, C, seedSet, options, s);
  evidence.sort((x, y) => y.w - x.w || x.t - y.t);
  evidence.length = Math.min(evidence.length, Math.max(0, options.maxTerms - seeds.length));
  // Filled by loops, not spreads: spreading arrays of changing element kinds deoptimised this function again and again (learning was 2.3× slower on its first call).
  const m = seeds.length + evidence.length;
  const terms = new Uint32Array(m);
  const weights = new Float64Array(m);
  const support = new Uint32Array(m);
  terms.set(seeds);
  weights.set(seedWeights);
  support.set(seedSupport);
  for (let q = 0; q < evidence.length; q++) {
    const e = evidence[q]!;
    terms[seeds.length + q] = e.t;
    weights[seeds.length + q] = e.w;
    support[seeds.length + q] = e.a;
  }
  const cap = EVIDENCE_CAP * options.codingThreshold;
  const coding = weights.map((w, k) => (k < seeds.length ? w : Math.min(w, support[k]! >= SYNONYM_SHARE * input.df[terms[k]!]! ? options.codingThreshold : cap)));
  const learned = code(input, terms, coding, options.codingThreshold, s);
  // The first round codes with the terms learned from the seed's blocks. A second would measure
  // the same weights against the same seed blocks and code the same blocks, so it is not run:
  // its figures are the ones it would give (2 rounds, Jaccard 1 between them, settled). On 8.5 M
  // court words it was 1.9 M of the 6.2 M block scores the coding added up.
  let iterations = 1;
  let jaccard = jaccardSorted(current.blocks, learned.blocks);
  if (jaccard < options.convergence && !frozen && options.maxIterations > 1) {
    iterations = 2;
    jaccard = 1;
  }
  const converged = jaccard >= options.convergence;
  current = learned;
  // The coding adds the blocks next to a seed that the discounted threshold lets through; the
  // learning above and `presence` (what the themes group by) are without them.
  const presence = current;
  if (discount > 0 && terms.length > seeds.length) current = code(input, terms, coding, options.codingThreshold, s, discount);
  for (const b of seedBlocks) s.seeded[b] = 0;
  const evidenceBlocks = current.blocks.length - countShared(seedBlocks, current.blocks);
  return { seeds: [...seeds], terms, weights, support, blocks: current.blocks, scores: current.scores, iterations, converged, jaccard, evidenceBlocks, presence, contextDiscount: discount, chainBlocks: 0, chainReach: 0 };
}

/** Learns each concept from its seed terms. `frozen[i]` keeps concept i to its seeds. */
export function learnConcepts(input: LearningInput, seeds: readonly (readonly number[])[], options: LearningOptions, frozen?: readonly boolean[]): LearnedConcept[] {
  const scratch = new Scratch(input.termBlocks.rows, input.next);
  return seeds.map((s, i) => learnOne(input, s, options, frozen?.[i] ?? false, scratch));
}

export { jaccardSorted };
