/**
 * The headline agreement figures of a comparison, as functions of the concepts' coding, so the
 * same code computes the observed figure and its chance level (`chanceLevels`, on permuted
 * codings). A permutation `sigma` maps each block to the block whose concepts it takes
 * (identity when null): the concepts of block b are those coded on `sigma[b]`.
 *
 * - coverage: share of the manual codings (code, block) whose block carries a concept matched
 *   to that code;
 * - kappa, jaccard: mean Cohen's κ and Jaccard index over the matched pairs;
 * - f1: mean over codes of the best F1 (Dice, 2·both/(a+b)) any concept reaches with the code;
 * - documentKappa: Cohen's κ of document-level presence pooled over the matched pairs
 *   (MAXQDA's first intercoder criterion);
 * - matches: pairs matched by the evidence rule (`evidence`).
 */
import { agreement, kappa } from '../agreement.ts';
import { evidence, overlapsOf, type MatchRule } from './evidence.ts';

/** Learned concepts' blocks as CSR over blocks: the columns coded on block b are `cols[starts[b]..starts[b+1])`. */
export interface ConceptCoding {
  starts: Int32Array;
  cols: Int32Array;
  /** Blocks per column. */
  size: Int32Array;
}

/** What the figures are computed over. */
export interface FigureInput {
  /** Blocks counted (not excluded). */
  n: number;
  /** Per code, its ascending counted blocks. */
  codeBlocks: readonly (readonly number[])[];
  coding: ConceptCoding;
  /** Document of each block. */
  blockDocument: ArrayLike<number>;
  documents: number;
  rule: MatchRule;
  /** ln(i!) for i ≤ n. */
  lf: Float64Array;
}

export const FIGURE_IDS = ['coverage', 'kappa', 'jaccard', 'f1', 'documentKappa', 'matches'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];
export type Figures = Record<FigureId, number>;

/** Shared blocks of every code × column under `sigma`, dense row-major (codes × columns). */
export function sharedCounts(input: FigureInput, sigma: Int32Array | null): Int32Array {
  const { codeBlocks, coding } = input;
  const cols = coding.size.length;
  const out = new Int32Array(codeBlocks.length * cols);
  for (let c = 0; c < codeBlocks.length; c++) {
    const row = c * cols;
    for (const b of codeBlocks[c] as readonly number[]) {
      const s = sigma ? (sigma[b] as number) : b;
      for (let k = coding.starts[s] as number; k < (coding.starts[s + 1] as number); k++) {
        const at = row + (coding.cols[k] as number);
        out[at] = (out[at] as number) + 1;
      }
    }
  }
  return out;
}

/**
 * The figures over the given matched pairs (code, column), with the concepts' blocks moved by
 * `sigma`; `documentSigma` moves them for the document-level κ (null: unmoved). `matches` is
 * recounted on the moved coding by the full evidence rule, and, with `beyond`, only where a pair's
 * overlap also holds against the rotations (`beyond(cell, both)`, cell = code × columns + column).
 * `shared` is `sharedCounts(input, sigma)` when the caller has it already.
 */
export function agreementFigures(input: FigureInput, pairs: readonly (readonly [number, number])[], sigma: Int32Array | null, documentSigma: Int32Array | null, beyond?: (cell: number, both: number) => boolean, shared = sharedCounts(input, sigma)): Figures {
  const { codeBlocks, coding, n } = input;
  const cols = coding.size.length;

  const matchedTo = new Uint8Array(codeBlocks.length * cols);
  for (const [code, col] of pairs) matchedTo[code * cols + col] = 1;
  let coded = 0;
  let covered = 0;
  let f1Sum = 0;
  let f1Codes = 0;
  for (let c = 0; c < codeBlocks.length; c++) {
    const list = codeBlocks[c] as readonly number[];
    if (list.length === 0) continue;
    coded += list.length;
    for (const b of list) {
      const s = sigma ? (sigma[b] as number) : b;
      for (let k = coding.starts[s] as number; k < (coding.starts[s + 1] as number); k++) {
        if (matchedTo[c * cols + (coding.cols[k] as number)]) {
          covered++;
          break;
        }
      }
    }
    let best = 0;
    for (let j = 0; j < cols; j++) {
      const both = shared[c * cols + j] as number;
      if (both > 0) best = Math.max(best, (2 * both) / (list.length + (coding.size[j] as number)));
    }
    f1Sum += best;
    f1Codes++;
  }

  let kappaSum = 0;
  let jaccardSum = 0;
  for (const [code, col] of pairs) {
    const a = agreement(coding.size[col] as number, (codeBlocks[code] as readonly number[]).length, shared[code * cols + col] as number, n);
    kappaSum += a.kappa;
    jaccardSum += a.jaccard;
  }

  const overlaps = overlapsOf(shared, codeBlocks.length, cols);
  const table = evidence(overlaps, codeBlocks.map((l) => l.length), coding.size, n, input.rule, input.lf);
  let matches = 0;
  for (let i = 0; i < table.matched.length; i++) {
    if (table.matched[i] && (!beyond || beyond((overlaps.row[i] as number) * cols + (overlaps.col[i] as number), overlaps.both[i] as number))) matches++;
  }

  return {
    coverage: coded === 0 ? 0 : covered / coded,
    kappa: pairs.length === 0 ? 0 : kappaSum / pairs.length,
    jaccard: pairs.length === 0 ? 0 : jaccardSum / pairs.length,
    f1: f1Codes === 0 ? 0 : f1Sum / f1Codes,
    documentKappa: documentKappa(input, pairs, documentSigma),
    matches,
  };
}

/** κ of document presence pooled over the pairs: every pair contributes one yes/no per document for the code and for the concept. */
function documentKappa(input: FigureInput, pairs: readonly (readonly [number, number])[], sigma: Int32Array | null): number {
  if (pairs.length === 0) return 0;
  const { coding, blockDocument, documents, codeBlocks } = input;
  const cols = coding.size.length;
  const wanted = new Uint8Array(cols);
  for (const [, col] of pairs) wanted[col] = 1;
  // Presence of each wanted column per document, with the blocks moved by sigma.
  const present = new Uint8Array(cols * documents);
  const blocks = coding.starts.length - 1;
  for (let b = 0; b < blocks; b++) {
    const s = sigma ? (sigma[b] as number) : b;
    const d = blockDocument[b] as number;
    for (let k = coding.starts[s] as number; k < (coding.starts[s + 1] as number); k++) {
      const col = coding.cols[k] as number;
      if (wanted[col]) present[col * documents + d] = 1;
    }
  }
  let a = 0;
  let b = 0;
  let both = 0;
  const codeIn = new Uint8Array(documents);
  for (const [code, col] of pairs) {
    codeIn.fill(0);
    for (const block of codeBlocks[code] as readonly number[]) codeIn[blockDocument[block] as number] = 1;
    for (let d = 0; d < documents; d++) {
      const x = present[col * documents + d] as number;
      const y = codeIn[d] as number;
      a += x;
      b += y;
      both += x & y;
    }
  }
  return kappa(a, b, both, documents * pairs.length);
}
