/**
 * Greedy label placement: labels are taken in priority order and each gets the first of its
 * candidate positions (around its point, nearest and most readable first, after Imhof 1975,
 * "Positioning names on maps") that stays inside the bounds and overlaps no placed label and no
 * obstacle; a label with no free candidate is left out rather than drawn over another. A grid
 * of buckets keeps each collision check local. Deterministic: same input, same placement.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelRequest {
  /** The point labelled (a concept's dot centre). */
  x: number;
  y: number;
  /** Clearance from the point: the dot radius plus a gap. */
  offset: number;
  width: number;
  height: number;
  /** Candidate positions to try; default: around the point (`around`). */
  candidates?: readonly Candidate[];
}

/** A position relative to the point: the box corner is `(x + dx·offset + ax·width, y + dy·offset + ay·height)`. */
export interface Candidate {
  dx: number;
  dy: number;
  /** Share of the width left of the box corner: 0 = box starts at the point, −1 = ends there, −0.5 = centred. */
  ax: number;
  ay: number;
}

export interface LabelOptions {
  bounds: Box;
  /** Boxes no label may cover (dots, the legend). */
  obstacles?: readonly Box[];
  /** Space kept between two labels. @default 2 */
  padding?: number;
}

const D = Math.SQRT1_2;

/** Right, above, left, below, then the diagonals, then the same farther out. */
export const AROUND: readonly Candidate[] = [
  { dx: 1, dy: 0, ax: 0, ay: -0.5 },
  { dx: 0, dy: -1, ax: -0.5, ay: -1 },
  { dx: -1, dy: 0, ax: -1, ay: -0.5 },
  { dx: 0, dy: 1, ax: -0.5, ay: 0 },
  { dx: D, dy: -D, ax: 0, ay: -1 },
  { dx: D, dy: D, ax: 0, ay: 0 },
  { dx: -D, dy: -D, ax: -1, ay: -1 },
  { dx: -D, dy: D, ax: -1, ay: 0 },
  { dx: 2.2, dy: 0, ax: 0, ay: -0.5 },
  { dx: -2.2, dy: 0, ax: -1, ay: -0.5 },
  { dx: 0, dy: -2.2, ax: -0.5, ay: -1 },
  { dx: 0, dy: 2.2, ax: -0.5, ay: 0 },
];

const CELL = 48;

function overlaps(a: Box, b: Box, pad: number): boolean {
  return a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
}

class BoxGrid {
  private readonly cells = new Map<number, Box[]>();

  private *keys(box: Box, pad: number): Generator<number> {
    const i0 = Math.floor((box.x0 - pad) / CELL);
    const i1 = Math.floor((box.x1 + pad) / CELL);
    const j0 = Math.floor((box.y0 - pad) / CELL);
    const j1 = Math.floor((box.y1 + pad) / CELL);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) yield i * 100_003 + j;
  }

  add(box: Box): void {
    for (const key of this.keys(box, 0)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  hits(box: Box, pad: number): boolean {
    for (const key of this.keys(box, pad)) {
      const cell = this.cells.get(key);
      if (!cell) continue;
      for (const other of cell) if (overlaps(box, other, pad)) return true;
    }
    return false;
  }
}

/**
 * Places `labels` in order (put the most important first). Returns each label's box, or `null`
 * when it could not be placed without an overlap.
 */
export function placeLabels(labels: readonly LabelRequest[], options: LabelOptions): (Box | null)[] {
  const pad = options.padding ?? 2;
  const { bounds } = options;
  const placed = new BoxGrid();
  const obstacles = new BoxGrid();
  for (const box of options.obstacles ?? []) obstacles.add(box);
  return labels.map((label) => {
    for (const c of label.candidates ?? AROUND) {
      const x0 = label.x + c.dx * label.offset + c.ax * label.width;
      const y0 = label.y + c.dy * label.offset + c.ay * label.height;
      const box = { x0, y0, x1: x0 + label.width, y1: y0 + label.height };
      if (box.x0 < bounds.x0 || box.y0 < bounds.y0 || box.x1 > bounds.x1 || box.y1 > bounds.y1) continue;
      if (obstacles.hits(box, 0) || placed.hits(box, pad)) continue;
      placed.add(box);
      return box;
    }
    return null;
  });
}
