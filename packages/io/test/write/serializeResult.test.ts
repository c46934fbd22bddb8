import { describe, expect, it } from 'vitest';
import { validateResult } from '@leximap/core';
import { serializeResult } from '../../src/write/serializeResult.ts';
import { tinyResult } from '../fixtures/tinyResult.ts';

describe('serializeResult', () => {
  it('serializeResult(…) writes keys in the order they were built, indented by two spaces', () => {
    const text = serializeResult(tinyResult());
    expect(text.startsWith('{\n  "schemaVersion": 6,\n  "generator": {\n    "name": "leximap",\n    "version": "0.1.0",')).toBe(true);
    expect(text.endsWith('    "bestStart": 0\n  }\n}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toStrictEqual(Object.keys(tinyResult()));
  });

  it('serializeResult(…) writes each column of blocks and cooccurrence on one line', () => {
    const text = serializeResult(tinyResult());
    expect(text).toContain(
      [
        '  "blocks": {',
        '    "document": [0,0,1],',
        '    "paragraph": [0,1,0],',
        '    "start": [0,40,0],',
        '    "end": [38,80,30],',
        '    "speaker": [0,1,-1],',
        '    "conceptStarts": [0,2,3,3],',
        '    "concepts": [0,1,0],',
        '    "scores": [4.12346,2.5,0.333333],',
        '    "excluded": [1,0,0]',
        '  },',
      ].join('\n'),
    );
    expect(text).toContain('  "cooccurrence": {\n    "a": [0],\n    "b": [1],\n    "count": [1]\n  },');
  });

  it('serializeResult(…) rounds floats to 6 significant digits and leaves integers alone', () => {
    const result = tinyResult();
    result.corpus.tokens = 123456789;
    const parsed = JSON.parse(serializeResult(result));
    expect(parsed.concepts[0].x).toBe(0.123457);
    expect(parsed.concepts[1].x).toBe(-0.333333);
    expect(parsed.concepts[0].thesaurus[0].weight).toBe(2.34568);
    expect(parsed.themes[0].radius).toBe(0.707107);
    expect(parsed.layout.stress).toBe(0.0123457);
    expect(parsed.corpus.tokens).toBe(123456789);
  });

  it('serializeResult(…) gives the same bytes for the same result, and a valid result', () => {
    const text = serializeResult(tinyResult());
    expect(serializeResult(tinyResult())).toBe(text);
    expect(serializeResult(validateResult(JSON.parse(text)))).toBe(text);
  });

  it('serializeResult(…) does not grow by a line per block', () => {
    const big = tinyResult();
    const n = 100_000;
    big.corpus.blocks = n;
    big.documents[1]!.blockEnd = n;
    big.documents[1]!.length = 2 * n;
    big.blocks = {
      document: Array.from({ length: n }, (_, i) => (i < 2 ? 0 : 1)),
      paragraph: new Array<number>(n).fill(0),
      start: Array.from({ length: n }, (_, i) => (i < 2 ? 0 : i)),
      end: Array.from({ length: n }, (_, i) => (i < 2 ? 1 : i + 1)),
      speaker: new Array<number>(n).fill(-1),
      conceptStarts: new Array<number>(n + 1).fill(0),
      concepts: [],
      scores: [],
      excluded: new Array<number>(n).fill(0),
    };
    const lines = (text: string): number => text.split('\n').length;
    const text = serializeResult(big);
    expect(lines(text)).toBe(lines(serializeResult(tinyResult())));
    expect(text.length).toBeLessThan(2_500_000);
    expect(() => validateResult(JSON.parse(text))).not.toThrow();
  });

  it('serializeResult(…) writes typed arrays as arrays and leaves out undefined fields', () => {
    const result = tinyResult();
    result.layout.stresses = Float64Array.of(0.5, 1 / 7) as unknown as number[];
    result.concepts[0]!.category = undefined;
    const parsed = JSON.parse(serializeResult(result));
    expect(parsed.layout.stresses).toStrictEqual([0.5, 0.142857]);
    expect('category' in parsed.concepts[0]).toBe(false);
  });

  it('serializeResult(…) refuses NaN and Infinity with E_BAD_RESULT naming the path', () => {
    const result = tinyResult();
    result.concepts[1]!.y = Number.NaN;
    expect(() => serializeResult(result)).toThrow(expect.objectContaining({ code: 'E_BAD_RESULT', message: 'concepts[1].y: got NaN, which JSON cannot hold; expected a finite number' }));
    const columns = tinyResult();
    columns.blocks.scores[2] = Infinity;
    expect(() => serializeResult(columns)).toThrow('blocks.scores: got Infinity');
  });
});
