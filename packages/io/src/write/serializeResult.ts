/**
 * Deterministic JSON of a result: keys in the order the result was built (the contract's order),
 * floats rounded to 6 significant digits and integers untouched, so the same result is always
 * the same bytes. Indented by two spaces for diffs, except arrays of plain values (the columns of
 * `blocks` and `cooccurrence`, tags, members, quotes), which stay on one line so a 100k-block
 * result stays small.
 */
import { LeximapError } from '@leximap/core';
import type { LeximapResult } from '@leximap/core';
import { numberList } from './numberList.ts';
import { roundNumber } from './roundNumber.ts';

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function number(x: number, path: string): string {
  if (!Number.isFinite(x)) throw new LeximapError('E_BAD_RESULT', `${path}: got ${x}, which JSON cannot hold; expected a finite number`);
  // A finite number's JSON is its String (ECMA-262 SerializeJSONProperty), without JSON.stringify's cost per call.
  return String(roundNumber(x));
}

/** Typed arrays of numbers (not of bigints). */
function isNumberArray(value: unknown): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}

function scalar(value: unknown, path: string): string {
  if (typeof value === 'number') return number(value, path);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  throw new LeximapError('E_BAD_RESULT', `${path}: got a ${typeof value}, which JSON cannot hold`);
}

function write(value: unknown, indent: string, path: string, out: string[]): void {
  if (isPlain(value)) {
    out.push(scalar(value, path));
    return;
  }
  if (isNumberArray(value)) {
    // The columns of blocks and co-occurrence, most of a result, as one ASCII run each.
    out.push(numberList(value, path));
    return;
  }
  const list = Array.isArray(value) ? value : undefined;
  if (list !== undefined) {
    if (list.every((x) => typeof x === 'number')) {
      out.push(numberList(list, path));
      return;
    }
    if (list.every(isPlain)) {
      const parts = new Array<string>(list.length);
      for (let i = 0; i < list.length; i++) parts[i] = scalar(list[i], path);
      out.push(`[${parts.join(',')}]`);
      return;
    }
    const inner = `${indent}  `;
    out.push('[\n');
    list.forEach((item, i) => {
      out.push(inner);
      write(item === undefined ? null : item, inner, `${path}[${i}]`, out);
      out.push(i < list.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}]`);
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  const inner = `${indent}  `;
  out.push('{\n');
  entries.forEach(([key, v], i) => {
    out.push(`${inner}${JSON.stringify(key)}: `);
    write(v, inner, path === '' ? key : `${path}.${key}`, out);
    out.push(i < entries.length - 1 ? ',\n' : '\n');
  });
  out.push(`${indent}}`);
}

/** The result as deterministic JSON text, ending with a newline. */
export function serializeResult(result: LeximapResult): string {
  const out: string[] = [];
  write(result, '', '', out);
  out.push('\n');
  return out.join('');
}
