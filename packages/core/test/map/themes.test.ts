import { describe, expect, it } from 'vitest';
import { computeThemes, pathway, themeColour } from '../../src/index.ts';

// Two cliques, {a, b, c} and {d, e}, joined by one weak edge c–d; a is the most connected.
const concepts = [
  { label: 'a', x: 0, y: 0, connectedness: 21, count: 25 },
  { label: 'b', x: 0.1, y: 0, connectedness: 18, count: 20 },
  { label: 'c', x: 0.2, y: 0, connectedness: 19, count: 22 },
  { label: 'd', x: 1, y: 0, connectedness: 13, count: 16 },
  { label: 'e', x: 1.05, y: 0.05, connectedness: 12, count: 15 },
];
const edges = { a: [0, 0, 1, 2, 3], b: [1, 2, 2, 3, 4], count: [10, 11, 8, 1, 12] };

describe('computeThemes', () => {
  it('computeThemes(…) groups the communities of the co-occurrence graph, named after their most connected member', () => {
    const themes = computeThemes(concepts, edges, 0.33);
    expect(themes.map((t) => [t.name, t.members, t.connectivity])).toEqual([
      ['a', [0, 1, 2], 58],
      ['d', [3, 4], 25],
    ]);
    expect(themes[1]!.relevance).toBeCloseTo(25 / 58, 12);
    expect(themes[0]!.colour).toBe(themeColour(0, 2));
  });

  it('computeThemes(…) with a larger theme size makes fewer themes, and a theme size of 0 one per concept', () => {
    expect(computeThemes(concepts, edges, 1).length).toBe(1);
    expect(computeThemes(concepts, edges, 0).length).toBe(5);
  });

  it('computeThemes(…) with a fixed count merges the communities whose merge costs least, or splits finer', () => {
    expect(computeThemes(concepts, edges, 0.33, { count: 1 }).map((t) => t.members)).toEqual([[0, 1, 2, 3, 4]]);
    const three = computeThemes(concepts, edges, 0.33, { count: 3 });
    expect(three).toHaveLength(3);
    expect(three.flatMap((t) => t.members).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('computeThemes(…) weighs pairs by association strength: a concept ten times as frequent, meeting each partner ten times as often, leaves the themes as they are', () => {
    // Raw counts as weights split b off a's theme once a is ten times larger ([0, 2], [1], [3, 4]).
    const hub = { a: [...edges.a, 0, 0], b: [...edges.b, 3, 4], count: [...edges.count, 3, 3] };
    const before = computeThemes(concepts, hub, 0.33).map((t) => t.members);
    const bigger = concepts.map((c, i) => (i === 0 ? { ...c, count: c.count * 10 } : c));
    const after = computeThemes(bigger, { ...hub, count: hub.count.map((v, i) => (hub.a[i] === 0 ? v * 10 : v)) }, 0.33).map((t) => t.members);
    expect(before).toEqual([[0, 1, 2], [3, 4]]);
    expect(after).toEqual(before);
  });

  it('computeThemes(…) groups only the included concepts and ignores edges to the others (tags)', () => {
    const themes = computeThemes(concepts, { a: [...edges.a, 0], b: [...edges.b, 9], count: [...edges.count, 99] }, 0.33, { include: [3, 4] });
    expect(themes.map((t) => t.members)).toEqual([[3, 4]]);
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
