/**
 * A result laid out again in another layout mode (Gaussian or linear target distances, DESIGN §7),
 * from what the result holds: the learned concepts' counts and co-occurrence give the same graph,
 * similarity and starts as the analysis, so `relayout(r, mode)` places every concept, tag and theme
 * circle where an analysis run with that mode and the same seed does. The viewer's layout toggle.
 */
import type { LeximapResult, ResultConcept } from '../result/schema.ts';
import type { ConceptGraph } from './graph.ts';
import { classicalMds, layoutMap, normalizeLayout, pullThemes, similarity, targetDistances } from './layout.ts';
import { placeTags } from './placeTags.ts';
import { placeThemes } from './themes.ts';

export function relayout(result: LeximapResult, mode: 'gaussian' | 'linear'): LeximapResult {
  const K = result.concepts.filter((c) => c.kind !== 'tag').length;
  const T = result.concepts.length - K;
  const counts = Uint32Array.from(result.concepts, (c) => c.count);
  const co = new Uint32Array((K + T) * K);
  const { a, b, count } = result.cooccurrence;
  for (let k = 0; k < a.length; k++) {
    const lo = Math.min(a[k]!, b[k]!);
    const hi = Math.max(a[k]!, b[k]!);
    if (hi < K) co[lo * K + hi] = co[hi * K + lo] = count[k]!;
    else co[hi * K + lo] = count[k]!;
  }
  const graph: ConceptGraph = { concepts: K, tags: T, counts, cooccurrence: co, connectedness: Float64Array.from(result.concepts.slice(0, K), (c) => c.connectedness) };
  const S = similarity(graph);
  // Themes do not depend on the layout, so the result's own grouping pulls the same way as in the analysis.
  const group = Int32Array.from(result.concepts.slice(0, K), (c) => c.theme);
  const D = pullThemes(targetDistances(S, mode), K, group);
  const p = result.parameters;
  const labelLengths = result.concepts.slice(0, K).map((c) => c.label.length);
  const map = layoutMap({ n: K, S, D, mds: classicalMds(D, K), labelLengths, seed: p.seed, iterations: p.layoutIterations, group }, p.layoutStarts);
  const xy = normalizeLayout(map.xy, K);
  let active = 0;
  for (const e of result.blocks.excluded) if (e === 0) active++;
  const tagXY = placeTags(graph, xy, Array.from({ length: T }, (_, i) => K + i), active);

  // Themes do not depend on the layout: the result's own, drawn where their members now are.
  const themes = placeThemes(result.themes, Array.from({ length: K }, (_, i) => ({ x: xy[i * 2]!, y: xy[i * 2 + 1]! })));
  const concepts = result.concepts.map((c, i): ResultConcept =>
    i < K ? { ...c, x: xy[i * 2]!, y: xy[i * 2 + 1]! } : { ...c, x: tagXY[(i - K) * 2]!, y: tagXY[(i - K) * 2 + 1]! },
  );
  return {
    ...result,
    parameters: { ...p, layoutMode: mode },
    concepts,
    themes,
    layout: { ...result.layout, mode, stress: map.stress, stresses: map.stresses, bestStart: map.best },
  };
}
