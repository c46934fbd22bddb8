import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../src/labels.ts';
import type { Box, LabelRequest } from '../src/labels.ts';

const bounds = { x0: 0, y0: 0, x1: 400, y1: 300 };

function overlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

describe('placeLabels', () => {
  it('puts a lone label to the right of its point, vertically centred', () => {
    const [box] = placeLabels([{ x: 100, y: 100, offset: 5, width: 40, height: 10 }], { bounds });
    expect(box).toEqual({ x0: 105, y0: 95, x1: 145, y1: 105 });
  });

  it('moves a second label at the same point to the first free candidate (left, since above would touch the first)', () => {
    const label = { x: 100, y: 100, offset: 5, width: 40, height: 10 };
    const [first, second] = placeLabels([label, label], { bounds });
    expect(first).toEqual({ x0: 105, y0: 95, x1: 145, y1: 105 });
    expect(second).toEqual({ x0: 55, y0: 95, x1: 95, y1: 105 });
  });

  it('leaves out a label that fits nowhere instead of overlapping', () => {
    const tight = { x0: 0, y0: 0, x1: 60, y1: 20 };
    const label = { x: 10, y: 10, offset: 2, width: 40, height: 10 };
    const boxes = placeLabels([label, label, label, label, label], { bounds: tight, padding: 0 });
    expect(boxes.filter((b) => b === null).length).toBeGreaterThan(0);
  });

  it('keeps labels off obstacles and inside the bounds', () => {
    const [box] = placeLabels([{ x: 395, y: 100, offset: 3, width: 30, height: 10 }], { bounds, obstacles: [{ x0: 350, y0: 80, x1: 392, y1: 94 }] });
    expect(box).not.toBeNull();
    expect(box!.x1).toBeLessThanOrEqual(400);
    expect(overlap(box!, { x0: 350, y0: 80, x1: 392, y1: 94 })).toBe(false);
  });

  it('never places two labels that overlap, nor one outside the bounds or on an obstacle, on random maps', () => {
    const label = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      offset: fc.integer({ min: 2, max: 12 }),
      width: fc.integer({ min: 10, max: 120 }),
      height: fc.integer({ min: 8, max: 18 }),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 80 }), (labels: LabelRequest[]) => {
        const obstacles = labels.map((l) => ({ x0: l.x - 2, y0: l.y - 2, x1: l.x + 2, y1: l.y + 2 }));
        const boxes = placeLabels(labels, { bounds, obstacles, padding: 0 });
        const placed = boxes.filter((b): b is Box => b !== null);
        for (let i = 0; i < placed.length; i++) {
          const a = placed[i]!;
          expect(a.x0 >= bounds.x0 && a.y0 >= bounds.y0 && a.x1 <= bounds.x1 && a.y1 <= bounds.y1).toBe(true);
          for (let j = i + 1; j < placed.length; j++) expect(overlap(a, placed[j]!)).toBe(false);
          for (const o of obstacles) expect(overlap(a, o)).toBe(false);
        }
        expect(placeLabels(labels, { bounds, obstacles, padding: 0 })).toEqual(boxes);
      }),
      { numRuns: 200 },
    );
  });
});
