import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointSlicer, documentSlicers, sliceCodePoints } from '../../src/index.ts';

/** The plain definition: the code points of the text, cut and joined. */
function reference(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, Math.max(start, end)).join('');
}

describe('slicing by code points', () => {
  it('codePointSlicer(…) cuts every span as the code points themselves would, with and without surrogate pairs', () => {
    const piece = fc.constantFrom('a', 'é', ' ', '\n', '😀', '𝔸', 'ß', '中');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(45), fc.nat(45)), { maxLength: 10 }), (pieces, spans) => {
        const text = pieces.join('');
        const slice = codePointSlicer(text);
        for (const [start, end] of spans) {
          expect(slice(start, end)).toBe(reference(text, start, end));
          expect(sliceCodePoints(text, start, end)).toBe(reference(text, start, end));
        }
      }),
    );
  });

  it('documentSlicers(…) reads each document once and slices any of them', () => {
    const texts = ['I 😀 like', 'plain text'];
    const asked: number[] = [];
    const slice = documentSlicers((d) => (asked.push(d), texts[d]!));
    expect(slice(0, 2, 3)).toBe('😀');
    expect(slice(1, 6, 10)).toBe('text');
    expect(slice(0, 4, 8)).toBe('like');
    expect(asked).toEqual([0, 1]);
  });
});
