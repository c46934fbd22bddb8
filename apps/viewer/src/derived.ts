/**
 * Look-ups the panels need, built once per result from its columns and sparse tables (never by
 * walking every block, so a 100k-block result opens at once).
 */
import type { LeximapResult } from '@leximap/core';

export interface Derived {
  /** Co-occurrence count of concepts i and j (any order). */
  together(i: number, j: number): number;
  /** Concepts co-occurring with i, with counts. */
  neighbours(i: number): { concept: number; count: number }[];
  excerpt(block: number): string | undefined;
  pairBlocks(i: number, j: number): number[];
  /** Learned concept indices (not tags). */
  learned: number[];
  /** Tag concept indices by category, categories in first-seen order. */
  tagsByCategory: Map<string, number[]>;
}

export function derive(result: LeximapResult): Derived {
  const n = result.concepts.length;
  const key = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);
  const counts = new Map<number, number>();
  const adjacency: { concept: number; count: number }[][] = Array.from({ length: n }, () => []);
  const { a, b, count } = result.cooccurrence;
  for (let k = 0; k < a.length; k++) {
    counts.set(key(a[k]!, b[k]!), count[k]!);
    adjacency[a[k]!]?.push({ concept: b[k]!, count: count[k]! });
    adjacency[b[k]!]?.push({ concept: a[k]!, count: count[k]! });
  }
  const excerpts = new Map<number, string>();
  for (const e of result.quotes.excerpts) excerpts.set(e.block, e.text);
  const pairs = new Map<number, number[]>();
  for (const p of result.quotes.pairs) pairs.set(key(p.a, p.b), p.blocks);
  const learned: number[] = [];
  const tagsByCategory = new Map<string, number[]>();
  result.concepts.forEach((c, i) => {
    if (c.kind !== 'tag') learned.push(i);
    else {
      const category = c.category ?? 'tag';
      const list = tagsByCategory.get(category);
      if (list) list.push(i);
      else tagsByCategory.set(category, [i]);
    }
  });
  return {
    together: (i, j) => counts.get(key(i, j)) ?? 0,
    neighbours: (i) => adjacency[i] ?? [],
    excerpt: (block) => excerpts.get(block),
    pairBlocks: (i, j) => pairs.get(key(i, j)) ?? [],
    learned,
    tagsByCategory,
  };
}
