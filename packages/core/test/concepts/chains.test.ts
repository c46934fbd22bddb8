import { describe, expect, it } from 'vitest';
import { addChainBlocks, chainBlocks, chainContext, type ChainInput } from '../../src/concepts/chains.ts';
import type { LearnedConcept } from '../../src/concepts/thesaurus.ts';
import { rankPairQuotes, rankQuotes } from '../../src/map/quotes.ts';
import { nextActiveBlocks } from '../../src/stats/burstiness.ts';
import { transpose } from '../../src/stats/csr.ts';

/** `n` blocks; term 0 (the seed) in `mentions`, term 1 in every other block; `docs[b]` its document. */
function corpus(n: number, mentions: number[], docs = new Uint32Array(n), excluded = new Uint8Array(n)): ChainInput {
  const rows = Array.from({ length: n }, (_, b) => (excluded[b] ? [] : mentions.includes(b) ? [0] : [1]));
  const starts = new Uint32Array(n + 1);
  rows.forEach((r, i) => (starts[i + 1] = starts[i]! + r.length));
  const blockTerms = { rows: n, cols: 2, starts, indices: Uint32Array.from(rows.flat()) };
  return { termBlocks: transpose(blockTerms), next: nextActiveBlocks(docs, excluded), blockDoc: docs, excluded };
}

function chains(input: ChainInput, coded: number[] = []): { blocks: number[]; reach: number } {
  const found = chainBlocks(input, chainContext(input.blockDoc, input.excluded), [0], Uint32Array.from(coded));
  return { blocks: [...found.blocks], reach: found.reach };
}

// Two stretches of talk about the seed in one document of 60 blocks: blocks 10–16 and 40–44, a
// mention in every other block (7 mentions, so the document's rate is 6 / 59 per other block).
const STRETCHES = [10, 12, 14, 16, 40, 42, 44];

describe('chainBlocks(…)', () => {
  it('codes the blocks between two mentions as near as the seed comes back sooner than its rate, and no further', () => {
    // At distances 1–2 the seed is 5 times back against 2 × 7 × 6/59 by chance: a lift of
    // 5.5 / 1.92 = 2.9; at 2–3 the same; at 3–4, 3 times: 1.8, under 2. So mentions up to 3 blocks
    // apart are one stretch (2 blocks between), and 16 → 40 is not.
    expect(chains(corpus(60, STRETCHES))).toStrictEqual({ blocks: [11, 13, 15, 41, 43], reach: 2 });
  });

  it('adds only blocks the concept does not code yet', () => {
    expect(chains(corpus(60, STRETCHES), [10, 12, 13, 14, 16, 40, 42, 44]).blocks).toStrictEqual([11, 15, 41, 43]);
  });

  it('makes no chain of a seed that comes back no sooner than its rate', () => {
    // Every sixth block: the seed is never 1 or 2 blocks after a mention.
    expect(chains(corpus(60, [0, 6, 12, 18, 24, 30, 36, 42, 48, 54]))).toStrictEqual({ blocks: [], reach: 0 });
  });

  it('measures against the document, so that a word one document uses throughout is no chain there', () => {
    // Document 0 (blocks 0–19) mentions the seed in every other block, document 1 (20–59) never:
    // against the corpus the seed is bursty, against its document it is not.
    const docs = Uint32Array.from({ length: 60 }, (_, b) => (b < 20 ? 0 : 1));
    expect(chains(corpus(60, [0, 2, 4, 6, 8, 10, 12, 14, 16, 18], docs))).toStrictEqual({ blocks: [], reach: 0 });
  });

  it('never crosses a document and never codes an excluded block', () => {
    const docs = Uint32Array.from({ length: 60 }, (_, b) => (b < 42 ? 0 : 1));
    // 40 → 42 now cross into document 1, where 42 and 44 are a stretch of their own.
    expect(chains(corpus(60, STRETCHES, docs)).blocks).not.toContain(41);
    // An excluded block between two mentions: they are next to each other, nothing is bridged there.
    const excluded = new Uint8Array(60);
    excluded[11] = 1;
    const found = chains(corpus(60, STRETCHES, new Uint32Array(60), excluded));
    expect(found.blocks).not.toContain(11);
    expect(found.blocks).toContain(13);
  });
});

describe('addChainBlocks(…)', () => {
  const learned = (blocks: number[]): LearnedConcept => ({
    seeds: [0], terms: Uint32Array.of(0), weights: Float64Array.of(4), support: Uint32Array.of(7),
    blocks: Uint32Array.from(blocks), scores: Float64Array.from(blocks, () => 4), iterations: 1, converged: true, jaccard: 1,
    evidenceBlocks: 0, presence: { blocks: Uint32Array.from(blocks), scores: Float64Array.from(blocks, () => 4) }, contextDiscount: 0, chainBlocks: 0, chainReach: 0,
  });

  it('merges the chain blocks into the coding with score 0, counted apart from the evidence; a frozen concept keeps its coding', () => {
    const free = { frozen: false, seeds: [0], learned: learned(STRETCHES) };
    const frozen = { frozen: true, seeds: [0], learned: learned(STRETCHES) };
    addChainBlocks([free, frozen], corpus(60, STRETCHES));
    expect([...free.learned.blocks]).toStrictEqual([10, 11, 12, 13, 14, 15, 16, 40, 41, 42, 43, 44]);
    expect([...free.learned.scores]).toStrictEqual([4, 0, 4, 0, 4, 0, 4, 4, 0, 4, 0, 4]);
    expect(free.learned).toMatchObject({ chainBlocks: 5, chainReach: 2, evidenceBlocks: 0 });
    // Themes group by presence, which chains leave as it was.
    expect([...free.learned.presence.blocks]).toStrictEqual(STRETCHES);
    expect([...frozen.learned.blocks]).toStrictEqual(STRETCHES);
    expect(frozen.learned.chainBlocks).toBe(0);
  });

  it('quotes never show a chain block, alone or in a pair', () => {
    const concept = { blocks: Uint32Array.of(1, 2, 3), scores: Float64Array.of(0, 5, 0) };
    expect(rankQuotes(concept, 5)).toStrictEqual([2]);
    const coding = { starts: Uint32Array.of(0, 2, 4), concepts: Uint32Array.of(0, 1, 0, 1), scores: Float64Array.of(4, 0, 4, 4) };
    expect(rankPairQuotes(coding, 2, [{ a: 0, b: 1 }], 5)).toStrictEqual([[1]]);
  });
});
