import { describe, expect, it } from 'vitest';
import { computeThemes, pathway, themeColour } from '../../src/index.ts';

const concepts = [
  { label: 'a', x: 0, y: 0, connectedness: 10 },
  { label: 'b', x: 0.1, y: 0, connectedness: 4 },
  { label: 'c', x: 1, y: 0, connectedness: 8 },
  { label: 'd', x: 1.05, y: 0.05, connectedness: 1 },
];

describe('computeThemes', () => {
  it('computeThemes(…) groups concepts within σ × diameter of the most connected ones', () => {
    const themes = computeThemes(concepts, 0.33);
    expect(themes.map((t) => [t.name, t.members, t.connectivity])).toEqual([
      ['a', [0, 1], 14],
      ['c', [2, 3], 9],
    ]);
    expect(themes[1]!.relevance).toBeCloseTo(9 / 14, 12);
    expect(themes[0]!.colour).toBe(themeColour(0, 2));
  });

  it('computeThemes(…) with a larger theme size makes fewer themes', () => {
    expect(computeThemes(concepts, 1).length).toBe(1);
    expect(computeThemes(concepts, 0).length).toBe(4);
  });
});

describe('pathway', () => {
  it('pathway(…) takes the cheapest route on co-occurrence edges', () => {
    const graph = { x: [0, 1, 2, 1], y: [0, 0, 0, 5], a: [0, 1, 0, 2], b: [1, 2, 3, 3], count: [1, 1, 1, 1] };
    expect(pathway(graph, 0, 2)).toEqual([0, 1, 2]);
    expect(pathway({ ...graph, count: [1, 0, 1, 1] }, 0, 2)).toEqual([0, 3, 2]);
    expect(pathway({ ...graph, count: [0, 0, 0, 0] }, 0, 2)).toEqual([]);
  });
});
