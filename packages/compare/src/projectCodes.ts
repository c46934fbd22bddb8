/**
 * Projects manual codes onto the result's blocks: a block carries a code when a segment of the
 * code overlaps it by at least one character, and "half" when the code's segments cover at
 * least half of the block. Overlaps are measured in code points on the union of the code's
 * segments, so overlapping segments of one code are not counted twice.
 */
import type { LeximapResult } from '@leximap/core';
import type { ManualCode, ManualCoding } from '@leximap/io';
import { matchDocuments } from './matchDocuments.ts';

/** Manual codes as block sets. */
export interface CodeProjection {
  codes: ManualCode[];
  /** Segments of each code located in a document of the result. */
  segments: number[];
  /** Per code, ascending block indices overlapped by ≥ 1 character. */
  blocks: number[][];
  /** Per code, ascending block indices covered by ≥ 50% of their length. */
  blocksHalf: number[][];
  /** Per code and block of `blocks`, the share of the block covered (parallel to `blocks`). */
  cover: number[][];
  /** Segments whose document is not in the result. */
  outside: number;
  /** Names of the coding's documents missing from the result. */
  missingDocuments: string[];
}

export function projectCodes(result: Pick<LeximapResult, 'documents' | 'blocks'>, coding: Pick<ManualCoding, 'codes' | 'segments'>): CodeProjection {
  const documentIndex = matchDocuments(result);
  const codeIndex = new Map(coding.codes.map((code, index) => [code.id, index]));
  const spans: Map<number, [number, number][]>[] = coding.codes.map(() => new Map());
  const segments = new Array<number>(coding.codes.length).fill(0);
  const missing = new Set<string>();
  let outside = 0;
  for (const segment of coding.segments) {
    const c = codeIndex.get(segment.codeId);
    if (c === undefined) continue;
    const d = documentIndex(segment.document);
    if (d === undefined) {
      outside++;
      missing.add(segment.document);
      continue;
    }
    segments[c] = (segments[c] as number) + 1;
    const byDoc = spans[c] as Map<number, [number, number][]>;
    const list = byDoc.get(d) ?? [];
    list.push([segment.start, segment.end]);
    byDoc.set(d, list);
  }
  const { start, end } = result.blocks;
  const blocks: number[][] = [];
  const blocksHalf: number[][] = [];
  const cover: number[][] = [];
  for (const byDoc of spans) {
    const coverage = new Map<number, number>();
    for (const [d, list] of byDoc) {
      const doc = result.documents[d];
      if (!doc) continue;
      for (const [s, e] of mergeSpans(list)) {
        // Blocks of a document are in text order: find the first block ending after s.
        let lo = doc.blockStart;
        let hi = doc.blockEnd;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((end[mid] as number) <= s) lo = mid + 1;
          else hi = mid;
        }
        for (let b = lo; b < doc.blockEnd && (start[b] as number) < e; b++) {
          const overlap = Math.min(e, end[b] as number) - Math.max(s, start[b] as number);
          if (overlap > 0) coverage.set(b, (coverage.get(b) ?? 0) + overlap);
        }
      }
    }
    const any = [...coverage.keys()].sort((x, y) => x - y);
    const shares = any.map((b) => (coverage.get(b) as number) / Math.max(1, (end[b] as number) - (start[b] as number)));
    blocks.push(any);
    cover.push(shares);
    blocksHalf.push(any.filter((_, i) => (shares[i] as number) >= 0.5));
  }
  return { codes: coding.codes, segments, blocks, blocksHalf, cover, outside, missingDocuments: [...missing].sort() };
}

/** Sorted, non-overlapping union of spans. */
function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else if (e > s) out.push([s, e]);
  }
  return out;
}
