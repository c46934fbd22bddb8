import { describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import type { ManualCoding } from '@leximap/io';
import { compare as compareInput } from '../src/compare.ts';
import type { CompareOptions } from '../src/defaults.ts';
import { tinyCoding, tinyResult } from './tinyResult.ts';

const compare = (result: LeximapResult, coding: ManualCoding, options: Partial<CompareOptions> = {}) => compareInput({ result, coding }, { rounds: 0, ...options });

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
    // The assignment is a summary: on 7 blocks no pair passes q ≤ 0.05, so both codes stay unmatched.
    expect(c.unmatchedCodes.map((u) => u.code)).toEqual([1, 4]);
  });
  it('compare(…) gives every cell its counts, shares, Fisher p and BH q over the 2 × 2 tested pairs', () => {
    const c = compare(tinyResult(), tinyCoding());
    const betaY = c.cells.find((cell) => cell.concept === 1 && cell.code === 4);
    expect(betaY).toMatchObject({ both: 2, codeBlocks: 2, conceptBlocks: 3, codeShare: 1 });
    expect(betaY?.conceptShare).toBeCloseTo(2 / 3, 12);
    // P(X ≥ 2) for 2 of 7 blocks drawn against 3: C(3,2)/C(7,2) = 1/7; q = (1/7)·4/1.
    expect(betaY?.p).toBeCloseTo(1 / 7, 12);
    expect(betaY?.q).toBeCloseTo(4 / 7, 12);
    expect(c.cells.find((cell) => cell.concept === 0 && cell.code === 1)?.p).toBeCloseTo(5 / 7, 12);
    expect(c.evidence?.tests).toBe(4);
    expect(c.cells.every((cell) => cell.matched === false)).toBe(true);
  });
  it('compare(…) matches a pair only past q and the effect size, and reports coverage 2/5 and document κ 0.4', () => {
    const c = compare(tinyResult(), tinyCoding(), { alpha: 1 });
    // alpha–X and beta–X have lift 7/6 and 7/9 < 2; beta–Y has lift 7/3 and shares all of Y.
    expect(c.cells.filter((cell) => cell.matched).map(({ concept, code }) => [concept, code])).toEqual([[1, 4]]);
    expect(c.coverage).toBeCloseTo(2 / 5, 12);
    expect(c.documentKappa).toBeCloseTo(0.4, 12);
    expect(c.figures?.find((f) => f.id === 'matches')?.value).toBe(1);
  });
  it('compare(…) lists the unmatched code and the uncovered concept by the same evidence, each with its closest counterpart', () => {
    const c = compare(tinyResult(), tinyCoding(), { alpha: 1 });
    expect(c.unmatchedCodes).toEqual([{ code: 1, quotes: [4, 0, 1], closest: 0 }]);
    expect(c.uncoveredConcepts).toEqual([{ concept: 0, quotes: [5, 0], closest: 1 }]);
  });
  it('compare(…) gives every figure a chance level, the same for the same seed', () => {
    const a = compareInput({ result: tinyResult(), coding: tinyCoding() }, { alpha: 1, rounds: 50 });
    const b = compareInput({ result: tinyResult(), coding: tinyCoding() }, { alpha: 1, rounds: 50 });
    expect(a.figures?.map((f) => f.id)).toEqual(['coverage', 'kappa', 'jaccard', 'f1', 'documentKappa', 'matches']);
    expect(a.figures).toEqual(b.figures);
    expect(a.chance).toEqual({ rounds: 50, seed: 7, permutation: 'rotated-within-documents' });
    const other = compareInput({ result: tinyResult(), coding: tinyCoding() }, { alpha: 1, rounds: 50, seed: 8 });
    expect(other.figures).not.toEqual(a.figures);
  });
  it('compare(…) holds every concept and theme pair against the rotated rounds, and a match must beat them', () => {
    const c = compareInput({ result: tinyResult(), coding: tinyCoding() }, { alpha: 0.6, rounds: 50 });
    for (const cell of [...c.cells, ...c.themeCells]) {
      // (1 + rounds sharing at least as many blocks) / 51: a permutation p-value, never 0.
      expect(cell.rotated).toBeGreaterThanOrEqual(1 / 51);
      expect(cell.rotated).toBeLessThanOrEqual(1);
      if (cell.matched) expect(cell.rotated).toBeLessThanOrEqual(0.6);
    }
    // beta–Y (q 4/7): no rotation puts beta on both of Y's blocks, so it holds and matches.
    const betaY = c.cells.find((cell) => cell.concept === 1 && cell.code === 4);
    expect(betaY).toMatchObject({ rotated: 1 / 51, matched: true });
    // alpha–X shares a block with X in every rotation as here: it never beats them.
    expect(c.cells.find((cell) => cell.concept === 0 && cell.code === 1)?.rotated).toBe(1);
  });
  it('compare(…) notes a code whose name contains the concept label', () => {
    const coding = tinyCoding();
    (coding.codes[4] as { name: string }).name = 'Betas here';
    const c = compare(tinyResult(), coding);
    expect(c.cells.find((cell) => cell.concept === 1 && cell.code === 4)?.named).toBe('beta');
    expect(c.cells.find((cell) => cell.concept === 0 && cell.code === 1)?.named).toBeUndefined();
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
  it('compare(…) reports code rows, located share and the tag concept of a code', () => {
    const c = compare(tinyResult(), tinyCoding());
    expect(c.source).toBe('tiny.csv');
    expect(c.located).toBeCloseTo(0.6, 12);
    expect(c.codes[1]).toEqual({ name: 'X', path: ['Top', 'X'], segments: 2, blocks: 3, blocksHalf: 2, concept: 2, blockList: [0, 1, 4] });
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
