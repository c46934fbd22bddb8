import { describe, expect, it } from 'vitest';
import { blockSentiment, loadSentiment, summarizeSentiment, vaderScore, type Document } from '../../src/index.ts';

await loadSentiment();

/** VADER's normalisation of a sum of valences: x / √(x² + 15). */
const normalise = (x: number): number => x / Math.sqrt(x * x + 15);

describe('vaderScore', () => {
  it('vaderScore(…) of one lexicon word is its valence normalised: "disaster" −3.1', () => {
    expect(vaderScore('It was a disaster.')).toBeCloseTo(normalise(-3.1), 4); // −0.6249
  });

  it('vaderScore(…) negates a valence after "not" (× −0.74): "good" 1.9', () => {
    expect(vaderScore('This is not good.')).toBeCloseTo(normalise(1.9 * -0.74), 4); // −0.3412
  });

  it('vaderScore(…) adds a booster to the next word (+0.293) and, damped by 0.9, to the word three on', () => {
    // helpful 1.8 + 0.293; kind 2.4 + 0.293 × 0.9
    expect(vaderScore('The volunteers were very helpful and kind.')).toBeCloseTo(normalise(1.8 + 0.293 + 2.4 + 0.293 * 0.9), 4); // 0.7755
  });

  it('vaderScore(…) of a text without lexicon words is 0', () => {
    expect(vaderScore('We met at the library on Tuesday.')).toBe(0);
  });
});

describe('blockSentiment', () => {
  const text = 'It was a disaster. We met at the library.';
  const doc: Document = { id: 'd', name: 'd', tags: [], text, paragraphs: [{ start: 0, end: text.length }] };
  const blocks = { blockDoc: Uint32Array.of(0, 0), blockStart: Uint32Array.of(0, 19), blockEnd: Uint32Array.of(18, text.length) };

  it('blockSentiment(…) scores each English block on its own text, and masks markup', () => {
    const withMarkup = { ...doc, text: 'It was a disaster. Great, we met.' };
    const second = { ...blocks, blockEnd: Uint32Array.of(18, withMarkup.text.length) };
    expect(Array.from(blockSentiment([doc], ['en'], blocks, []))).toEqual([vaderScore('It was a disaster.'), 0]);
    // "Great" has a valence (3.1); given as markup it is masked and the block is neutral.
    expect(blockSentiment([withMarkup], ['en'], second, [])[1]).toBeCloseTo(normalise(3.1), 4);
    expect(blockSentiment([withMarkup], ['en'], second, ['Great'])[1]).toBe(0);
  });

  it('blockSentiment(…) gives NaN to a block in a language without a lexicon', () => {
    expect(Number.isNaN(blockSentiment([doc], ['da'], blocks, [])[0])).toBe(true);
  });
});

describe('summarizeSentiment', () => {
  const scores = Float64Array.of(0.7755, -0.6249, 0, NaN, 0.05, -0.05);

  it('summarizeSentiment(…) averages the scored blocks and counts positive (≥ 0.05) and negative (≤ −0.05) ones', () => {
    const s = summarizeSentiment([0, 1, 2, 3, 4, 5], scores)!;
    expect(s.blocks).toBe(5);
    expect(s.mean).toBeCloseTo((0.7755 - 0.6249 + 0 + 0.05 - 0.05) / 5, 10);
    expect(s.positive).toBe(2 / 5);
    expect(s.negative).toBe(2 / 5);
  });

  it('summarizeSentiment(…) leaves out excluded blocks, and gives undefined when no block has a score', () => {
    expect(summarizeSentiment([0, 1], scores, Uint8Array.of(0, 1))).toEqual({ mean: 0.7755, positive: 1, negative: 0, blocks: 1 });
    expect(summarizeSentiment([3], scores)).toBeUndefined();
  });
});
