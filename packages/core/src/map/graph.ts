/**
 * The concept graph (Smith & Humphreys 2006, "concept co-occurrence"): counts and co-occurrence of
 * learned concepts and tag concepts over blocks. Tags (speakers, files, folders, manual codes) are
 * counted and related the same way as learned concepts, but not learned.
 *
 * Nodes `[0, K)` are learned concepts, `[K, K+T)` tags. Co-occurrence is a dense (K+T) × K matrix,
 * symmetric on its first K rows: tags relate to concepts, not to each other.
 */
export interface GraphInput {
  /** Learned concepts per block (CSR over blocks), sorted. */
  codingStarts: Uint32Array;
  codingConcepts: Uint32Array;
  concepts: number;
  /** Blocks of each tag, ascending. */
  tagBlocks: readonly Uint32Array[];
  excluded: Uint8Array;
}

export interface ConceptGraph {
  concepts: number;
  tags: number;
  /** Blocks per node (learned concepts, then tags). */
  counts: Uint32Array;
  /** `cooccurrence[i * concepts + j]`: blocks shared by node i and learned concept j. */
  cooccurrence: Uint32Array;
  /** Σ of co-occurrence with the other learned concepts (learned concepts only). */
  connectedness: Float64Array;
}

export function buildGraph(input: GraphInput): ConceptGraph {
  const K = input.concepts;
  const T = input.tagBlocks.length;
  const counts = new Uint32Array(K + T);
  const co = new Uint32Array((K + T) * K);
  const { codingStarts: starts, codingConcepts: cs } = input;
  const blocks = starts.length - 1;
  for (let b = 0; b < blocks; b++) {
    const e = starts[b + 1]!;
    for (let i = starts[b]!; i < e; i++) {
      const ci = cs[i]!;
      counts[ci]!++;
      for (let j = i + 1; j < e; j++) {
        const cj = cs[j]!;
        co[ci * K + cj]!++;
        co[cj * K + ci]!++;
      }
    }
  }
  for (let t = 0; t < T; t++) {
    const row = (K + t) * K;
    let count = 0;
    for (const b of input.tagBlocks[t]!) {
      if (input.excluded[b]) continue;
      count++;
      for (let i = starts[b]!; i < starts[b + 1]!; i++) co[row + cs[i]!]!++;
    }
    counts[K + t] = count;
  }
  const connectedness = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    let sum = 0;
    for (let j = 0; j < K; j++) if (j !== i) sum += co[i * K + j]!;
    connectedness[i] = sum;
  }
  return { concepts: K, tags: T, counts, cooccurrence: co, connectedness };
}

/** P(j | i): the share of node i's blocks that also hold learned concept j. */
export function likelihood(graph: ConceptGraph, i: number, j: number): number {
  const ci = graph.counts[i]!;
  return ci === 0 ? 0 : graph.cooccurrence[i * graph.concepts + j]! / ci;
}

/** P(i, j) / (P(i) P(j)) over `blocks` blocks: > 1 when they meet more often than by chance. */
export function prominence(graph: ConceptGraph, i: number, j: number, blocks: number): number {
  const ci = graph.counts[i]!;
  const cj = graph.counts[j]!;
  return ci === 0 || cj === 0 ? 0 : (graph.cooccurrence[i * graph.concepts + j]! * blocks) / (ci * cj);
}
