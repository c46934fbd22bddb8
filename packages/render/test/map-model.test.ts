import { describe, expect, it } from 'vitest';
import { computeThemes } from '@leximap/core';
import { buildMapModel, defaultView, placeMapLabels, visibleConcepts } from '../src/map-model.ts';
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

  it('recomputes themes with computeThemes when the theme size changes', () => {
    const model = buildMapModel(result, { ...defaultView(result), themeSize: 0.12 }, area);
    const expected = computeThemes(result.concepts, result.cooccurrence, 0.12, { include: visibleConcepts(result, 1) });
    expect(model.themes.map((t) => t.name)).toEqual(expected.map((t) => t.name));
    expect(model.themes.length).toBeGreaterThan(result.themes.length);
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
});
