import { describe, expect, it } from 'vitest';
import { chanceLevels, rotatedP, rotatedTables } from '../../src/stats/chanceLevels.ts';
import { evidence, overlapsOf } from '../../src/stats/evidence.ts';
import { agreementFigures, sharedCounts, type FigureInput } from '../../src/stats/figures.ts';
import { logFactorials } from '../../src/stats/hypergeometric.ts';

/**
 * Documents 0 = blocks 0–2 and 1 = blocks 3–4; concept 0 on {0, 3}, concept 1 on {1}; code 0 on
 * {0, 1}, code 1 on {4}; code 0 is matched to concept 0.
 */
function tiny(): FigureInput {
  const blockCols = [[0], [1], [], [0], []];
  const starts = new Int32Array(6);
  blockCols.forEach((list, b) => (starts[b + 1] = (starts[b] as number) + list.length));
  return {
    n: 5,
    codeBlocks: [[0, 1], [4]],
    coding: { starts, cols: Int32Array.from(blockCols.flat()), size: Int32Array.from([2, 1]) },
    blockDocument: [0, 0, 0, 1, 1],
    documents: 2,
    rule: { alpha: 0.05, minLift: 2, minShare: 0.2 },
    lf: logFactorials(5),
  };
}
const pairs = [[0, 0]] as const;
const groups = [[0, 1, 2], [3, 4]];

describe('chanceLevels', () => {
  it('agreementFigures(…) on the unmoved coding: coverage 1/3, best F1 (2/3 + 0)/2', () => {
    const f = agreementFigures(tiny(), pairs, null, null);
    expect(f.coverage).toBeCloseTo(1 / 3, 12);
    expect(f.f1).toBeCloseTo(1 / 3, 12);
  });
  it('chanceLevels(…) reaches the exact expectations under rotation within documents', () => {
    const chance = chanceLevels(tiny(), pairs, groups, 20000, 11);
    // Document 1 (2 blocks) turns by 1: concept 0 always on block 4, beside code 1. Document 0 (3
    // blocks) turns by 1 or 2: concept 0 on block 2 or 1, concept 1 on block 0 or 2.
    // Coverage: code 0's blocks carry concept 0 only when turned by 2: E = (1/3)/2.
    expect(chance.coverage.mean).toBeCloseTo(1 / 6, 2);
    // Best F1: by 1, code 0 2/3 (concept 1) and code 1 2/3; by 2, 1/2 and 2/3 → (2/3 + 7/12)/2.
    expect(chance.f1.mean).toBeCloseTo(5 / 8, 2);
    // κ of code 0 and concept 0: −2/3 turned by 1 (no block shared), 1/6 turned by 2: E = −1/4.
    expect(chance.kappa.mean).toBeCloseTo(-1 / 4, 2);
    expect(chance.coverage.high).toBeCloseTo(1 / 3, 12);
  });
  it('chanceLevels(…) keeps a concept\'s runs: a coding in one stretch stays one stretch in every round', () => {
    // One document of 12 blocks; concept 0 on blocks 2–5, code 0 on blocks 2–5 too.
    const starts = new Int32Array(13);
    for (let b = 0; b < 12; b++) starts[b + 1] = starts[b]! + (b >= 2 && b <= 5 ? 1 : 0);
    const input: FigureInput = {
      n: 12, codeBlocks: [[2, 3, 4, 5]], coding: { starts, cols: Int32Array.from([0, 0, 0, 0]), size: Int32Array.from([4]) },
      blockDocument: new Array(12).fill(0), documents: 1, rule: { alpha: 0.05, minLift: 2, minShare: 0.2 }, lf: logFactorials(12),
    };
    // Turned by 3 to 9 blocks, the run of 4 overlaps the code's 4 blocks by at most one: F1 ≤ 1/4.
    const chance = chanceLevels(input, [[0, 0]], [Array.from({ length: 12 }, (_, b) => b)], 2000, 5);
    expect(chance.f1.high).toBeLessThanOrEqual(0.25 + 1e-12);
    expect(chance.f1.mean).toBeGreaterThan(0);
  });
  it('chanceLevels(…) gives the same levels for the same seed and others for another', () => {
    const a = chanceLevels(tiny(), pairs, groups, 30, 3);
    expect(chanceLevels(tiny(), pairs, groups, 30, 3)).toEqual(a);
    expect(chanceLevels(tiny(), pairs, groups, 30, 4).coverage.mean).not.toBe(a.coverage.mean);
  });
  it('rotatedP(…) is (1 + rounds with at least as many shared blocks) / (1 + rounds), leaving out a round when asked', () => {
    const tables = [Int32Array.of(3), Int32Array.of(1), Int32Array.of(5)];
    expect(rotatedP(tables, 0, 3)).toBe(3 / 4);
    expect(rotatedP(tables, 0, 6)).toBe(1 / 4);
    expect(rotatedP(tables, 0, 3, 0)).toBe(2 / 3);
  });
  it('a concept and a code that share a document but no places in it pass Fisher, not the rotations', () => {
    // Documents 0 and 1, 20 blocks each. The code is all of document 0; the concept codes blocks
    // 5–14 of it. Across the corpus that is 10 shared blocks of 10 (p = C(20,10) / C(40,10), lift 2),
    // but every rotation of document 0 keeps the concept inside the code.
    const n = 40;
    const starts = new Int32Array(n + 1);
    for (let b = 0; b < n; b++) starts[b + 1] = starts[b]! + (b >= 5 && b <= 14 ? 1 : 0);
    const input: FigureInput = {
      n, codeBlocks: [Array.from({ length: 20 }, (_, b) => b)], coding: { starts, cols: new Int32Array(10), size: Int32Array.of(10) },
      blockDocument: Array.from({ length: n }, (_, b) => (b < 20 ? 0 : 1)), documents: 2, rule: { alpha: 0.05, minLift: 2, minShare: 0.2 }, lf: logFactorials(n),
    };
    const shared = sharedCounts(input, null);
    expect(evidence(overlapsOf(shared, 1, 1), [20], [10], n, input.rule, input.lf).matched[0]).toBe(1);
    const groups = [Array.from({ length: 20 }, (_, b) => b), Array.from({ length: 20 }, (_, b) => 20 + b)];
    const tables = rotatedTables(input, groups, 100, 3);
    expect(rotatedP(tables, 0, shared[0]!)).toBe(1);
    // The matched-pairs figure counts it only without the rotations.
    expect(agreementFigures(input, [], null, null).matches).toBe(1);
    expect(agreementFigures(input, [], null, null, (cell, both) => rotatedP(tables, cell, both) <= 0.05).matches).toBe(0);
  });
});
