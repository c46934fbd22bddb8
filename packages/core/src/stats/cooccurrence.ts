/**
 * Term × term co-occurrence over blocks, sparse: the number of blocks two terms share.
 * Never a dense product of the incidence matrix: row by row over the transpose, with one dense
 * scratch row, so the work is Σ over blocks of (terms in block)² and memory is the output.
 * Shardable by block range; shard results add up (`addCsr`).
 */
import { transpose, type Csr, type WeightedCsr } from './csr.ts';

/**
 * Upper-triangular co-occurrence (`j > i` in row i) of the columns of `m` (blocks × terms), over
 * the blocks `[from, to)`.
 */
export function cooccurrence(m: Csr, from = 0, to = m.rows): WeightedCsr {
  const sub: Csr = {
    rows: to - from,
    cols: m.cols,
    starts: m.starts.subarray(from, to + 1).map((s) => s - m.starts[from]!),
    indices: m.indices.subarray(m.starts[from]!, m.starts[to]!),
  };
  const t = transpose(sub);
  const scratch = new Uint32Array(m.cols);
  const touched = new Uint32Array(m.cols);
  const starts = new Uint32Array(m.cols + 1);
  let indices = new Uint32Array(1024);
  let values = new Uint32Array(1024);
  let k = 0;
  for (let i = 0; i < m.cols; i++) {
    let nTouched = 0;
    for (let q = t.starts[i]!; q < t.starts[i + 1]!; q++) {
      const b = t.indices[q]!;
      const end = sub.starts[b + 1]!;
      for (let r = sub.starts[b]!; r < end; r++) {
        const j = sub.indices[r]!;
        if (j <= i) continue;
        if (scratch[j] === 0) touched[nTouched++] = j;
        scratch[j]!++;
      }
    }
    const row = touched.subarray(0, nTouched).sort();
    if (k + nTouched > indices.length) {
      const size = Math.max(indices.length * 2, k + nTouched);
      const ni = new Uint32Array(size);
      ni.set(indices);
      indices = ni;
      const nv = new Uint32Array(size);
      nv.set(values);
      values = nv;
    }
    for (let q = 0; q < nTouched; q++) {
      const j = row[q]!;
      indices[k] = j;
      values[k++] = scratch[j]!;
      scratch[j] = 0;
    }
    starts[i + 1] = k;
  }
  return { rows: m.cols, cols: m.cols, starts, indices: indices.slice(0, k), values: values.slice(0, k) };
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
