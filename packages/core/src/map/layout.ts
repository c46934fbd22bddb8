/**
 * The concept map layout (Smith & Humphreys 2006, "concept map"): nearness means "used in similar
 * contexts". Similarity is the cosine of the concepts' conditional co-occurrence profiles
 * (second order: near = co-occurring with the same other concepts). Target distances are
 * Gaussian, d = √(−ln max(S, ε)), or linear, d = 1 − S.
 *
 * Each start minimises stress by SMACOF (de Leeuw 1977: the Guttman transform, which never
 * increases raw stress), start 0 from classical MDS (Torgerson 1952, via ml-matrix's
 * eigen-decomposition), the others from seeded random positions. The start with the lowest
 * Kruskal stress-1 is kept, each theme drawn apart as a disc of its own (`separateThemes`), and
 * made legible by a short, cool d3-force run (collision by label length, links at the target
 * distances with strengths ∝ S, within a theme only, weak many-body repulsion, its randomSource
 * seeded), which moves overlapping concepts apart and little else; then the discs apart again. Coordinates are
 * then centred, turned to their principal axes and scaled into the unit disc, so maps from
 * different seeds are comparable.
 *
 * Why SMACOF rather than d3-force for every start (the first design): stress is what the starts
 * are ranked by, and SMACOF minimises it directly. On a 200-concept map of court transcripts it
 * reached stress 0.306 where 300 force ticks reached 0.366, in a tenth of the time (4 starts:
 * 0.15–0.25 s against 2.2 s); on the 49 concepts of the example, 0.304 against 0.322.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { deriveSeed, lcg } from '../random.ts';
import type { ConceptGraph } from './graph.ts';

const EPSILON = 1e-3;

/** Cosine similarity of conditional co-occurrence profiles, K × K row-major. */
export function similarity(graph: ConceptGraph): Float64Array {
  const K = graph.concepts;
  const profiles = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    const ci = graph.counts[i]! || 1;
    for (let j = 0; j < K; j++) if (j !== i) profiles[i * K + j] = graph.cooccurrence[i * K + j]! / ci;
  }
  const norms = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    let s = 0;
    for (let j = 0; j < K; j++) s += profiles[i * K + j]! ** 2;
    norms[i] = Math.sqrt(s);
  }
  const S = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    S[i * K + i] = 1;
    for (let k = i + 1; k < K; k++) {
      let dot = 0;
      for (let j = 0; j < K; j++) dot += profiles[i * K + j]! * profiles[k * K + j]!;
      const s = norms[i]! > 0 && norms[k]! > 0 ? dot / (norms[i]! * norms[k]!) : 0;
      S[i * K + k] = S[k * K + i] = s;
    }
  }
  return S;
}

export function targetDistances(S: Float64Array, mode: 'gaussian' | 'linear'): Float64Array {
  return S.map((s) => (mode === 'gaussian' ? Math.sqrt(-Math.log(Math.max(Math.min(s, 1), EPSILON))) : 1 - Math.min(s, 1)));
}

/** How much shorter the target distance between two members of one theme is drawn. */
export const THEME_PULL = 0.6;

/**
 * Target distances with those between members of one theme (`group[i]`) shortened by
 * THEME_PULL, so that the map draws a theme where its members are. Themes are communities of the
 * co-occurrence graph and the map is laid out from second-order similarity; without the pull a
 * theme's members were spread over the map and every theme circle covered most of it. The
 * reported stress is against these targets.
 */
export function pullThemes(D: Float64Array, n: number, group: Int32Array): Float64Array {
  const out = D.slice();
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && group[i] === group[j]) out[i * n + j]! *= THEME_PULL;
  return out;
}

/** Classical MDS into 2 dimensions; deterministic (eigenvector signs fixed). */
export function classicalMds(D: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * 2);
  if (n < 3) {
    for (let i = 0; i < n; i++) out[i * 2] = i;
    return out;
  }
  const B = new Matrix(n, n);
  const rowMean = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) rowMean[i]! += D[i * n + j]! ** 2;
    mean += rowMean[i]!;
    rowMean[i]! /= n;
  }
  mean /= n * n;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) B.set(i, j, -0.5 * (D[i * n + j]! ** 2 - rowMean[i]! - rowMean[j]! + mean));
  const eig = new EigenvalueDecomposition(B, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const vectors = eig.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  for (let d = 0; d < 2; d++) {
    const col = order[d]!;
    const scale = Math.sqrt(Math.max(values[col]!, 0));
    let sign = 1;
    let largest = 0;
    for (let i = 0; i < n; i++) if (Math.abs(vectors.get(i, col)) > Math.abs(largest) + 1e-12) largest = vectors.get(i, col);
    if (largest < 0) sign = -1;
    for (let i = 0; i < n; i++) out[i * 2 + d] = sign * scale * vectors.get(i, col);
  }
  return out;
}

/** Kruskal stress-1 of positions against targets, at the optimal scale of the positions. */
export function stress(xy: Float64Array, D: Float64Array, n: number): number {
  let dd = 0;
  let dt = 0;
  let tt = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.hypot(xy[i * 2]! - xy[j * 2]!, xy[i * 2 + 1]! - xy[j * 2 + 1]!);
      const t = D[i * n + j]!;
      dd += d * d;
      dt += d * t;
      tt += t * t;
    }
  }
  if (tt === 0 || dd === 0) return 0;
  const alpha = dt / dd;
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = alpha * Math.hypot(xy[i * 2]! - xy[j * 2]!, xy[i * 2 + 1]! - xy[j * 2 + 1]!);
      e += (d - D[i * n + j]!) ** 2;
    }
  }
  return Math.sqrt(e / tt);
}

export interface LayoutStartInput {
  n: number;
  S: Float64Array;
  D: Float64Array;
  /** Initial positions of start 0 (MDS), n × 2. */
  mds: Float64Array;
  /** Label lengths in characters, for collision radii. */
  labelLengths: ArrayLike<number>;
  seed: number;
  /** Most SMACOF iterations per start. */
  iterations: number;
  /** Each concept's theme, when themes are known: the refined map draws them apart (`separateThemes`). */
  group?: Int32Array;
}

/** SMACOF stops once an iteration lowers raw stress by less than this share. */
const CONVERGED = 1e-5;

/** One layout start: positions n × 2 (in target-distance units) and their stress. Pure and seeded: runs in any worker. */
export function layoutStart(input: LayoutStartInput, start: number): { xy: Float64Array; stress: number } {
  const { n, D } = input;
  let initial = input.mds;
  if (start > 0) {
    const random = lcg(deriveSeed(input.seed, start));
    const spread = 1.5 * meanTarget(D, n);
    initial = Float64Array.from({ length: n * 2 }, () => (random() - 0.5) * 2 * spread);
  }
  const xy = smacof(D, n, initial, input.iterations);
  return { xy, stress: stress(xy, D, n) };
}

/**
 * Unweighted SMACOF from `initial` (not changed): X ← B(X)·X / n, where B(X)ᵢⱼ = −δᵢⱼ / dᵢⱼ(X) off the diagonal and Bᵢᵢ = −Σⱼ Bᵢⱼ,
 * until raw stress falls by less than CONVERGED of itself or after `iterations`.
 */
export function smacof(D: Float64Array, n: number, initial: Float64Array, iterations: number): Float64Array {
  let x = Float64Array.from(initial);
  let next = new Float64Array(n * 2);
  let previous = Infinity;
  for (let it = 0; it < iterations; it++) {
    let raw = 0;
    for (let i = 0; i < n; i++) {
      const xi = x[i * 2]!;
      const yi = x[i * 2 + 1]!;
      let sx = 0;
      let sy = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const dx = xi - x[j * 2]!;
        const dy = yi - x[j * 2 + 1]!;
        const d = Math.sqrt(dx * dx + dy * dy);
        const t = D[i * n + j]!;
        if (j > i) raw += (d - t) * (d - t);
        if (d > 1e-12) {
          const b = t / d;
          sx += b * dx;
          sy += b * dy;
        }
      }
      next[i * 2] = sx / n;
      next[i * 2 + 1] = sy / n;
    }
    // `raw` is the stress of `x`, before this step.
    if (raw === 0 || previous - raw < CONVERGED * previous) break;
    previous = raw;
    [x, next] = [next, x];
  }
  return x;
}

function meanTarget(D: Float64Array, n: number): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) (sum += D[i * n + j]!), pairs++;
  return pairs ? sum / pairs : 1;
}

interface Node extends SimulationNodeDatum {
  index: number;
}

/** Simulation units per mean target distance (collision radii are in these units). */
const UNIT = 100;
/** Ticks of the legibility run, and the alpha it starts from (a cool start: the structure stays). */
const REFINE_TICKS = 100;
const REFINE_ALPHA = 0.1;

/**
 * The kept start made legible: concepts whose labels would overlap are moved apart by d3-force
 * (collision radii by label length), while links at the target distances and weak repulsion
 * hold the rest where SMACOF put it. Positions n × 2 in target-distance units, and their stress.
 */
export function refineLayout(input: LayoutStartInput, initial: Float64Array): { xy: Float64Array; stress: number } {
  const { n, S, D } = input;
  const scale = UNIT / (meanTarget(D, n) || 1);
  const nodes: Node[] = Array.from({ length: n }, (_, i) => ({ index: i, x: initial[i * 2]! * scale, y: initial[i * 2 + 1]! * scale }));
  const links: { source: number; target: number; distance: number; strength: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Themes drawn apart stay apart: only members of one theme are linked.
      if (input.group && input.group[i] !== input.group[j]) continue;
      const s = S[i * n + j]!;
      if (s > 0) links.push({ source: i, target: j, distance: D[i * n + j]! * scale, strength: Math.min(1, s) });
    }
  }
  const simulation = forceSimulation(nodes)
    .randomSource(lcg(deriveSeed(input.seed, -1))) // a stream apart from the starts' (0, 1, …)
    .alpha(REFINE_ALPHA)
    .alphaDecay(1 - (0.001 / REFINE_ALPHA) ** (1 / REFINE_TICKS))
    .force(
      'link',
      forceLink<Node, (typeof links)[number] & { source: number | Node; target: number | Node }>(links)
        .id((d) => d.index)
        .distance((l) => l.distance)
        .strength((l) => l.strength),
    )
    .force('charge', forceManyBody<Node>().strength(-UNIT / 10).distanceMax(UNIT * 1.5))
    .force('collide', forceCollide<Node>((d) => 4 + 1.5 * Math.min(20, input.labelLengths[d.index] ?? 0)))
    .stop();
  simulation.tick(REFINE_TICKS);
  const xy = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    xy[i * 2] = nodes[i]!.x! / scale;
    xy[i * 2 + 1] = nodes[i]!.y! / scale;
  }
  return { xy, stress: stress(xy, D, n) };
}

/** Room between two theme circles, as a share of the map's radius (room for the drawn circles' margins). */
const THEME_GAP = 0.2;

/**
 * Each theme drawn as a disc of its own. Themes are communities of the co-occurrence graph and the
 * layout is made from second-order similarity, so even with their target distances shortened
 * (`pullThemes`) the members of neighbouring themes interleaved: on QMSum Committee 86 % of the
 * concepts sat inside another theme's circle. Where a theme's members sit relative to each other,
 * and where the themes sit relative to each other, stay as in `xy`: with `fit`, each theme's
 * members are scaled about their centre into a disc whose area is proportional to their number
 * (at the density of the whole map, less the rim beyond the outermost); without it, a theme's
 * disc is the circle around its members as they are. The discs are then pushed apart by d3-force
 * collision, each held towards where it was, until they do not overlap, and their members moved
 * with them.
 */
export function separateThemes(xy: Float64Array, n: number, group: Int32Array, seed: number, fit: boolean): Float64Array {
  const out = new Float64Array(n * 2);
  if (n === 0) return out;
  const ids = [...new Set(group)].sort((a, b) => a - b);
  const members = ids.map((id) => Array.from({ length: n }, (_, i) => i).filter((i) => group[i] === id));
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) (cx += xy[i * 2]!), (cy += xy[i * 2 + 1]!);
  cx /= n;
  cy /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (xy[i * 2]! - cx) ** 2 + (xy[i * 2 + 1]! - cy) ** 2;
  // The radius of a uniform disc with the map's spread (the RMS distance from its centre is R/√2).
  const radius = Math.sqrt((2 * squares) / n) || 1;
  const discs = members.map((m) => {
    let x = 0;
    let y = 0;
    for (const i of m) (x += xy[i * 2]!), (y += xy[i * 2 + 1]!);
    x /= m.length;
    y /= m.length;
    let spread = 0;
    for (const i of m) spread = Math.max(spread, Math.hypot(xy[i * 2]! - x, xy[i * 2 + 1]! - y));
    // Out to radius·√((m − 1)/n): the area of m concepts at the map's density, less the half of a
    // concept's area that lies beyond the outermost; a drawn circle has a least radius, so a
    // one-concept theme gets room too.
    const r = Math.max(fit ? radius * Math.sqrt((m.length - 1) / n) : spread, (THEME_GAP * radius) / 2);
    return { x, y, cx: x, cy: y, r, scale: fit ? (spread > 0 ? r / spread : 0) : 1 };
  });
  type Disc = (typeof discs)[number];
  const simulation = forceSimulation(discs)
    .randomSource(lcg(deriveSeed(seed, fit ? -2 : -3)))
    .force('collide', forceCollide<Disc>((d) => d.r + (THEME_GAP * radius) / 2).iterations(4))
    .force('x', forceX<Disc>((d) => d.cx).strength(0.05))
    .force('y', forceY<Disc>((d) => d.cy).strength(0.05))
    .stop();
  simulation.tick(Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay())));
  members.forEach((m, t) => {
    const d = discs[t]!;
    for (const i of m) {
      out[i * 2] = d.x! + (xy[i * 2]! - d.cx) * d.scale;
      out[i * 2 + 1] = d.y! + (xy[i * 2 + 1]! - d.cy) * d.scale;
    }
  });
  return out;
}

/** A finished layout: every start's stress, the kept (lowest-stress) start, and the map refined from it. */
export interface LayoutMap {
  stresses: number[];
  best: number;
  /** Positions n × 2 in target-distance units, and their stress. */
  xy: Float64Array;
  stress: number;
}

/** Keeps the start of lowest stress (the first of equals) and refines it. */
export function finishLayout(input: LayoutStartInput, starts: readonly { xy: Float64Array; stress: number }[]): LayoutMap {
  let best = 0;
  starts.forEach((s, i) => {
    if (s.stress < starts[best]!.stress) best = i;
  });
  const stresses = starts.map((s) => s.stress);
  const { group, n, seed } = input;
  if (!group) return { stresses, best, ...refineLayout(input, starts[best]!.xy) };
  // Themes drawn apart, the labels made legible, and the themes apart again where that moved them.
  const refined = refineLayout(input, separateThemes(starts[best]!.xy, n, group, seed, true));
  const xy = separateThemes(refined.xy, n, group, seed, false);
  return { stresses, best, xy, stress: stress(xy, input.D, n) };
}

/** Layout starts `0..starts-1`, then `finishLayout`: the whole layout, in one thread. */
export function layoutMap(input: LayoutStartInput, starts: number): LayoutMap {
  return finishLayout(input, Array.from({ length: starts }, (_, s) => layoutStart(input, s)));
}

/** Centres, turns to principal axes (largest spread horizontal, signs fixed) and scales into the unit disc. */
export function normalizeLayout(xy: Float64Array, n: number): Float64Array {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) (mx += xy[i * 2]!), (my += xy[i * 2 + 1]!);
  mx /= n || 1;
  my /= n || 1;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const x = xy[i * 2]! - mx;
    const y = xy[i * 2 + 1]! - my;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const out = new Float64Array(n * 2);
  let radius = 0;
  for (let i = 0; i < n; i++) {
    const x = xy[i * 2]! - mx;
    const y = xy[i * 2 + 1]! - my;
    out[i * 2] = x * cos - y * sin;
    out[i * 2 + 1] = x * sin + y * cos;
    radius = Math.max(radius, Math.hypot(out[i * 2]!, out[i * 2 + 1]!));
  }
  // Signs: the first concept (the most frequent) sits left of and above the centre's axes … or as close as it can.
  const fx = n > 0 && out[0]! > 0 ? -1 : 1;
  const fy = n > 0 && out[1]! > 0 ? -1 : 1;
  for (let i = 0; i < n; i++) {
    out[i * 2] = (out[i * 2]! * fx) / (radius || 1);
    out[i * 2 + 1] = (out[i * 2 + 1]! * fy) / (radius || 1);
  }
  return out;
}
