import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/defaults.ts';
import { validateResult } from '../../src/result/validate.ts';
import type { LeximapResult } from '../../src/result/schema.ts';

/** A small, hand-built result that satisfies the contract: 2 documents, 3 blocks, 2 concepts and a tag, 1 theme. */
function tiny(): LeximapResult {
  return {
    schemaVersion: 6,
    generator: { name: 'leximap', version: '0.1.0', nlpModel: 'wink-eng-lite-web-model' },
    parameters: { ...DEFAULTS, markup: [...DEFAULTS.markup], concepts: 2, minBlocks: 3, conceptsRequested: 'auto', stability: 0 },
    corpus: { documents: 2, paragraphs: 3, sentences: 5, blocks: 3, tokens: 40, terms: 12, candidates: 4 },
    speakers: ['Interviewer', 'Dan'],
    documents: [
      { id: 'organisers/P04-lin.txt', name: 'P04-lin', tags: ['folder:organisers', 'file:P04-lin'], speakers: ['Interviewer', 'Dan'], blockStart: 0, blockEnd: 2, length: 80 },
      { id: 'P01.txt', name: 'P01', tags: ['file:P01'], speakers: [], blockStart: 2, blockEnd: 3, length: 30 },
    ],
    blocks: {
      document: [0, 0, 1],
      paragraph: [0, 1, 0],
      start: [0, 40, 0],
      end: [38, 80, 30],
      speaker: [0, 1, -1],
      conceptStarts: [0, 2, 3, 3],
      concepts: [0, 1, 0],
      scores: [4.123456789, 2.5, 1 / 3],
      excluded: [1, 0, 0],
    },
    concepts: [
      {
        id: 0, label: 'mentor', kind: 'word', count: 2, relevance: 1, connectedness: 1, x: 0.123456789, y: -0.5, theme: 0,
        seeds: ['mentor'],
        thesaurus: [
          { term: 'mentee', weight: 2.345678, support: 3, seed: false },
          { term: 'mentor', weight: 5.5, support: 4, seed: true },
        ],
        quotes: [0, 2],
      },
      {
        id: 1, label: '=SUM(A1)', kind: 'name', count: 1, relevance: 0.5, connectedness: 1, x: -1 / 3, y: 2 / 3, theme: 0,
        seeds: ['edit'], thesaurus: [], quotes: [0],
      },
      {
        id: 2, label: 'Dan', kind: 'tag', category: 'speaker', count: 1, relevance: 0.5, connectedness: 0, x: 0, y: 0, theme: -1,
        seeds: [], thesaurus: [], quotes: [1],
      },
    ],
    themes: [
      { id: 0, name: 'mentor', parent: 0, members: [0, 1], connectivity: 2, relevance: 1, rank: 1, colour: '#d62728', x: 0.1, y: 0.1, radius: 0.7071067811865476 },
    ],
    cooccurrence: { a: [0], b: [1], count: [1] },
    quotes: { pairs: [{ a: 0, b: 1, blocks: [0] }], excerpts: [{ block: 0, text: 'We paired them with mentors, "good" ones.' }] },
    layout: { mode: 'gaussian', stress: 0.0123456789, stresses: [0.0123456789, 0.02], bestStart: 0 },
  };
}

/** The E_BAD_RESULT message for `result` after `edit`. */
function problem(edit: (r: Record<string, any>) => void, file?: string): string {
  const r = tiny() as unknown as Record<string, any>;
  edit(r);
  try {
    validateResult(r, file);
  } catch (error) {
    expect(error).toMatchObject({ name: 'LeximapError', code: 'E_BAD_RESULT' });
    return (error as Error).message;
  }
  throw new Error('validateResult accepted a bad result');
}

describe('validateResult', () => {
  it('validateResult(…) returns a valid result as it is', () => {
    const r = tiny();
    expect(validateResult(r)).toBe(r);
    expect(validateResult(JSON.parse(JSON.stringify(r)))).toStrictEqual(r);
  });

  it('validateResult(…) accepts optional parts and unknown extra fields', () => {
    const r = { ...tiny(), skipped: [{ path: 'a.bin', reason: 'binary' }], timings: { read: 0.5 }, extra: true };
    expect(validateResult(r)).toBe(r);
  });

  it('validateResult(…) asks to upgrade leximap for a newer schema version', () => {
    expect(problem((r) => (r.schemaVersion = 7), 'out/result.json')).toBe(
      'out/result.json: schemaVersion: the result has schema version 7, newer than the 6 this leximap reads; upgrade leximap to open it',
    );
  });

  it('validateResult(…) says when the input is not a result at all', () => {
    expect(() => validateResult([])).toThrow('result: got an array, expected a leximap result object');
    expect(problem((r) => delete r.schemaVersion)).toBe('schemaVersion: missing: this is not a leximap result');
    expect(problem((r) => (r.generator.name = 'other'))).toBe('generator.name: got "other", expected "leximap"');
  });

  it('validateResult(…) names a missing or mistyped field by its path', () => {
    expect(problem((r) => delete r.concepts[1].label)).toBe('concepts[1].label: got nothing, expected a string');
    expect(problem((r) => (r.concepts[0].kind = 'topic'))).toBe('concepts[0].kind: got "topic", expected one of word, name, user, tag');
    expect(problem((r) => (r.parameters.seed = '1'))).toBe('parameters.seed: got "1", expected a finite number');
    expect(problem((r) => (r.corpus.tokens = -1))).toBe('corpus.tokens: got -1, expected an integer from 0 to Infinity');
    expect(problem((r) => (r.concepts[0].thesaurus[1].seed = 'yes'))).toBe('concepts[0].thesaurus[1].seed: got "yes", expected true or false');
    expect(problem((r) => (r.layout.mode = 'tsne'))).toBe('layout.mode: got "tsne", expected one of gaussian, linear');
  });

  it('validateResult(…) checks that every block column has corpus.blocks entries', () => {
    expect(problem((r) => r.blocks.start.pop())).toBe('blocks.start: has 2 entries, expected corpus.blocks = 3');
    expect(problem((r) => r.blocks.conceptStarts.pop())).toBe('blocks.conceptStarts: has 3 entries, expected corpus.blocks + 1 = 4');
    expect(problem((r) => (r.corpus.documents = 3))).toBe('documents: has 2 entries, expected corpus.documents = 3');
  });

  it('validateResult(…) checks the CSR of coded concepts', () => {
    expect(problem((r) => (r.blocks.conceptStarts = [0, 2, 1, 3]))).toBe('blocks.conceptStarts[2]: got 1, expected at least blocks.conceptStarts[1] = 2');
    expect(problem((r) => (r.blocks.conceptStarts = [1, 2, 3, 3]))).toBe('blocks.conceptStarts[0]: got 1, expected 0');
    expect(problem((r) => (r.blocks.conceptStarts = [0, 2, 3, 2]))).toBe('blocks.conceptStarts[3]: got 2, expected at least blocks.conceptStarts[2] = 3');
    expect(problem((r) => r.blocks.scores.pop())).toBe('blocks.scores: has 2 entries, expected the length of blocks.concepts = 3');
    expect(problem((r) => (r.blocks.conceptStarts[3] = 4))).toBe('blocks.conceptStarts[3]: got 4, expected the length of blocks.concepts = 3');
  });

  it('validateResult(…) checks block rows against their documents', () => {
    expect(problem((r) => (r.blocks.document = [0, 1, 1]))).toBe('blocks.document[1]: got 1, expected 0 (documents[0] holds block 1)');
    expect(problem((r) => (r.blocks.end[2] = 31))).toBe('blocks.end[2]: got 31, beyond the end of documents[1] (length 30)');
    expect(problem((r) => (r.blocks.start[1] = 81))).toBe('blocks.end[1]: got 80, expected at least blocks.start[1] = 81');
    expect(problem((r) => (r.documents[1].blockStart = 1))).toBe('documents[1].blockStart: got 1, expected 2 (documents\' blocks follow each other)');
    expect(problem((r) => (r.blocks.excluded[0] = 2))).toBe('blocks.excluded[0]: got 2, expected an integer from 0 to 1');
  });

  it('validateResult(…) checks concept, theme, speaker and block indices are in range', () => {
    expect(problem((r) => (r.blocks.concepts[2] = 3))).toBe('blocks.concepts[2]: got 3, expected an integer from 0 to 2');
    expect(problem((r) => (r.blocks.speaker[1] = 2))).toBe('blocks.speaker[1]: got 2, expected an integer from -1 to 1');
    expect(problem((r) => (r.concepts[0].theme = 1))).toBe('concepts[0].theme: got 1, expected an integer from -1 to 0');
    expect(problem((r) => (r.concepts[0].quotes = [3]))).toBe('concepts[0].quotes[0]: got 3, expected an integer from 0 to 2');
    expect(problem((r) => (r.themes[0].members = [0, 5]))).toBe('themes[0].members[1]: got 5, expected an integer from 0 to 2');
    expect(problem((r) => (r.themes[0].parent = -1))).toBe('themes[0].parent: got -1, expected an integer from 0 to 2');
    expect(problem((r) => (r.quotes.excerpts[0].block = 3))).toBe('quotes.excerpts[0].block: got 3, expected an integer from 0 to 2');
    expect(problem((r) => (r.concepts[2].id = 0))).toBe('concepts[2].id: 0 is used by an earlier concept');
  });

  it('validateResult(…) checks the co-occurrence is a sparse upper triangle', () => {
    expect(problem((r) => (r.cooccurrence = { a: [1], b: [0], count: [1] }))).toBe('cooccurrence.b[0]: got 0, expected more than cooccurrence.a[0] = 1 (upper triangle)');
    expect(problem((r) => (r.cooccurrence.count = []))).toBe('cooccurrence.count: has 0 entries, expected the length of cooccurrence.a = 1');
  });

  it('validateResult(…) checks a comparison when there is one', () => {
    const comparison = {
      source: 'codes.qdpx',
      codes: [{ name: 'Mentoring', path: ['Mentoring'], segments: 2, blocks: 2, blocksHalf: 1, concept: -1 }],
      cells: [{ concept: 0, code: 0, both: 1, jaccard: 0.5, lift: 1.5, kappa: 0.2 }],
      bestMatch: [{ code: 0, concept: 0, jaccard: 0.5, kappa: 0.2 }],
      assignment: [{ code: 0, concept: 0, jaccard: 0.5, kappa: 0.2 }],
      coverage: 0.5,
      documentKappa: 1,
      themeCells: [],
      unmatchedCodes: [],
      uncoveredConcepts: [{ concept: 1, quotes: [0] }],
      located: 1,
      notes: [],
    };
    expect(validateResult({ ...tiny(), comparison }).comparison).toBe(comparison);
    expect(problem((r) => (r.comparison = { ...comparison, cells: [{ ...comparison.cells[0], code: 1 }] }))).toBe(
      'comparison.cells[0].code: got 1, expected an integer from 0 to 0',
    );
  });

  it('validateResult(…) accepts a context, a title and a code tag’s blocks, and checks them', () => {
    const r = tiny();
    r.context = { window: -1, blocks: [1, 2], text: ['Dan: the second turn', 'the other document'] };
    r.title = 'interviews';
    r.concepts[2]!.blocks = [1];
    expect(validateResult(r)).toBe(r);
    expect(problem((x) => (x.context = { window: -1, blocks: [2, 1], text: ['a', 'b'] }))).toMatch(/^context\.blocks\[1\]: got 1, expected more than 2/);
    expect(problem((x) => (x.context = { window: 2, blocks: [1], text: [] }))).toMatch(/^context\.text: has 0 entries/);
    expect(problem((x) => (x.context = { window: 2, blocks: [3], text: ['a'] }))).toMatch(/^context\.blocks\[0\]/);
    expect(problem((x) => (x.concepts[2].blocks = [7]))).toMatch(/^concepts\[2\]\.blocks\[0\]/);
    expect(problem((x) => (x.title = 3))).toMatch(/^title: got/);
  });
});

