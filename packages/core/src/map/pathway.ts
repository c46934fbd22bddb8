/**
 * Pathway between two concepts: the cheapest route on the co-occurrence graph (an edge where two
 * concepts share at least one block), with the map distance between them as the cost (Dijkstra).
 */
import type { LeximapResult } from '../result/schema.ts';

export interface PathwayGraph {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Sparse co-occurrence, as in the result (`a[k] < b[k]`, `count[k] > 0`). */
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  count: ArrayLike<number>;
}

/** Concept indices from `from` to `to` inclusive, or `[]` when they are not connected. */
export function pathway(graph: PathwayGraph, from: number, to: number): number[] {
  const n = graph.x.length;
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < graph.a.length; k++) {
    if (graph.count[k]! <= 0) continue;
    const a = graph.a[k]!;
    const b = graph.b[k]!;
    if (a >= n || b >= n) continue;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const cost = new Float64Array(n).fill(Infinity);
  const previous = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  cost[from] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && cost[i]! < Infinity && (u < 0 || cost[i]! < cost[u]!)) u = i;
    if (u < 0 || u === to) break;
    done[u] = 1;
    for (const v of neighbours[u]!) {
      const c = cost[u]! + Math.hypot(graph.x[u]! - graph.x[v]!, graph.y[u]! - graph.y[v]!);
      if (c < cost[v]!) {
        cost[v] = c;
        previous[v] = u;
      }
    }
  }
  if (cost[to] === Infinity) return [];
  const path = [to];
  while (path[path.length - 1] !== from) path.push(previous[path[path.length - 1]!]!);
  return path.reverse();
}

/** The pathway between two concepts of a result, on the co-occurrence graph of the learned concepts only (tags are not stepping stones). */
export function conceptPathway(result: LeximapResult, from: number, to: number): number[] {
  const { a, b, count } = result.cooccurrence;
  const keep = (k: number): boolean => result.concepts[a[k]!]?.kind !== 'tag' && result.concepts[b[k]!]?.kind !== 'tag';
  const counts = count.map((value, k) => (keep(k) ? value : 0));
  return pathway({ x: result.concepts.map((c) => c.x), y: result.concepts.map((c) => c.y), a, b, count: counts }, from, to);
}
