/**
 * Chain coding: the blocks between two mentions of a concept's seed, where talk that comes back
 * to the seed that soon is about it in between.
 *
 * A topic in talk is a stretch, not a scatter of words: a speaker names it, says three more
 * things about it without the word ("Right." "And then the board decided." "It took a year."),
 * and names it again. Lexical-chain segmenters build on exactly this (Morris & Hirst 1991; in
 * meetings, Galley et al. 2003's LCseg, which ends a term's chain where its repetitions are more
 * than a hiatus apart), and coders of interviews code such stretches whole: PDPilot's coded
 * segments and QMSum's topic spans run over several turns. Coding only the blocks that hold a
 * concept's terms left the blocks in between to no concept, or to whichever concept a word of
 * them happened to name.
 *
 * How far a chain reaches is measured per concept, not set: at each distance d = 1, 2, … blocks
 * after a mention (blocks that take part, in the same document), the seed must be at least twice
 * as likely as its rate in that document would make it (`MIN_RETURN_LIFT`, the lift the seeds'
 * co-occurrence counts from), two neighbouring distances taken together so that a mention in
 * every other block (two speakers taking turns) counts. Mentions at most that far apart are one
 * stretch, and the blocks between them are coded with score 0: no term codes them, quotes never
 * show them, `evidenceBlocks` does not count them (`chainBlocks` does). Measured against the
 * document's own rate, a word that one meeting uses throughout makes no chain there, and a topic
 * that takes up a stretch of it makes one about as long as that stretch; words of talk come back
 * no sooner than their rate and make none.
 *
 * Measured with `../shared/eval` (concept ratio to the best peer, PDPilot leaf / top, QMSum
 * Academic / Product / Committee; docs/validity.md): ×1.56 / 1.10 / 1.55 / 1.55 / 1.54 before,
 * ×1.87 / 1.37 / 5.88 / 4.50 / 2.60 with chains. Chain blocks are 2 % of the examples' coding
 * (the interviewer excluded: each answer is about its topic throughout), 19 % of PDPilot's,
 * 26 % of QMSum Committee's and 42–49 % of the other QMSum meetings', whose many one-line turns
 * ("Yeah.", "Mm-hmm.") are blocks. Tried before this rule: one hiatus for every concept (4
 * blocks), ×1.68 / 1.24 / 2.64 / 2.46 / 1.94, but "people" on the examples went from 132 to 209
 * blocks, "article" from 102 to 183: a word that is everywhere spans everything. The rate of the
 * whole corpus instead of the document's: a term of a few meetings "came back" at every distance
 * (28 of Academic's 57 concepts at 30 blocks or more). Coming back *within* d blocks instead of
 * *at* d: reaches up to 45 blocks, half of Academic's coding chain blocks. One distance at a time
 * instead of two: ×1.67 / 1.31 / 4.49 / 3.85 / 2.26, and a seed named in every other block made
 * no chain at all.
 *
 * Themes still group by presence, without these blocks (`ConceptSet.presence`).
 */
import type { Csr } from '../stats/csr.ts';
import type { LearnedConcept } from './thesaurus.ts';

/** How much likelier than its rate in the document the seed must be at each distance a chain reaches. */
export const MIN_RETURN_LIFT = 2;

/** The farthest distance tried, in blocks: a bound on the cost (per mention, one count per distance and per later mention within it), not on the reading. */
const MAX_REACH = 64;

export interface ChainInput {
  termBlocks: Csr;
  /** Per block, the next block of its document that takes part, or -1 (`nextActiveBlocks`). */
  next: Int32Array;
  blockDoc: ArrayLike<number>;
  excluded: Uint8Array;
}

export interface Chains {
  /** Blocks between mentions, ascending, that the concept did not code before. */
  blocks: Uint32Array;
  /** The most blocks bridged between two mentions (0: none). */
  reach: number;
}

/** Where each block stands among the blocks of its document that take part. */
export interface ChainContext {
  /** Per document, its blocks that take part. */
  active: Map<number, number>;
  /** Per block that takes part, its position among them in its document (−1 for the others). */
  rank: Int32Array;
}

export function chainContext(blockDoc: ArrayLike<number>, excluded: Uint8Array): ChainContext {
  const active = new Map<number, number>();
  const rank = new Int32Array(excluded.length).fill(-1);
  for (let b = 0; b < excluded.length; b++) {
    if (excluded[b]) continue;
    const n = active.get(blockDoc[b]!) ?? 0;
    rank[b] = n;
    active.set(blockDoc[b]!, n + 1);
  }
  return { active, rank };
}

/**
 * The chain blocks of one concept: `seeds`' blocks are its mentions, `coded` (ascending) what it
 * codes already.
 */
export function chainBlocks(input: ChainInput, context: ChainContext, seeds: readonly number[], coded: Uint32Array): Chains {
  const { termBlocks, next, blockDoc, excluded } = input;
  const { active, rank } = context;
  const all: number[] = [];
  for (const t of seeds) for (let k = termBlocks.starts[t]!; k < termBlocks.starts[t + 1]!; k++) if (!excluded[termBlocks.indices[k]!]) all.push(termBlocks.indices[k]!);
  // A block that holds two of a merged concept's seeds is one mention.
  all.sort((a, b) => a - b);
  const mentions = all.filter((b, i) => i === 0 || b !== all[i - 1]);
  const inDoc = new Map<number, number>();
  for (const b of mentions) inDoc.set(blockDoc[b]!, (inDoc.get(blockDoc[b]!) ?? 0) + 1);

  // Per distance d, how often the seed is d blocks after a mention in its document, against how
  // often it would be there if the document's other mentions fell anywhere in it ((m − 1) / (n − 1)
  // for m mentions in n blocks).
  const n = mentions.length;
  const bound = MAX_REACH + 2;
  const returns = new Float64Array(bound + 1);
  const expected = new Float64Array(bound + 1);
  for (let q = 0; q < n; q++) {
    const a = mentions[q]!;
    const doc = blockDoc[a]!;
    const blocks = active.get(doc)!;
    const chance = blocks > 1 ? (inDoc.get(doc)! - 1) / (blocks - 1) : 0;
    const after = Math.min(bound, blocks - 1 - rank[a]!);
    for (let d = 1; d <= after; d++) expected[d]! += chance;
    for (let r = q + 1; r < n && blockDoc[mentions[r]!] === doc; r++) {
      const d = rank[mentions[r]!]! - rank[a]!;
      if (d > bound) break;
      returns[d]!++;
    }
  }
  // The chain reaches as far as the seed is still at least MIN_RETURN_LIFT times likelier than
  // its rate, at every distance up to there, two neighbouring distances taken together (so that
  // a mention in every other block, as when two speakers take turns, counts); smoothed by half a
  // return. Against the document's own rate, a word that one meeting uses throughout makes no
  // chain there, and a topic that takes a stretch of it makes one about that stretch's length.
  let distance = 0;
  for (let d = 1; d < bound; d++) {
    const lift = (returns[d]! + returns[d + 1]! + 0.5) / (expected[d]! + expected[d + 1]! + 0.5);
    if (lift < MIN_RETURN_LIFT) break;
    distance = d + 1;
  }
  // Mentions at most `distance` apart are one stretch: the blocks between them are bridged.
  const reach = Math.max(0, distance - 1);
  const back = (q: number): number => (q + 1 < n && blockDoc[mentions[q + 1]!] === blockDoc[mentions[q]!] ? rank[mentions[q + 1]!]! - rank[mentions[q]!]! : 0);

  // The blocks between two mentions at most `reach` + 1 blocks apart, that the concept does not code yet.
  const added: number[] = [];
  let c = 0;
  for (let q = 0; q < n; q++) {
    const gap = back(q);
    if (gap < 2 || gap > reach + 1) continue;
    for (let b = next[mentions[q]!]!; b !== mentions[q + 1]; b = next[b]!) {
      while (c < coded.length && coded[c]! < b) c++;
      if (coded[c] !== b) added.push(b);
    }
  }
  return { blocks: Uint32Array.from(added), reach };
}

/** Merges two ascending block lists with their scores (`extra` blocks are not in `blocks`; their score is 0). */
function withChain(blocks: Uint32Array, scores: Float64Array, extra: Uint32Array): { blocks: Uint32Array; scores: Float64Array } {
  const outBlocks = new Uint32Array(blocks.length + extra.length);
  const outScores = new Float64Array(blocks.length + extra.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < outBlocks.length; k++) {
    if (j >= extra.length || (i < blocks.length && blocks[i]! < extra[j]!)) {
      outBlocks[k] = blocks[i]!;
      outScores[k] = scores[i++]!;
    } else outBlocks[k] = extra[j++]!;
  }
  return { blocks: outBlocks, scores: outScores };
}

/** Adds each concept's chain blocks to its coding (`chainBlocks`, `chainReach`); a frozen concept codes only what its terms code. */
export function addChainBlocks(concepts: readonly { frozen: boolean; seeds: readonly number[]; learned?: LearnedConcept }[], input: ChainInput): void {
  const context = chainContext(input.blockDoc, input.excluded);
  for (const c of concepts) {
    if (c.frozen) continue;
    const l = c.learned!;
    const chains = chainBlocks(input, context, c.seeds, l.blocks);
    c.learned = { ...l, ...withChain(l.blocks, l.scores, chains.blocks), chainBlocks: chains.blocks.length, chainReach: chains.reach };
  }
}
