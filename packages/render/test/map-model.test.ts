import { describe, expect, it } from 'vitest';
import { computeThemes } from '@leximap/core';
import { buildMapModel, defaultView, enclose, placeMapLabels, visibleConcepts } from '../src/map-model.ts';
import { mapTitle } from '../src/defaults.ts';
import { makeFixtureResult } from './fixtures/make-result.ts';

const result = makeFixtureResult();
const area = { x0: 0, y0: 0, x1: 900, y1: 640 };
const learned = result.concepts.filter((c) => c.kind !== 'tag').length;

describe('buildMapModel', () => {
  it('draws every learned concept and the result’s own themes in the default view', () => {
    const model = buildMapModel(result, defaultView(result), area);
    expect(model.concepts).toHaveLength(learned);
    expect(model.themes.map((t) => t.name)).toEqual(result.themes.map((t) => t.name));
  });

  it('recomputes themes with computeThemes when the theme size changes, nested with the result’s own', () => {
    const model = buildMapModel(result, { ...defaultView(result), themeSize: 0.12 }, area);
    const nest = { theme: result.concepts.map((c) => c.theme), themeSize: result.parameters.themeSize };
    const expected = computeThemes(result.concepts, result.cooccurrence, 0.12, { include: visibleConcepts(result, 1), nest });
    expect(model.themes.map((t) => t.name)).toEqual(expected.map((t) => t.name));
    expect(model.themes.length).toBeGreaterThan(result.themes.length);
    for (const t of model.themes) expect(new Set(t.members.map((m) => result.concepts[m]!.theme))).toHaveLength(1);
  });

  it('shows the most frequent concepts first when the visible share drops', () => {
    const model = buildMapModel(result, { ...defaultView(result), visible: 0.25 }, area);
    const counts = model.concepts.map((c) => result.concepts[c.index]!.count);
    const threshold = Math.min(...counts);
    expect(model.concepts).toHaveLength(Math.round(0.25 * learned));
    expect(result.concepts.filter((c) => c.kind !== 'tag' && c.count > threshold).length).toBeLessThan(model.concepts.length);
  });

  it('keeps every dot and theme circle inside the area, and rotation keeps the distances between dots in proportion', () => {
    const plain = buildMapModel(result, defaultView(result), area);
    const turned = buildMapModel(result, { ...defaultView(result), rotation: 90 }, area);
    for (const model of [plain, turned]) {
      for (const c of model.concepts) expect(c.x >= 0 && c.x <= 900 && c.y >= 0 && c.y <= 640).toBe(true);
      for (const t of model.themes) expect(t.x - t.r >= -1 && t.x + t.r <= 901 && t.y - t.r >= -1 && t.y + t.r <= 641).toBe(true);
    }
    const d = (m: typeof plain, i: number, j: number): number => Math.hypot(m.concepts[i]!.x - m.concepts[j]!.x, m.concepts[i]!.y - m.concepts[j]!.y);
    const ratio = d(turned, 0, 1) / d(plain, 0, 1);
    expect(d(turned, 2, 7) / d(plain, 2, 7)).toBeCloseTo(ratio, 6);
  });

  it('adds the tags of the chosen categories only', () => {
    const model = buildMapModel(result, { ...defaultView(result), tagCategories: ['speaker'] }, area);
    const tags = model.concepts.filter((c) => c.kind === 'tag');
    expect(tags.length).toBe(8);
    expect(new Set(tags.map((t) => t.category))).toEqual(new Set(['speaker']));
  });
});

describe('placeMapLabels', () => {
  it('labels the theme names first and never lets two labels overlap', () => {
    const model = buildMapModel(result, defaultView(result), area);
    const labels = placeMapLabels(model);
    expect(labels.slice(0, model.themes.length).every((l) => l.of === 'theme')).toBe(true);
    expect(labels.filter((l) => l.of === 'concept').length).toBeGreaterThan(learned * 0.8);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!.box;
        const b = labels[j]!.box;
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
    }
  });

  it('puts each theme name next to its parent concept’s dot, in place of that concept’s own label', () => {
    const model = buildMapModel(result, defaultView(result), area);
    const labels = placeMapLabels(model);
    for (const label of labels.filter((l) => l.of === 'theme')) {
      const theme = model.themes[label.index]!;
      const parent = model.concepts.find((c) => c.index === theme.parent)!;
      const gap = Math.max(label.box.x0 - parent.x, parent.x - label.box.x1, label.box.y0 - parent.y, parent.y - label.box.y1);
      expect(gap).toBeLessThan(parent.r + 3 * 2.2 + 1 + label.box.y1 - label.box.y0);
      if (theme.name === parent.label) expect(labels.some((l) => l.of === 'concept' && model.concepts[l.index]!.index === theme.parent)).toBe(false);
    }
  });

  it('names every concept with all = true, where the fitted labels leave some out', () => {
    const small = { x0: 0, y0: 0, x1: 360, y1: 260 };
    const model = buildMapModel(result, defaultView(result), small);
    const fitted = placeMapLabels(model, {}, small);
    const all = placeMapLabels(model, {}, small, true);
    const named = (labels: typeof all): Set<number> => new Set(labels.filter((l) => l.of === 'concept').map((l) => l.index));
    const parents = new Set(model.themes.filter((t) => model.concepts.some((c) => c.index === t.parent && c.label === t.name)).map((t) => t.parent));
    expect(named(fitted).size + parents.size).toBeLessThan(model.concepts.length);
    expect(named(all).size + parents.size).toBe(model.concepts.length);
  });
});

describe('enclose', () => {
  it('enclose(dots) holds every dot and is no wider than half the farthest pair plus the largest dot and the margin', () => {
    const dots = [
      { x: 0, y: 0, r: 3 },
      { x: 100, y: 0, r: 5 },
      { x: 50, y: 10, r: 4 },
    ];
    const c = enclose(dots);
    for (const d of dots) expect(Math.hypot(d.x - c.x, d.y - c.y) + d.r).toBeLessThanOrEqual(c.r + 1e-9);
    expect(c.r).toBeLessThanOrEqual(50 + 5 + 12 + 1e-9);
    expect(c.r).toBeGreaterThan(50);
  });
});

describe('mapTitle', () => {
  it('mapTitle(result, title) prefers the title asked for, then the result’s corpus name, then "Concept map"', () => {
    expect(mapTitle({ title: 'interviews' }, 'Study A')).toBe('Study A');
    expect(mapTitle({ title: 'interviews' })).toBe('interviews');
    expect(mapTitle({})).toBe('Concept map');
  });
});
