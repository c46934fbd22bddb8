import { describe, expect, it } from 'vitest';
import { adjustedRand } from '../../src/stability/adjustedRand.ts';
import { leftOut, maskDocuments } from '../../src/stability/resample.ts';
import { assessStability, findAgain, type ResampleFound } from '../../src/stability/stability.ts';
import type { TermStats } from '../../src/stats/termStats.ts';
import { inProcess } from '../../src/pipeline/executor.ts';
import { neighbourLift, nextActiveBlocks } from '../../src/stats/burstiness.ts';
import { transpose, type Csr } from '../../src/stats/csr.ts';
import { buildTextShard, DEFAULTS, loadNlp, mergeShards, type Document } from '../../src/index.ts';

await loadNlp();

describe('assessStability', () => {
  // Five concepts: a, b, c in theme 0 and d, e in theme 1, each known by its own seed term.
  const seeds = [['a'], ['b'], ['c'], ['d'], ['e']];
  const themeOf = Int32Array.from([0, 0, 0, 1, 1]);
  const found = (themes: Record<string, number>): ResampleFound => ({ concepts: Object.keys(themes).length, themeOfSeed: new Map(Object.entries(themes)) });
  // Resample 1: c goes over to d and e. Resample 2: as the full run. Resample 3: b is not found.
  const resamples = [found({ a: 5, b: 5, c: 6, d: 6, e: 6 }), found({ a: 0, b: 0, c: 0, d: 1, e: 1 }), found({ a: 2, c: 2, d: 3, e: 3 })];
  const stats = { docBlockStart: Uint32Array.from({ length: 31 }, (_, d) => d) } as unknown as TermStats;
  const executor = { ...inProcess, resamples: async () => resamples };

  it('assessStability(…) counts per concept how often it stays with the other members of its theme, and none for a concept without theme-mates', async () => {
    const report = await assessStability({ stats, seeds, themeOf, executor }, DEFAULTS, 3);
    // a's pairs: (a,b) together twice, (a,c) apart once and together twice: 4 of 5.
    expect(report.conceptThemes[0]).toBeCloseTo(4 / 5, 12);
    // b's: (b,a) twice together, (b,c) apart once, together once: 3 of 4. c's: (c,a) 2 of 3, (c,b) 1 of 2.
    expect(report.conceptThemes[1]).toBeCloseTo(3 / 4, 12);
    expect(report.conceptThemes[2]).toBeCloseTo(3 / 5, 12);
    expect([...report.conceptThemes.subarray(3)]).toEqual([1, 1]);
    expect([...report.concepts]).toEqual([1, 2 / 3, 1, 1, 1]);
    // The theme's own figure is over the same pairs, each counted once: 1 of 3, 3 of 3, 1 of 1.
    expect(report.themes[0]).toBeCloseTo(5 / 7, 12);
    const alone = await assessStability({ stats, seeds, themeOf: Int32Array.from([0, 0, 0, 1, 2]), executor }, DEFAULTS, 3);
    expect(Number.isNaN(alone.conceptThemes[3])).toBe(true);
  });
});

describe('findAgain', () => {
  it('findAgain(…) finds a concept under its label, or merged into another by one of its seeds, and not otherwise', () => {
    // The resample merged PDP into "ice" (seeds ice, PDP) in theme 1; "plot" kept its own label in theme 0.
    const themeOfSeed = new Map([['ice', 1], ['PDP', 1], ['plot', 0], ['scatter', 0]]);
    const seeds = [['PDP', 'PDP'], ['plot', 'plot'], ['cluster', 'cluster', 'clustering'], ['graph', 'graph', 'scatter']];
    expect([...findAgain(seeds, themeOfSeed)]).toEqual([1, 0, -1, 0]);
  });
});

describe('adjustedRand', () => {
  it('adjustedRand(…) is 1 for the same grouping under other names, and the hand-computed value otherwise', () => {
    expect(adjustedRand([0, 0, 1, 1], [5, 5, 2, 2])).toBe(1);
    // Contingency [[2,1],[0,1]] of a = {0,0,0,1}, b = {0,0,1,1}: index 1, rows 3, cols 2, pairs 6:
    // expected 3·2/6 = 1, max (3+2)/2 = 2.5 → (1 − 1) / (2.5 − 1) = 0.
    expect(adjustedRand([0, 0, 0, 1], [0, 0, 1, 1])).toBeCloseTo(0, 12);
    // Hubert & Arabie's example size: a = {0,0,1,1,2,2}, b = {0,0,1,2,2,2}: index 2, rows 3, cols 4, pairs 15 →
    // (2 − 0.8) / (3.5 − 0.8).
    expect(adjustedRand([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2])).toBeCloseTo(1.2 / 2.7, 12);
  });
});

describe('leftOut', () => {
  it('leftOut(…) leaves out 10 % of the documents, at least one, the same for the same seed', () => {
    expect(leftOut(7, 0, 1)).toHaveLength(1);
    expect(leftOut(40, 3, 1)).toHaveLength(4);
    expect(leftOut(40, 3, 1)).toEqual(leftOut(40, 3, 1));
    // Folds: the resamples of a pass leave out different documents, each document once.
    expect(new Set(Array.from({ length: 10 }, (_, r) => leftOut(40, r, 1).join(','))).size).toBe(10);
    expect(Array.from({ length: 10 }, (_, r) => leftOut(40, r, 1)).flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(Array.from({ length: 7 }, (_, r) => leftOut(7, r, 1)[0]).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(leftOut(7, 7, 1)).not.toEqual(leftOut(7, 7, 2));
  });
});

function doc(id: string, text: string): Document {
  return { id, name: id, tags: [], text, paragraphs: [{ start: 0, end: text.length }] };
}

describe('maskDocuments', () => {
  it('maskDocuments(…) excludes the blocks of the documents left out and counts terms without them', () => {
    const docs = [doc('a', 'The mentor helped. The mentor smiled.'), doc('b', 'A mentor came. The garden grew.')];
    const stats = mergeShards([buildTextShard(docs, { ...DEFAULTS, blockSentences: 1 })]);
    const mentor = stats.terms.indexOf('mentor');
    expect(stats.df[mentor]).toBe(3);
    const masked = maskDocuments(stats, [0]);
    expect(masked.df[mentor]).toBe(1);
    expect(masked.activeBlocks).toBe(2);
    expect(Array.from(masked.blocks.excluded)).toEqual([1, 1, 0, 0]);
    expect(masked.blockTermStarts[2]).toBe(0);
  });
});

describe('neighbourLift', () => {
  it('neighbourLift(…) is high for a term in runs of blocks and low for one spread evenly', () => {
    // term 0 in blocks 0–3 (a run), term 1 in every other block; one document of 12 blocks.
    const rows = Array.from({ length: 12 }, (_, b) => [...(b < 4 ? [0] : []), ...(b % 2 === 0 ? [1] : [])]);
    const starts = new Uint32Array(13);
    rows.forEach((r, i) => (starts[i + 1] = starts[i]! + r.length));
    const blockTerms: Csr = { rows: 12, cols: 2, starts, indices: Uint32Array.from(rows.flat()) };
    const df = Uint32Array.from([4, 6]);
    const lift = neighbourLift(transpose(blockTerms), Uint32Array.from([0, 1]), nextActiveBlocks(new Uint32Array(12), new Uint8Array(12)), df, 12);
    // term 0: each of its 4 blocks has a next block, 3 of which hold it: (3 + 0.5·(1/3)) / 4.5 / (1/3).
    expect(lift[0]).toBeCloseTo((3 + 0.5 / 3) / 4.5 / (1 / 3), 12);
    expect(lift[1]).toBeLessThan(0.2);
  });
});
