/**
 * Themes: communities of the concept co-occurrence graph (Louvain modularity, Blondel et al. 2008,
 * through graphology-communities-louvain), named after their most connected member (Smith &
 * Humphreys 2006 name a theme after its most connected concept, its "parent").
 *
 * Until schema 2 a theme was every concept within σ × the map diameter of the most connected
 * unassigned concept. That made the grouping follow the layout, and the layout moves when a tenth
 * of the documents is left out: theme ARI between such resamples was 0.12–0.35 on the examples,
 * PDPilot and a think-aloud study. Communities of the co-occurrence graph do not depend on the
 * layout at all, and modularity compares each pair's co-occurrence with what the two concepts'
 * totals would give by chance (the configuration model), so a frequent generic concept does not
 * swallow the map. KH Coder groups words the same way (fast-greedy or Louvain communities of its
 * co-occurrence network).
 *
 * Edges are weighted by association strength, co-occurrence / (blocks of a × blocks of b), as
 * VOSviewer normalises before clustering (van Eck & Waltman 2009), not by raw co-occurrence: a
 * pair counts for what it shares beyond its members' sizes, so a large concept does not pull
 * whichever theme it meets most. Measured with `../shared/eval` (theme ratio to the best peer,
 * PDPilot leaf / top, QMSum Academic / Product / Committee; themes ARI over resamples, PDPilot /
 * Committee): raw counts ×1.62 / 1.49 / 1.33 / 2.43 / 1.03, ARI 0.77 / 0.57; association
 * strength ×1.47 / 1.51 / 1.34 / 2.42 / 1.76, ARI 0.70 / 0.71; at the human K (`--themes-human`,
 * top / Academic / Product / Committee) ×1.62 / 1.14 / 1.52 / 1.29 against raw counts' lowest
 * 0.95. A consensus of 16 Louvain runs in random node orders (Lancichinetti & Fortunato 2012)
 * was tried and changed nothing: the themes move with the data, not with Louvain's visiting order.
 *
 * The theme size σ ∈ [0, 1] stays the user's dial: it sets the modularity resolution
 * γ = 0.75 (1 − σ) / σ, so the default σ = 0.33 is γ ≈ 1.5, larger σ merges themes (σ = 1 is one
 * theme) and smaller σ splits them. Plain modularity (γ = 1) gave 3 themes on the examples and on
 * PDPilot, the largest with 44 % of the concepts; γ = 1.5 gives 8–9, the largest 20–23 %. A fixed number of themes (`count`) is reached by
 * raising γ until there are at least that many communities, then merging the pair of themes whose
 * merge costs the least modularity at that resolution, until there are `count`.
 *
 * Deterministic: nodes are visited by decreasing presence (no random walk) and ties break by index.
 * Fast enough for every move of the viewer's theme-size slider.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { themeColour } from './colours.ts';
import { buildGraph } from './graph.ts';
import type { LeximapResult, ResultTheme, ThemeGraph } from '../result/schema.ts';

export interface ThemeConcept {
  label: string;
  x: number;
  y: number;
  connectedness: number;
  /** Blocks coded with the concept. */
  count: number;
}

/** Concept co-occurrence as the result stores it: pairs `a < b` with their block counts (tags among them are ignored). */
export interface ThemeEdges {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  count: ArrayLike<number>;
}

export interface ThemeOptions {
  /** Concepts to group (indices into `concepts`). @default every concept */
  include?: readonly number[];
  /** A fixed number of themes instead of the theme size's. @default undefined */
  count?: number;
  /**
   * A grouping to nest with (each concept's theme, at `themeSize`): a larger theme size merges its
   * themes, a smaller one splits them, so that the viewer's slider keeps the map's themes together.
   * @default undefined
   */
  nest?: { theme: ArrayLike<number>; themeSize: number };
}

/** Association strengths are tiny (1 / blocks); scaled so that Louvain's sums stay far from underflow. */
const ASSOCIATION_SCALE = 1000;

/** The largest resolution tried; beyond it every connected concept is its own theme. */
const MAX_RESOLUTION = 64;

/** The modularity resolution of theme size σ. */
export function themeResolution(themeSize: number): number {
  if (themeSize <= 0) return MAX_RESOLUTION;
  return Math.min(MAX_RESOLUTION, (0.75 * (1 - Math.min(1, themeSize))) / themeSize);
}

/** Groups the included concepts into themes; members and parents are indices into `concepts`. */
export function computeThemes(concepts: readonly ThemeConcept[], edges: ThemeEdges, themeSize: number, options: ThemeOptions = {}): ResultTheme[] {
  // Louvain visits the concepts by their size in the graph (`count`: presence), largest first, so
  // that the grouping is a function of the graph alone, not of the coding's order (which chain
  // blocks change, `addChainBlocks`). Theme ARI over resamples, the examples / PDPilot / QMSum
  // Academic / Product / Committee, in coding order 0.65 / 0.79 / 0.65 / 0.78 / 0.73, so 0.67 /
  // 0.79 / 0.62 / 0.84 / 0.72: within what the folds move, and Product keeps its 7 themes.
  const ids = (options.include ? [...options.include] : concepts.map((_, i) => i)).sort((i, j) => concepts[j]!.count - concepts[i]!.count || i - j);
  if (ids.length === 0) return [];
  const position = new Map(ids.map((id, k) => [id, k] as const));
  const n = ids.length;
  const weight = new Float64Array(n * n);
  for (let e = 0; e < edges.a.length; e++) {
    const i = position.get(edges.a[e]!);
    const j = position.get(edges.b[e]!);
    if (i === undefined || j === undefined || i === j) continue;
    const ci = concepts[ids[i]!]!.count;
    const cj = concepts[ids[j]!]!.count;
    // Association strength (van Eck & Waltman 2009): co-occurrence over the product of the two
    // concepts' block counts, so a pair counts for what it shares beyond the sizes of its members.
    weight[i * n + j] = weight[j * n + i] = ci > 0 && cj > 0 ? (edges.count[e]! * ASSOCIATION_SCALE) / (ci * cj) : 0;
  }
  const gamma = themeResolution(themeSize);
  let community: Int32Array;
  if (options.count !== undefined) community = toCount(weight, n, gamma, Math.max(1, Math.min(n, options.count)));
  else if (options.nest) community = nested(weight, n, gamma, renumber(Int32Array.from(ids, (id) => options.nest!.theme[id]!)), themeResolution(options.nest.themeSize));
  else community = communities(weight, n, gamma);
  return describe(concepts, ids, community);
}

/**
 * Communities at resolution γ nested with `base` (found at γ₀): at γ₀ the base itself; coarser (γ <
 * γ₀), the base's communities merged while a merge gains modularity at γ; finer, each base
 * community split by the Louvain communities at γ. Louvain from scratch at each theme size gave
 * groupings that cut across the map's: the map draws the themes of the analysis apart, and at the
 * slider's 0.55 on the examples its three themes took members from five of them, so their circles
 * covered each other.
 */
function nested(weight: Float64Array, n: number, gamma: number, base: Int32Array, baseGamma: number): Int32Array {
  if (Math.abs(gamma - baseGamma) < 1e-12) return base;
  if (gamma < baseGamma) return mergeCheapest(weight, n, base, gamma, (_, gain) => gain <= 0);
  const finer = communities(weight, n, gamma);
  return renumber(Int32Array.from(base, (c, i) => c * n + finer[i]!));
}

/** Community numbers in order of their first member. */
function renumber(community: Int32Array): Int32Array {
  const order = new Map<number, number>();
  return community.map((c) => {
    if (!order.has(c)) order.set(c, order.size);
    return order.get(c)!;
  });
}

/** Louvain communities at resolution γ, numbered in order of their first member. */
function communities(weight: Float64Array, n: number, resolution: number): Int32Array {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (weight[i * n + j]! > 0) graph.addEdge(String(i), String(j), { weight: weight[i * n + j]! });
  if (graph.size === 0) return Int32Array.from({ length: n }, (_, i) => i);
  const found = louvain(graph, { resolution, randomWalk: false, getEdgeWeight: 'weight' });
  return renumber(Int32Array.from({ length: n }, (_, i) => found[String(i)]!));
}

/** Exactly `count` communities: a finer resolution until there are enough, then the cheapest merges. */
function toCount(weight: Float64Array, n: number, resolution: number, count: number): Int32Array {
  let gamma = resolution;
  let community = communities(weight, n, gamma);
  while (groups(community) < count && gamma < MAX_RESOLUTION) {
    gamma = Math.min(MAX_RESOLUTION, Math.max(gamma * 1.5, 0.05));
    community = communities(weight, n, gamma);
  }
  if (groups(community) < count) {
    community = community.map((_, i) => i);
    gamma = resolution;
  }
  // Merge by modularity at the resolution the communities were found at, ΔQ of merging c and d
  // ∝ w(c, d) − γ k_c k_d / 2m: the merges follow the objective that formed the themes. Plain
  // modularity (γ = 1) here joined the large themes first (PDPilot at 8 themes: 3–28 % of the
  // concepts; at γ: 8–15 %). At the human K (`--themes-human`): PDPilot leaf / top ×1.58 / ×1.60 →
  // ×1.91 / ×1.75, Academic ×1.14 → ×1.26, Product ×1.52 both, Committee ×1.29 → ×1.16.
  // Merging by average linkage instead gave ×1.70 / 1.65 / 1.16 / 2.11 / 1.23.
  return mergeCheapest(weight, n, community, gamma, (m) => m <= count);
}

/**
 * Merges the pair of communities whose merge gains the most modularity at resolution γ (ΔQ ∝
 * w(c, d) − γ k_c k_d / 2m), again and again, until `done(communities, best gain)`.
 */
function mergeCheapest(weight: Float64Array, n: number, start: Int32Array, gamma: number, done: (m: number, gain: number) => boolean): Int32Array {
  let community = start;
  const total = weight.reduce((s, w) => s + w, 0) || 1;
  for (let m = groups(community); m > 1; m--) {
    const strength = new Float64Array(m);
    const between = new Float64Array(m * m);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const w = weight[i * n + j]!;
        strength[community[i]!]! += w;
        between[community[i]! * m + community[j]!]! += w;
      }
    }
    let best = -Infinity;
    let pair: [number, number] = [0, 1];
    for (let c = 0; c < m; c++) {
      for (let d = c + 1; d < m; d++) {
        const gain = between[c * m + d]! - (gamma * strength[c]! * strength[d]!) / total;
        if (gain > best + 1e-12) {
          best = gain;
          pair = [c, d];
        }
      }
    }
    if (done(m, best)) break;
    const [keep, drop] = pair;
    community = community.map((c) => (c === drop ? keep : c > drop ? c - 1 : c));
  }
  return community;
}

function groups(community: Int32Array): number {
  let max = -1;
  for (const c of community) max = Math.max(max, c);
  return max + 1;
}

/** Themes from communities: parent = the most connected member, ranked by connectivity, heat-coloured. */
function describe(concepts: readonly ThemeConcept[], ids: readonly number[], community: Int32Array): ResultTheme[] {
  const byCommunity = new Map<number, number[]>();
  ids.forEach((id, k) => {
    const list = byCommunity.get(community[k]!);
    if (list) list.push(id);
    else byCommunity.set(community[k]!, [id]);
  });
  const found = [...byCommunity.values()].map((members) => {
    members.sort((a, b) => a - b);
    let parent = members[0]!;
    let connectivity = 0;
    for (const m of members) {
      connectivity += concepts[m]!.connectedness;
      if (concepts[m]!.connectedness > concepts[parent]!.connectedness) parent = m;
    }
    return { parent, members, connectivity };
  });
  found.sort((a, b) => b.connectivity - a.connectivity || a.parent - b.parent);
  const top = found[0]!.connectivity || 1;
  return found.map((g, rank) => ({
    id: rank,
    name: concepts[g.parent]!.label,
    parent: g.parent,
    members: g.members,
    connectivity: g.connectivity,
    relevance: g.connectivity / top,
    rank,
    colour: themeColour(rank, found.length),
    ...placeOf(g.members, concepts),
  }));
}

/** Where a theme is drawn: the centroid of its members and the distance to the farthest. */
function placeOf(members: readonly number[], at: readonly { x: number; y: number }[]): { x: number; y: number; radius: number } {
  let x = 0;
  let y = 0;
  for (const m of members) {
    x += at[m]!.x;
    y += at[m]!.y;
  }
  x /= members.length;
  y /= members.length;
  let radius = 0;
  for (const m of members) radius = Math.max(radius, Math.hypot(at[m]!.x - x, at[m]!.y - y));
  return { x, y, radius };
}

/**
 * The graph themes group by, from the concepts' presence (`ConceptSet.presence`: every block each
 * concept's terms code, before evidence blocks go to one concept): blocks per concept and shared
 * blocks per pair.
 */
export function presenceGraph(presence: { starts: Uint32Array; concepts: Uint32Array }, concepts: number, excluded: Uint8Array): ThemeGraph {
  const graph = buildGraph({ codingStarts: presence.starts, codingConcepts: presence.concepts, concepts, tagBlocks: [], excluded });
  const out: ThemeGraph = { presence: Array.from(graph.counts), a: [], b: [], count: [] };
  for (let a = 0; a < concepts; a++) {
    for (let b = a + 1; b < concepts; b++) {
      const count = graph.cooccurrence[a * concepts + b]!;
      if (count === 0) continue;
      out.a.push(a);
      out.b.push(b);
      out.count.push(count);
    }
  }
  return out;
}

/** A result's learned concepts grouped again (the viewer's theme-size slider): by its `themeGraph`, or by its co-occurrence before schema 3. */
export function regroupThemes(result: LeximapResult, themeSize: number, options: ThemeOptions = {}): ResultTheme[] {
  const learned: number[] = [];
  result.concepts.forEach((c, i) => c.kind !== 'tag' && learned.push(i));
  // Nested with the result's own themes, which the map draws apart.
  const nest = options.count === undefined && result.themes.length > 0 ? { theme: result.concepts.map((c) => c.theme), themeSize: result.parameters.themeSize } : undefined;
  const wanted = { ...(nest ? { nest } : {}), ...options, include: options.include ?? learned };
  const graph = result.themeGraph;
  if (!graph) return computeThemes(result.concepts, result.cooccurrence, themeSize, wanted);
  const concepts = result.concepts.map((c, i) => (i < graph.presence.length ? { ...c, count: graph.presence[i]! } : c));
  return computeThemes(concepts, graph, themeSize, wanted);
}

/** The themes drawn on a (new) map: the grouping does not depend on the layout, only where each theme sits. */
export function placeThemes(themes: readonly ResultTheme[], at: readonly { x: number; y: number }[]): ResultTheme[] {
  return themes.map((t) => ({ ...t, ...placeOf(t.members, at) }));
}
