import type { Document } from '@leximap/core';
import { describe, expect, it } from 'vitest';
import { anchorSegments } from '../../src/qda/anchorSegments.ts';
import { parseParagraphs } from '../../src/read/parseParagraphs.ts';
import type { SegmentTable } from '../../src/qda/readSegmentTable.ts';

const doc = (id: string, text: string): Document => ({ id, name: id.replace(/\.txt$/, ''), tags: [], text, paragraphs: [] });
const documents = [
  doc('P1.txt', 'Interview\nDan: How do you   start?\nParticipant: I look at the\nfeature importance first.\nDan: ok\nParticipant: I look at the feature importance first.\n'),
  doc('P2.txt', '😀 Emoji “quoted” text'),
];
const table = (rows: SegmentTable['rows']): SegmentTable => ({ format: 'csv', rows, notes: [] });

describe('anchorSegments', () => {
  it('anchorSegments(…) locates a segment whatever its whitespace, and builds the code tree with parents', () => {
    const coding = anchorSegments(table([{ document: 'P1', code: ['Tech', 'SHAP'], segment: 'How do you start?', row: 2 }]), documents, { file: 'c.csv' });
    expect(coding.segments).toEqual([{ codeId: 'Tech > SHAP', document: 'P1.txt', start: 15, end: 34, text: 'How do you   start?' }]);
    expect(coding.codes).toEqual([
      { id: 'Tech', name: 'Tech', path: ['Tech'], codable: true },
      { id: 'Tech > SHAP', name: 'SHAP', path: ['Tech', 'SHAP'], parentId: 'Tech', codable: true },
    ]);
    expect(coding.located).toBe(1);
  });
  it('anchorSegments(…) finds text across a line break and picks the occurrence nearest the Beginning paragraph', () => {
    const rows = [
      { document: 'P1', code: ['A'], segment: 'I look at the feature importance first.', row: 2 },
      { document: 'P1', code: ['A'], segment: 'I look at the feature importance first.', begin: 6, row: 3 },
    ];
    const coding = anchorSegments(table(rows), documents, { file: 'c.csv' });
    expect(coding.segments.map((s) => [s.start, s.text])).toEqual([
      [48, 'I look at the\nfeature importance first.'],
      [109, 'I look at the feature importance first.'],
    ]);
  });
  it('anchorSegments(…) gives code point offsets and folds quotes and case only when needed', () => {
    const coding = anchorSegments(table([{ document: 'P2.txt', code: ['Q'], segment: '"QUOTED" text', row: 2 }]), documents, { file: 'c.csv' });
    expect(coding.segments[0]).toMatchObject({ start: 8, end: 21, text: '“quoted” text' });
    expect(coding.notes).toContain('1 segments located only after folding case, quotes and dashes');
  });
  it('anchorSegments(…) locates a segment coded across a turn whose export left out the next speaker marker', () => {
    const text = 'Dan: How did that feel?\nAmara: It felt like a slap.\nDan: And then?\n';
    const turns: Document = { id: 'P3.txt', name: 'P3', tags: [], text, paragraphs: parseParagraphs(text) };
    const rows = [{ document: 'P3', code: ['A'], segment: 'How did that feel? It felt like a slap.', row: 2 }];
    const coding = anchorSegments(table(rows), [turns], { file: 'c.csv' });
    expect(coding.segments).toEqual([{ codeId: 'A', document: 'P3.txt', start: 5, end: 51, text: 'How did that feel?\nAmara: It felt like a slap.' }]);
    expect(coding.notes).toContain('1 segments span speaker turns and were located leaving out the speaker markers between them');
  });
  it('anchorSegments(…) reports a segment it cannot find as unresolved and the located share', () => {
    const rows = [
      { document: 'P1', code: ['A'], segment: 'How do you start?', row: 2 },
      { document: 'P1', code: ['A'], segment: 'never said', row: 3 },
    ];
    const coding = anchorSegments(table(rows), documents, { file: 'c.csv' });
    expect(coding.unresolved).toEqual([{ codeId: 'A', document: 'P1.txt', text: 'never said', reason: 'row 3: segment text not found in "P1"' }]);
    expect(coding.located).toBe(0.5);
  });
  it('anchorSegments(…) refuses documents that are not in the corpus, naming them', () => {
    const rows = [{ document: 'P9', code: ['A'], segment: 'x', row: 2 }];
    expect(() => anchorSegments(table(rows), documents, { file: 'c.csv' })).toThrow('c.csv: names 1 document not in the corpus ("P9"); the corpus has "P1", "P2". Analyse the same transcripts that were coded');
  });
  it('anchorSegments(…) with missingDocuments "skip" reports them as unresolved instead', () => {
    const rows = [{ document: 'P9', code: ['A'], segment: 'x', row: 2 }];
    const coding = anchorSegments(table(rows), documents, { file: 'c.csv', missingDocuments: 'skip' });
    expect(coding.unresolved[0]?.reason).toBe('document "P9" is not in the corpus');
    expect(coding.located).toBe(0);
  });
});
