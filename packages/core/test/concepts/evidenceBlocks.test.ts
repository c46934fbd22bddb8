import { describe, expect, it } from 'vitest';
import type { LearnedConcept } from '../../src/concepts/thesaurus.ts';
import { assignEvidenceBlocks, type Concept } from '../../src/pipeline/learnConcepts.ts';
import { transpose, type Csr } from '../../src/stats/csr.ts';

/** A concept seeded by `seed` that codes `blocks` with `scores`; `evidenceBlocks` of them lack the seed. */
function concept(label: string, seed: number, blocks: number[], scores: number[], evidenceBlocks: number): Concept {
  const coded = { blocks: Uint32Array.from(blocks), scores: Float64Array.from(scores) };
  const learned: LearnedConcept = {
    seeds: [seed], terms: Uint32Array.of(seed), weights: Float64Array.of(4), support: Uint32Array.of(2),
    ...coded, iterations: 2, converged: true, jaccard: 1, evidenceBlocks, presence: coded, contextDiscount: 0, chainBlocks: 0, chainReach: 0,
  };
  return { label, kind: 'word', seeds: [seed], frozen: false, learned, mergedFrom: [] };
}

describe('assignEvidenceBlocks(…)', () => {
  // Six blocks; term 0 (A's seed) is in blocks 0 and 1, term 1 (B's seed) in blocks 2 and 3.
  const blockTerms: Csr = { rows: 6, cols: 2, starts: Uint32Array.of(0, 1, 2, 3, 4, 4, 4), indices: Uint32Array.of(0, 0, 1, 1) };
  const termBlocks = transpose(blockTerms);

  it('gives a block that two concepts code on evidence alone to the better-scoring one, on a tie to the one listed first', () => {
    const a = concept('A', 0, [0, 1, 4, 5], [4, 4, 4.5, 4.2], 2);
    const b = concept('B', 1, [1, 2, 3, 4, 5], [4.4, 4, 4, 4.8, 4.2], 3);
    assignEvidenceBlocks([a, b], termBlocks, 6);
    // Block 4: B scores 4.8 against 4.5; block 5: a tie, A is listed first.
    expect(Array.from(a.learned!.blocks)).toEqual([0, 1, 5]);
    expect(Array.from(a.learned!.scores)).toEqual([4, 4, 4.2]);
    expect(a.learned!.evidenceBlocks).toBe(1);
    // Block 1 holds A's seed, so A's coding there is no claim on evidence: B, alone on its evidence, keeps it.
    expect(Array.from(b.learned!.blocks)).toEqual([1, 2, 3, 4]);
    expect(b.learned!.evidenceBlocks).toBe(2);
  });

  it('leaves blocks that hold a concept\'s seed with it, whatever other concepts score there', () => {
    const a = concept('A', 0, [0, 1], [4, 4], 0);
    const b = concept('B', 1, [0, 2, 3], [9, 4, 4], 1);
    const before = a.learned;
    assignEvidenceBlocks([a, b], termBlocks, 6);
    expect(a.learned).toBe(before);
    expect(Array.from(b.learned!.blocks)).toEqual([0, 2, 3]);
  });
});
