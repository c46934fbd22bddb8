/**
 * Term × term co-occurrence over blocks, sparse: the number of blocks two terms share.
 * Counted block by block into a dense tile of rows (each pair of a block's terms is one
 * increment, the blocks are read in order), then compressed into the output; memory is a tile of
 * at most TILE_CELLS counts plus the output. It runs in the main thread (see analyze.ts).
 */
import { room, type Csr, type WeightedCsr } from './csr.ts';

/**
 * Counts in a tile: 2²⁰ (4 MB). Rows i of the output go a tile at a time, as many as fit; each
 * tile reads every block from where the last stopped (its terms are sorted), so each pair is
 * counted once in all and a further tile costs one pass over the block starts.
 *
 * On the 1 986 candidates × 308 k blocks of 8.5 M court words this takes 57 ms warm (2²²-cell
 * tiles: 97–135 ms; 2¹⁹: 64 ms), against 230–330 ms going term by term over the transpose, which
 * jumped from block to block and scanned every pair twice.
 */
export const TILE_CELLS = 2 ** 20;

/**
 * Upper-triangular co-occurrence (`j > i` in row i) of the columns of `m` (blocks × terms, rows
 * sorted as every Csr's). `tileCells` is for tests.
 */
export function cooccurrence(m: Csr, tileCells = TILE_CELLS): WeightedCsr {
  const n = m.cols;
  const tileRows = Math.max(1, Math.min(n, Math.floor(tileCells / Math.max(1, n))));
  const tile = new Uint32Array(tileRows * n);
  // Each block's first entry not yet counted as a row i.
  const next = m.starts.slice(0, m.rows);
  const starts = new Uint32Array(n + 1);
  const out = { indices: new Uint32Array(1024), values: new Uint32Array(1024), length: 0 };
  for (let first = 0; first < n; first += tileRows) {
    const end = Math.min(n, first + tileRows);
    countTile(m, next, tile, first, end);
    compressTile(tile, n, first, end, starts, out);
  }
  return { rows: n, cols: n, starts, indices: out.indices.slice(0, out.length), values: out.values.slice(0, out.length) };
}

/** Adds the pairs (i, j > i) of every block with `first <= i < end` into `tile` (row i at `(i - first) · cols`). */
function countTile(m: Csr, next: Uint32Array, tile: Uint32Array, first: number, end: number): void {
  const { starts, indices } = m;
  const n = m.cols;
  for (let b = 0; b < m.rows; b++) {
    const stop = starts[b + 1]!;
    let p = next[b]!;
    for (; p < stop; p++) {
      const i = indices[p]!;
      if (i >= end) break;
      const row = (i - first) * n;
      for (let q = p + 1; q < stop; q++) tile[row + indices[q]!]!++;
    }
    next[b] = p;
  }
}

/** Moves the tile's rows `[first, end)` (their entries right of the diagonal) into `out`, leaving the tile zero. */
function compressTile(
  tile: Uint32Array,
  n: number,
  first: number,
  end: number,
  starts: Uint32Array,
  out: { indices: Uint32Array; values: Uint32Array; length: number },
): void {
  for (let i = first; i < end; i++) {
    const row = (i - first) * n;
    out.indices = room(out.indices, out.length, out.length + n);
    out.values = room(out.values, out.length, out.length + n);
    const { indices, values } = out;
    let k = out.length;
    for (let j = i + 1; j < n; j++) {
      const v = tile[row + j]!;
      if (v !== 0) {
        indices[k] = j;
        values[k++] = v;
        tile[row + j] = 0;
      }
    }
    out.length = k;
    starts[i + 1] = k;
  }
}

/** Both triangles of an upper-triangular co-occurrence, for row access. */
export function symmetrize(upper: WeightedCsr): WeightedCsr {
  const n = upper.rows;
  const counts = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let k = upper.starts[i]!; k < upper.starts[i + 1]!; k++) {
      counts[i + 1]!++;
      counts[upper.indices[k]! + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const fill = counts.slice(0, n);
  const indices = new Uint32Array(counts[n]!);
  const values = new Uint32Array(counts[n]!);
  // Lower entries of row j (from rows i < j) come first and ascending, then its upper entries.
  for (let i = 0; i < n; i++) {
    for (let k = upper.starts[i]!; k < upper.starts[i + 1]!; k++) {
      const j = upper.indices[k]!;
      indices[fill[j]!] = i;
      values[fill[j]!++] = upper.values[k]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let k = upper.starts[i]!; k < upper.starts[i + 1]!; k++) {
      indices[fill[i]!] = upper.indices[k]!;
      values[fill[i]!++] = upper.values[k]!;
    }
  }
  return { rows: n, cols: n, starts: counts, indices, values };
}
