import { describe, expect, it } from 'vitest';
import { chanceLevels } from '../../src/stats/chanceLevels.ts';
import { agreementFigures, type FigureInput } from '../../src/stats/figures.ts';
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
  it('chanceLevels(…) reaches the exact expectations under permutation within documents', () => {
    const chance = chanceLevels(tiny(), pairs, groups, 20000, 11);
    // Each block of code 0 takes a random block of document 0, concept 0's with chance 1/3: E = (2/3)/3.
    expect(chance.coverage.mean).toBeCloseTo(2 / 9, 2);
    // Enumerated over the 3!·2! permutations: code 0 best F1 11/18, code 1 1/3 → 17/36.
    expect(chance.f1.mean).toBeCloseTo(17 / 36, 2);
    // Concept 0 shares 1 block with code 0 with chance 2/3 (κ = 1/6), else none (κ = −2/3): E = −1/9.
    expect(chance.kappa.mean).toBeCloseTo(-1 / 9, 2);
    expect(chance.coverage.high).toBeCloseTo(1 / 3, 12);
  });
  it('chanceLevels(…) gives the same levels for the same seed and others for another', () => {
    const a = chanceLevels(tiny(), pairs, groups, 30, 3);
    expect(chanceLevels(tiny(), pairs, groups, 30, 3)).toEqual(a);
    expect(chanceLevels(tiny(), pairs, groups, 30, 4).coverage.mean).not.toBe(a.coverage.mean);
  });
});
