import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTextShard, DEFAULTS, findLongTokens, loadNlp, maskLongTokens, MAX_TOKEN_LENGTH, mergeShards, sliceCodePoints, type Document } from '../../src/index.ts';

await loadNlp();

describe('maskLongTokens', () => {
  it('maskLongTokens(…) blanks runs without a space longer than MAX_TOKEN_LENGTH, keeping the length, and nothing else', () => {
    const run = 'ab1-'.repeat(300);
    const text = `short words ${'y'.repeat(MAX_TOKEN_LENGTH)} ${run}\tend`;
    const masked = maskLongTokens(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toBe(`short words ${'y'.repeat(MAX_TOKEN_LENGTH)} ${' '.repeat(run.length)}\tend`);
    expect(findLongTokens(text)).toEqual([{ start: 13 + MAX_TOKEN_LENGTH, end: 13 + MAX_TOKEN_LENGTH + run.length }]);
  });
});

describe('findLongTokens', () => {
  it('findLongTokens(…) finds the runs the plain regexp \\S{1001,} finds, on random runs and spaces', () => {
    const spaces = [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff'];
    const segment = fc.record({ length: fc.integer({ min: 0, max: 2 * MAX_TOKEN_LENGTH + 10 }), char: fc.constantFrom('x', 'é', '😀', '-'), space: fc.constantFrom(...spaces) });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const text = segments.map((s) => s.char.repeat(Math.ceil(s.length / s.char.length)) + s.space).join('');
        const plain = [...text.matchAll(new RegExp(`\\S{${MAX_TOKEN_LENGTH + 1},}`, 'g'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        expect(findLongTokens(text)).toEqual(plain);
        expect(maskLongTokens(text)).toBe(text.replace(new RegExp(`\\S{${MAX_TOKEN_LENGTH + 1},}`, 'g'), (run) => ' '.repeat(run.length)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildTextShard with an absurd token', () => {
  it('buildTextShard(…) leaves a 200 k-character run out of the terms, with every block offset still right', () => {
    const run = 'qwertyuiop'.repeat(20_000);
    const text = `😀 Mentors help new editors. The mentors answer questions.\n\nEditors ${run} read the policies. Mentors explain the policies.`;
    const document: Document = { id: 'd', name: 'd', tags: [], text, paragraphs: [{ start: 0, end: 59 }, { start: 61, end: text.length }] };
    // Without the mask, wink-nlp takes seconds on this run (78 s on 400 k characters) and makes it a term.
    const stats = mergeShards([buildTextShard([document], DEFAULTS)]);
    expect(stats.terms.some((t) => t.length > MAX_TOKEN_LENGTH)).toBe(false);
    expect(stats.terms).toEqual(expect.arrayContaining(['mentor', 'editor', 'policy']));
    const slices = Array.from({ length: stats.blocks.doc.length }, (_, b) => sliceCodePoints(text, stats.blocks.start[b]!, stats.blocks.end[b]!));
    expect(slices[0]).toBe('😀 Mentors help new editors. The mentors answer questions.');
    expect(slices.at(-1)!.endsWith('Mentors explain the policies.')).toBe(true);
  });
});

describe('buildTextShard on a document over 1 MiB', () => {
  it('buildTextShard(…) reads a long document in passes cut between paragraphs, every block where it belongs', () => {
    const paragraph = 'Mentors help new editors. The library hosts workshops.';
    const count = 25_000;
    const text = Array.from({ length: count }, () => paragraph).join('\n\n');
    const paragraphs = Array.from({ length: count }, (_, i) => ({ start: i * (paragraph.length + 2), end: i * (paragraph.length + 2) + paragraph.length }));
    const stats = mergeShards([buildTextShard([{ id: 'd', name: 'd', tags: [], text, paragraphs }], DEFAULTS)]);
    expect(text.length).toBeGreaterThan(2 ** 20);
    expect(stats.blocks.doc.length).toBe(count);
    const terms = (b: number): string[] => Array.from(stats.blockTerms.subarray(stats.blockTermStarts[b], stats.blockTermStarts[b + 1]), (t) => stats.terms[t]!);
    const first = terms(0).join(' ');
    const misplaced: number[] = [];
    for (let b = 0; b < count; b++) {
      if (text.slice(stats.blocks.start[b], stats.blocks.end[b]) !== paragraph || terms(b).join(' ') !== first) misplaced.push(b);
    }
    expect(misplaced).toEqual([]);
    expect(first).toBe('mentor help editor library host workshop');
  });
});
