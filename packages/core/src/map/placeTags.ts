/**
 * Tags (speakers, files, folders, codes) on the map: each sits at the centre of the learned
 * concepts it is prominent with (lift > 1), weighted by (lift − 1) × co-occurrence, so tags do not
 * distort the concept map (DESIGN §7).
 */
import type { ConceptGraph } from './graph.ts';

/** A tag sits at the centre of the concepts it is prominent with, weighted by how much. */
export function placeTags(graph: ConceptGraph, xy: Float64Array, nodes: readonly number[], blocks: number): Float64Array {
  const K = graph.concepts;
  const out = new Float64Array(nodes.length * 2);
  nodes.forEach((node, i) => {
    let wx = 0;
    let wy = 0;
    let w = 0;
    for (let j = 0; j < K; j++) {
      const count = graph.cooccurrence[node * K + j]!;
      if (count === 0) continue;
      const lift = (count * blocks) / (graph.counts[node]! * graph.counts[j]!);
      if (lift <= 1) continue;
      const weight = (lift - 1) * count;
      wx += weight * xy[j * 2]!;
      wy += weight * xy[j * 2 + 1]!;
      w += weight;
    }
    out[i * 2] = w > 0 ? wx / w : 0;
    out[i * 2 + 1] = w > 0 ? wy / w : 0;
  });
  return out;
}
