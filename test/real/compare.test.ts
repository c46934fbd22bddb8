import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '@leximap/core';
import { codeTags, compare } from '@leximap/compare';
import { readCorpus, readManualCoding, readQdpx } from '@leximap/io';

const data = resolve(import.meta.dirname, '../../../shared/data');
const pdpilot = resolve(data, 'corpora/pdpilot-interviews');

describe('REFI-QDA samples (../shared/data/qdpx)', () => {
  it('readQdpx(qc-demo.qdpx) reads 262 codes, 205 codings on 158 selections, both sources, offsets as code points', () => {
    const project = readQdpx(readFileSync(resolve(data, 'qdpx/qc-demo.qdpx')), { file: 'qc-demo.qdpx' });
    expect(project.codes).toHaveLength(262);
    expect(project.codes.filter((c) => !c.parentId).map((c) => c.name)).toEqual(['rq1_definition', 'rq2_curriculum_and_instruction', 'rq3_process']);
    expect(project.segments).toHaveLength(205);
    expect(new Set(project.segments.map((s) => s.selectionId)).size).toBe(158);
    expect(project.unresolved).toEqual([]);
    expect(project.documents?.map((d) => [d.id, d.text.length])).toEqual([
      ['board_2017.txt', 52543],
      ['admin-1.txt', 31906],
    ]);
    expect(project.offsets).toEqual([{ document: 'board_2017.txt', mode: 'codepoints', selections: 158, onBoundary: 1 }]);
  });
  it('readQdpx(ATLAS.ti sample) reads its codes, users and sets, and reports the selections of its missing sources', () => {
    const project = readQdpx(readFileSync(resolve(data, 'qdpx/atlasti8-refi-standard-project.qdpx')), { file: 'atlas.qdpx' });
    expect(project.codes).toHaveLength(14);
    expect(project.codes.find((c) => c.name === 'cornflakes')?.description).toBe('breakfast cereal made by Kellogg’s');
    expect(project.users).toHaveLength(3);
    expect(project.sets).toHaveLength(16);
    expect(project.documents).toEqual([]);
    expect(project.segments).toEqual([]);
    expect(project.unresolved.length).toBeGreaterThan(0);
    expect(project.unresolved.every((u) => /is not in the project$/.test(u.reason))).toBe(true);
  });
  it('the qc-demo sources are analysed straight from the .qdpx and compared with its codes', async () => {
    const path = resolve(data, 'qdpx/qc-demo.qdpx');
    const corpus = await readCorpus([path]);
    expect(corpus.documents.map((d) => d.name)).toEqual(['board_2017', 'admin-1']);
    const coding = await readManualCoding(path);
    const result = await analyze(corpus);
    const comparison = compare({ result, coding }, { rounds: 20 });
    expect(comparison.located).toBe(1);
    expect(comparison.codes.filter((c) => c.segments > 0)).toHaveLength(77);
    expect(comparison.cells.filter((c) => c.matched).every((c) => (c.q as number) <= 0.05)).toBe(true);
  });
});

describe('PDPilot interviews with their MAXQDA coded segments', () => {
  it('locates at least 95% of coded_segments.csv in the transcripts, and the comparison reads sensibly', async () => {
    const corpus = await readCorpus([resolve(pdpilot, 'transcripts_txt')]);
    const coding = await readManualCoding(resolve(pdpilot, 'coded_segments.csv'), { documents: corpus.documents });
    expect(coding.segments.length + coding.unresolved.length).toBe(261);
    expect(coding.located).toBeGreaterThanOrEqual(0.95);
    const result = await analyze(corpus, { excludeSpeakers: ['Dan'] }, { tagSpans: codeTags(coding, { documents: corpus.documents.map((d) => ({ id: d.id, name: d.name })) as never }) });
    const comparison = compare({ result, coding }, { rounds: 50 });
    expect(comparison.located).toBeGreaterThanOrEqual(0.95);
    // Codes show on the map as tag concepts.
    expect(comparison.codes.filter((c) => c.segments > 0).every((c) => c.concept >= 0)).toBe(true);
    // Every reported match passes the correction and the effect size, and beats chance by far.
    const matches = comparison.cells.filter((c) => c.matched);
    expect(matches.length).toBeGreaterThanOrEqual(5);
    expect(matches.every((c) => (c.q as number) <= 0.05 && c.lift >= 2 && Math.max(c.codeShare as number, c.conceptShare as number) >= 0.2)).toBe(true);
    const figure = (id: string) => comparison.figures?.find((f) => f.id === id);
    expect(figure('matches')!.chanceHigh).toBeLessThan(matches.length / 3);
    expect(figure('coverage')!.value).toBeGreaterThan(figure('coverage')!.chanceHigh);
    // Several codes are matched by the concept their own name is about (cluster, scatter, histogram …).
    expect(matches.filter((c) => c.named !== undefined).length).toBeGreaterThanOrEqual(3);
    // The concept learned from "SHAP" (its label or a seed starts with "shap") is a match of the
    // SHAP code and one of its two closest concepts. Since evidence blocks go to one concept
    // (session 13) "shapley" codes 11 blocks, 6 of them SHAP's, and "summary" ("the Shapley
    // summary plot") 4, all SHAP's: the two are level (q .0020 and .0019).
    const shap = result.concepts.findIndex((c) => c.kind !== 'tag' && [c.label, ...c.seeds].some((t) => t.toLowerCase().startsWith('shap')));
    const shapCode = comparison.codes.findIndex((c) => c.name === 'SHAP');
    expect(shap).toBeGreaterThanOrEqual(0);
    const closest = comparison.cells.filter((c) => c.code === shapCode).sort((x, y) => (x.q as number) - (y.q as number)).slice(0, 2);
    expect(closest.find((c) => c.concept === shap)?.matched).toBe(true);
  });
});
