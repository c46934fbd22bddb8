/**
 * Moving typed arrays between threads: results come back as transferables (no copy), and the
 * large read-only inputs that every task reads (the block × term CSR and its transpose) go out
 * once as SharedArrayBuffers, so posting them to a task costs nothing.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';

type Typed = Uint8Array | Int32Array | Uint32Array | Float64Array;

/** The distinct transferable buffers under `value` (plain objects and arrays are walked). */
export function transferables(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) transferables(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) transferables(item, out);
  }
  return [...out];
}

/** Wraps a task result so piscina transfers its typed arrays instead of cloning them. */
export function moveResult<T extends object>(value: T): T {
  const list = transferables(value);
  if (list.length === 0) return value;
  return move({
    get [transferableSymbol]() {
      return list;
    },
    get [valueSymbol]() {
      return value;
    },
  }) as unknown as T;
}

/** A copy of `array` in a SharedArrayBuffer (or `array` itself when it already is shared). */
export function shared<T extends Typed>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}
