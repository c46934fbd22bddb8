/**
 * The map as pixel geometry, shared by the static SVG and the viewer so both draw the same map:
 * which concepts are visible, their themes (recomputed with the core's `regroupThemes` when the
 * view differs from the result's), dots sized by count, links by co-occurrence strength and
 * non-overlapping labels. Pure: no DOM, no file system.
 */
import { regroupThemes } from '@leximap/core';
import { packEnclose } from 'd3-hierarchy';
import type { LeximapResult, ResultTheme } from '@leximap/core';
import { AROUND, placeLabels } from './labels.ts';
import type { Box, Candidate, LabelRequest } from './labels.ts';
import { textWidth } from './text-width.ts';

/** What part of the map is shown, as the viewer's sliders set it. */
export interface MapView {
  /** Share of the learned concepts shown, the most frequent first, 0–1. @default 1 */
  visible: number;
  /** Theme size σ. @default result.parameters.themeSize */
  themeSize: number;
  /** Rotation of the map in degrees, clockwise. @default 0 */
  rotation: number;
  /** Tag categories drawn on the map (`speaker`, `file`, `folder`, `code` …). @default [] */
  tagCategories: readonly string[];
}

export interface MapConcept {
  /** Index into `result.concepts`. */
  index: number;
  label: string;
  kind: 'word' | 'name' | 'user' | 'tag';
  category: string | undefined;
  x: number;
  y: number;
  /** Dot radius in pixels. */
  r: number;
  colour: string;
  /** Index into `MapModel.themes`, or -1. */
  theme: number;
  /** Share of the stability resamples that find the concept again, when the result has them. */
  stability?: number;
}

export interface MapTheme extends ResultTheme {
  /** Radius of the drawn circle in pixels: the smallest circle around the members' dots, plus a margin. */
  r: number;
  /** A darker shade of `colour` that reads on white, for the theme's name. */
  ink: string;
}

export interface MapLink {
  /** Indices into `MapModel.concepts`. */
  a: number;
  b: number;
  count: number;
  /** Ochiai association count / √(count_a · count_b), 0–1. */
  strength: number;
}

export interface MapModel {
  area: Box;
  concepts: MapConcept[];
  themes: MapTheme[];
  links: MapLink[];
  /** Number of learned concepts in the result (visible or not). */
  learned: number;
}

export interface MapLabel {
  /** `theme` or `concept`, and the index into that list of the model. */
  of: 'theme' | 'concept';
  index: number;
  text: string;
  box: Box;
  /** Baseline of the text, drawn from `box.x0`. */
  baseline: number;
  fontSize: number;
  bold: boolean;
}

export interface LabelStyle {
  /** @default 12 */
  fontSize: number;
  /** @default 14 */
  themeFontSize: number;
  /** Width of a text in pixels; default: DejaVu Sans metrics. */
  measure: (text: string, fontSize: number, bold: boolean) => number;
}

export const DEFAULT_LABEL_STYLE: LabelStyle = { fontSize: 12, themeFontSize: 14, measure: textWidth };

const THEME_PAD = 12;
const MIN_THEME_RADIUS = 24;

/** Full view of a result: every concept, the result's theme size, no rotation, no tags. */
export function defaultView(result: LeximapResult): MapView {
  return { visible: 1, themeSize: result.parameters.themeSize, rotation: 0, tagCategories: [] };
}

/** `colour` mixed with black, for text in that colour on a light background. */
export function shade(colour: string, amount: number): string {
  const value = Number.parseInt(colour.slice(1), 16);
  const channel = (shift: number): string =>
    Math.round(((value >> shift) & 255) * (1 - amount))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

/** Dot radius of a concept by its relevance (count / the largest count). */
export function dotRadius(relevance: number): number {
  return 3 + 6 * Math.sqrt(Math.max(0, Math.min(1, relevance)));
}

/** Indices of the learned concepts shown at `visible`, most frequent first. */
export function visibleConcepts(result: LeximapResult, visible: number): number[] {
  const learned: number[] = [];
  result.concepts.forEach((c, i) => {
    if (c.kind !== 'tag') learned.push(i);
  });
  learned.sort((i, j) => result.concepts[j]!.count - result.concepts[i]!.count || i - j);
  const keep = Math.max(Math.min(1, learned.length), Math.round(Math.max(0, Math.min(1, visible)) * learned.length));
  return learned.slice(0, keep);
}

/** The themes of a view: the result's own at its theme size with every concept shown, else recomputed. */
export function viewThemes(result: LeximapResult, view: MapView, shown: readonly number[]): ResultTheme[] {
  const learned = result.concepts.filter((c) => c.kind !== 'tag').length;
  if (shown.length === learned && view.themeSize === result.parameters.themeSize && result.themes.length > 0) return result.themes;
  return regroupThemes(result, view.themeSize, { include: shown });
}

/** Places the concepts of `view` in `area` (pixels), with their themes and links. */
export function buildMapModel(result: LeximapResult, view: MapView, area: Box): MapModel {
  const shown = visibleConcepts(result, view.visible);
  const tags: number[] = [];
  if (view.tagCategories.length > 0) {
    const categories = new Set(view.tagCategories);
    result.concepts.forEach((c, i) => {
      if (c.kind === 'tag' && categories.has(c.category ?? '')) tags.push(i);
    });
  }
  const themes = viewThemes(result, view, shown);

  // Rotate about the centre of all learned concepts and fit all of them, so moving the
  // visible-concepts slider does not move the dots that stay.
  const all = visibleConcepts(result, 1);
  let cx = 0;
  let cy = 0;
  for (const i of all) {
    cx += result.concepts[i]!.x;
    cy += result.concepts[i]!.y;
  }
  cx /= all.length || 1;
  cy /= all.length || 1;
  const angle = (view.rotation * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const rotate = (x: number, y: number): [number, number] => [
    (x - cx) * cos - (y - cy) * sin,
    (x - cx) * sin + (y - cy) * cos,
  ];
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const i of [...all, ...tags]) {
    const [x, y] = rotate(result.concepts[i]!.x, result.concepts[i]!.y);
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  if (!Number.isFinite(x0)) x0 = x1 = y0 = y1 = 0;
  const themeOf = new Map<number, number>();
  themes.forEach((t, k) => {
    for (const m of t.members) themeOf.set(m, k);
  });
  const ids = [...shown, ...tags];
  const place = (scale: number, ox: number, oy: number): { concepts: MapConcept[]; themes: MapTheme[] } => {
    const concepts = ids.map((i): MapConcept => {
      const c = result.concepts[i]!;
      const [x, y] = rotate(c.x, c.y);
      const theme = themeOf.get(i) ?? -1;
      return {
        index: i,
        label: c.label,
        kind: c.kind,
        category: c.category,
        x: ox + x * scale,
        y: oy + y * scale,
        r: c.kind === 'tag' ? 5 : dotRadius(c.relevance),
        colour: theme >= 0 ? themes[theme]!.colour : '#6b7280',
        theme,
        ...(c.stability !== undefined ? { stability: c.stability } : {}),
      };
    });
    const position = new Map<number, number>();
    concepts.forEach((c, k) => position.set(c.index, k));
    const placed = themes.map((t): MapTheme => ({ ...t, ...enclose(t.members.map((m) => concepts[position.get(m)!]!)), ink: shade(t.colour, 0.45) }));
    return { concepts, themes: placed };
  };

  // Fit the dots first, then shrink or grow until the theme circles and the room for labels
  // around the dots fit the area too (circle padding is in pixels, so this takes a few rounds).
  const areaWidth = Math.max(1, area.x1 - area.x0);
  const areaHeight = Math.max(1, area.y1 - area.y0);
  let scale = Math.min((areaWidth * 0.8) / Math.max(1e-9, x1 - x0), (areaHeight * 0.8) / Math.max(1e-9, y1 - y0));
  let ox = (area.x0 + area.x1) / 2 - ((x0 + x1) / 2) * scale;
  let oy = (area.y0 + area.y1) / 2 - ((y0 + y1) / 2) * scale;
  let drawn = place(scale, ox, oy);
  for (let round = 0; round < 4; round++) {
    let bx0 = Infinity;
    let bx1 = -Infinity;
    let by0 = Infinity;
    let by1 = -Infinity;
    for (const c of drawn.concepts) {
      bx0 = Math.min(bx0, c.x - 60);
      bx1 = Math.max(bx1, c.x + 60);
      by0 = Math.min(by0, c.y - 20);
      by1 = Math.max(by1, c.y + 20);
    }
    for (const t of drawn.themes) {
      bx0 = Math.min(bx0, t.x - t.r - 4);
      bx1 = Math.max(bx1, t.x + t.r + 4);
      by0 = Math.min(by0, t.y - t.r - 22);
      by1 = Math.max(by1, t.y + t.r + 4);
    }
    if (!Number.isFinite(bx0)) break;
    const factor = Math.min(areaWidth / (bx1 - bx0), areaHeight / (by1 - by0));
    // Map the box centre to the area centre, scaling about the data origin.
    const cxData = ((bx0 + bx1) / 2 - ox) / scale;
    const cyData = ((by0 + by1) / 2 - oy) / scale;
    scale *= factor;
    ox = (area.x0 + area.x1) / 2 - cxData * scale;
    oy = (area.y0 + area.y1) / 2 - cyData * scale;
    drawn = place(scale, ox, oy);
    if (Math.abs(factor - 1) < 0.005) break;
  }
  const { concepts, themes: mapThemes } = drawn;
  const position = new Map<number, number>();
  concepts.forEach((c, k) => position.set(c.index, k));

  const links = strongestLinks(result, concepts, position);
  return { area, concepts, themes: mapThemes, links, learned: all.length };
}

/** Each visible learned concept's three strongest links (Ochiai ≥ 0.1), both ends visible. */
function strongestLinks(result: LeximapResult, concepts: readonly MapConcept[], position: ReadonlyMap<number, number>): MapLink[] {
  const { a, b, count } = result.cooccurrence;
  const candidates: MapLink[] = [];
  for (let k = 0; k < a.length; k++) {
    const pa = position.get(a[k]!);
    const pb = position.get(b[k]!);
    if (pa === undefined || pb === undefined) continue;
    const ca = result.concepts[a[k]!]!;
    const cb = result.concepts[b[k]!]!;
    if (ca.kind === 'tag' || cb.kind === 'tag') continue;
    const strength = count[k]! / Math.sqrt(Math.max(1, ca.count) * Math.max(1, cb.count));
    if (strength >= 0.1) candidates.push({ a: pa, b: pb, count: count[k]!, strength: Math.min(1, strength) });
  }
  candidates.sort((p, q) => q.strength - p.strength || p.a - q.a || p.b - q.b);
  const degree = new Uint16Array(concepts.length);
  const links: MapLink[] = [];
  for (const link of candidates) {
    if (degree[link.a]! >= 3 && degree[link.b]! >= 3) continue;
    degree[link.a]!++;
    degree[link.b]!++;
    links.push(link);
  }
  return links.sort((p, q) => p.a - q.a || p.b - q.b);
}

const D = Math.SQRT1_2;
const THEME_CANDIDATES: readonly Candidate[] = [
  { dx: 0, dy: -1, ax: -0.5, ay: -1 },
  { dx: D, dy: -D, ax: 0, ay: -1 },
  { dx: -D, dy: -D, ax: -1, ay: -1 },
  { dx: 0, dy: 1, ax: -0.5, ay: 0 },
  { dx: D, dy: D, ax: 0, ay: 0 },
  { dx: -D, dy: D, ax: -1, ay: 0 },
  { dx: 0, dy: -0.8, ax: -0.5, ay: 0 },
  { dx: 0, dy: 0.8, ax: -0.5, ay: -1 },
];

/**
 * Labels of the model that fit without overlapping: theme names first (by rank), each next to
 * its parent concept's dot (it stands for that concept's label when the theme bears its name),
 * then concepts by count, then tags. A label never covers a dot or another label; with `all`,
 * a concept label that found no free place is drawn anyway at its first place (for an export
 * that must name every concept), over whatever is there.
 */
export function placeMapLabels(model: MapModel, style: Partial<LabelStyle> = {}, bounds: Box = model.area, all = false): MapLabel[] {
  const { fontSize, themeFontSize, measure } = { ...DEFAULT_LABEL_STYLE, ...style };
  const height = (size: number): number => Math.ceil(size * 1.2);
  const requests: LabelRequest[] = [];
  const meta: Omit<MapLabel, 'box' | 'baseline'>[] = [];
  const position = new Map<number, number>();
  model.concepts.forEach((c, k) => position.set(c.index, k));
  const namedBy = new Set<number>();
  model.themes.forEach((t, k) => {
    const p = position.get(t.parent);
    const parent = p === undefined ? undefined : model.concepts[p];
    if (parent && parent.label === t.name) namedBy.add(p!);
    const at = parent ? { x: parent.x, y: parent.y, offset: parent.r + 3, candidates: AROUND } : { x: t.x, y: t.y, offset: t.r + 2, candidates: THEME_CANDIDATES };
    requests.push({ ...at, width: measure(t.name, themeFontSize, true), height: height(themeFontSize) });
    meta.push({ of: 'theme', index: k, text: t.name, fontSize: themeFontSize, bold: true });
  });
  const order = model.concepts.map((_, k) => k).filter((k) => !namedBy.has(k));
  const weight = (k: number): number => (model.concepts[k]!.kind === 'tag' ? -1 : model.concepts[k]!.r);
  order.sort((p, q) => weight(q) - weight(p) || model.concepts[p]!.index - model.concepts[q]!.index);
  for (const k of order) {
    const c = model.concepts[k]!;
    requests.push({ x: c.x, y: c.y, offset: c.r + 3, width: measure(c.label, fontSize, false), height: height(fontSize), candidates: AROUND });
    meta.push({ of: 'concept', index: k, text: c.label, fontSize, bold: false });
  }
  const obstacles = model.concepts.map((c) => {
    const h = c.r * 0.75;
    return { x0: c.x - h, y0: c.y - h, x1: c.x + h, y1: c.y + h };
  });
  const boxes = placeLabels(requests, { bounds, obstacles, padding: 2 });
  const labels: MapLabel[] = [];
  boxes.forEach((found, k) => {
    const m = meta[k]!;
    const request = requests[k]!;
    const first = request.candidates![0]!;
    const box = found ?? (all && m.of === 'concept' ? candidateBox(request, first) : undefined);
    if (!box) return;
    labels.push({ ...m, box, baseline: box.y0 + m.fontSize * 0.95 });
  });
  return labels;
}

function candidateBox(r: LabelRequest, c: Candidate): Box {
  const x0 = r.x + c.dx * r.offset + c.ax * r.width;
  const y0 = r.y + c.dy * r.offset + c.ay * r.height;
  return { x0, y0, x1: x0 + r.width, y1: y0 + r.height };
}

/**
 * The theme circle around `members`: the smallest circle enclosing their dots (Welzl's algorithm,
 * as d3-hierarchy's `packEnclose`), plus a margin. A circle centred on the members' mean and
 * reaching the farthest one, as before, was up to twice as wide and covered the neighbouring themes.
 */
export function enclose(members: readonly Pick<MapConcept, 'x' | 'y' | 'r'>[]): { x: number; y: number; r: number } {
  if (members.length === 0) return { x: 0, y: 0, r: MIN_THEME_RADIUS };
  const circle = packEnclose(members.map((c) => ({ x: c.x, y: c.y, r: c.r })));
  return { x: circle.x, y: circle.y, r: Math.max(MIN_THEME_RADIUS, circle.r + THEME_PAD) };
}

/** Moves each theme circle to its members' current positions (after a concept was dragged). */
export function refitThemes(model: MapModel): void {
  const position = new Map<number, MapConcept>();
  for (const c of model.concepts) position.set(c.index, c);
  for (const t of model.themes) Object.assign(t, enclose(t.members.map((m) => position.get(m)!)));
}
