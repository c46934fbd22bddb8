/**
 * Compressed sparse rows, the one sparse layout of the project: row i holds
 * `indices[starts[i]..starts[i+1])` (sorted) with `values` alongside when there are values.
 */
export interface Csr {
  rows: number;
  cols: number;
  starts: Uint32Array;
  indices: Uint32Array;
}

export interface WeightedCsr extends Csr {
  values: Uint32Array;
}

type Column = Uint8Array | Int32Array | Uint32Array | Float64Array;

/** `array` (of which `used` entries are filled) with room for at least `needed`: itself, or a copy twice as large. */
export function room<T extends Column>(array: T, used: number, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array.subarray(0, used) as never);
  return next;
}

/** The transpose of a pattern CSR (column i lists the rows that hold it, ascending). */
export function transpose(m: Csr): Csr {
  const starts = new Uint32Array(m.cols + 1);
  for (let k = 0; k < m.indices.length; k++) starts[m.indices[k]! + 1]!++;
  for (let c = 0; c < m.cols; c++) starts[c + 1]! += starts[c]!;
  const fill = starts.slice(0, m.cols);
  const indices = new Uint32Array(m.indices.length);
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.starts[r]!; k < m.starts[r + 1]!; k++) indices[fill[m.indices[k]!]!++] = r;
  }
  return { rows: m.cols, cols: m.rows, starts, indices };
}

/** Keeps only the columns with `columnMap[c] >= 0`, renumbered to `columnMap[c]` (which must be increasing in c). */
export function selectColumns(m: Csr, columnMap: Int32Array, cols: number): Csr {
  const starts = new Uint32Array(m.rows + 1);
  let k = 0;
  for (let r = 0; r < m.rows; r++) {
    for (let i = m.starts[r]!; i < m.starts[r + 1]!; i++) if (columnMap[m.indices[i]!]! >= 0) k++;
    starts[r + 1] = k;
  }
  const indices = new Uint32Array(k);
  k = 0;
  for (let r = 0; r < m.rows; r++) {
    for (let i = m.starts[r]!; i < m.starts[r + 1]!; i++) {
      const c = columnMap[m.indices[i]!]!;
      if (c >= 0) indices[k++] = c;
    }
  }
  return { rows: m.rows, cols, starts, indices };
}
