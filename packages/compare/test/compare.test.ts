import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.ts';
import { tinyCoding, tinyResult } from './tinyResult.ts';

// Hand-computed on tinyResult/tinyCoding, N = 7 blocks: alpha {0,5}, beta {2,3,4}, X {0,1,4}, Y {2,3}.
describe('compare', () => {
  it('compare(…) fills every concept × code cell with Jaccard, lift and κ', () => {
    const c = compare(tinyResult(), tinyCoding());
    expect(c.cells.map(({ concept, code, both }) => [concept, code, both])).toEqual([
      [0, 1, 1],
      [1, 1, 1],
      [1, 4, 2],
    ]);
    const [alphaX, betaX, betaY] = c.cells;
    expect(alphaX?.jaccard).toBe(0.25);
    expect(alphaX?.lift).toBeCloseTo(7 / 6, 12);
    expect(alphaX?.kappa).toBeCloseTo(2 / 23, 12);
    expect(betaX?.jaccard).toBeCloseTo(0.2, 12);
    expect(betaX?.lift).toBeCloseTo(7 / 9, 12);
    expect(betaX?.kappa).toBeCloseTo(-1 / 6, 12);
    expect(betaY?.jaccard).toBeCloseTo(2 / 3, 12);
    expect(betaY?.lift).toBeCloseTo(7 / 3, 12);
    expect(betaY?.kappa).toBeCloseTo(16 / 23, 12);
  });
  it('compare(…) gives each code its best concept and a one-to-one assignment', () => {
    const c = compare(tinyResult(), tinyCoding());
    expect(c.bestMatch.map(({ code, concept }) => [code, concept])).toEqual([
      [1, 0],
      [4, 1],
    ]);
    expect(c.assignment.map(({ code, concept }) => [code, concept])).toEqual([
      [1, 0],
      [4, 1],
    ]);
  });
  it('compare(…) assigns one-to-one even when two codes prefer the same concept', () => {
    const result = tinyResult();
    const coding = tinyCoding();
    // X moves onto beta's blocks: both X and Y now prefer beta; X (J = 1) keeps it, Y takes alpha (J = 0).
    coding.segments[0] = { codeId: 'X', document: 'A.txt', start: 20, end: 40, text: '' };
    coding.segments[1] = { codeId: 'X', document: 'B.txt', start: 0, end: 10, text: '' };
    const c = compare(result, coding);
    expect(c.bestMatch.map(({ code, concept }) => [code, concept])).toEqual([
      [1, 1],
      [4, 1],
    ]);
    expect(c.assignment.map(({ code, concept }) => [code, concept])).toEqual([[1, 1]]);
    expect(c.unmatchedCodes.map((u) => u.code)).toEqual([4]);
  });
  it('compare(…) reports coverage 4/5 of the manually coded blocks and document κ 2/3', () => {
    const c = compare(tinyResult(), tinyCoding());
    expect(c.coverage).toBeCloseTo(0.8, 12);
    expect(c.documentKappa).toBeCloseTo(2 / 3, 12);
  });
  it('compare(…) compares themes with top-level codes', () => {
    const c = compare(tinyResult(), tinyCoding());
    expect(c.themeCells.map(({ theme, code, both }) => [theme, code, both])).toEqual([
      [0, 'Top', 2],
      [0, 'Other', 2],
    ]);
    expect(c.themeCells[0]?.jaccard).toBeCloseTo(1 / 3, 12);
    expect(c.themeCells[0]?.kappa).toBeCloseTo(-1 / 13, 12);
    expect(c.themeCells[1]?.jaccard).toBeCloseTo(0.4, 12);
    expect(c.themeCells[1]?.kappa).toBeCloseTo(8 / 29, 12);
  });
  it('compare(…) lists unmatched codes and uncovered concepts with their quotes under a stricter threshold', () => {
    const c = compare(tinyResult(), tinyCoding(), { minJaccard: 0.3 });
    expect(c.unmatchedCodes).toEqual([{ code: 1, quotes: [4, 0, 1] }]);
    expect(c.uncoveredConcepts).toEqual([{ concept: 0, quotes: [5, 0] }]);
  });
  it('compare(…) reports code rows, located share and the tag concept of a code', () => {
    const c = compare(tinyResult(), tinyCoding());
    expect(c.source).toBe('tiny.csv');
    expect(c.located).toBeCloseTo(0.6, 12);
    expect(c.codes[1]).toEqual({ name: 'X', path: ['Top', 'X'], segments: 2, blocks: 3, blocksHalf: 2, concept: 2 });
    expect(c.codes[4]?.concept).toBe(-1);
    expect(c.notes.some((n) => n.includes('D.txt'))).toBe(true);
  });
  it('compare(…) with overlap "half" drops blocks a code covers by less than half', () => {
    const c = compare(tinyResult(), tinyCoding(), { overlap: 'half' });
    // X = {0, 4}: alpha {0,5} shares 1 → J = 1/3.
    expect(c.cells.find((cell) => cell.concept === 0 && cell.code === 1)?.jaccard).toBeCloseTo(1 / 3, 12);
  });
  it('compare(…) leaves excluded blocks out of N', () => {
    const result = tinyResult();
    result.blocks.excluded[6] = 1;
    const c = compare(result, tinyCoding());
    // N = 6: alpha–X κ with a = 2, b = 3, both = 1: po = 3/6, pe = 1/2 → 0.
    expect(c.cells[0]?.kappa).toBeCloseTo(0, 12);
    expect(c.notes).toContain('1 blocks of excluded speakers are left out of every count');
  });
  it('compare(…) refuses a bad overlap option naming it', () => {
    expect(() => compare(tinyResult(), tinyCoding(), { overlap: 'most' as 'any' })).toThrow(/overlap is "most"/);
  });
});
