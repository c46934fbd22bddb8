/**
 * A list of numbers as JSON, `[0,14,2.5,-1]`, each number as `String(roundNumber(x))` writes it,
 * the digits put into one ASCII buffer instead of a string per number: the columns of `blocks`
 * are most of a result (3.3 M numbers on 8.5 M court words, whose result took 260 ms to serialise
 * with a string per number, 176 ms so). Integers of 32 bits and floats that round to a 6-digit
 * decimal (`exactScale`) are written digit by digit; anything else (a larger integer, a float
 * toPrecision must round, a float under 10⁻⁶ that JSON writes with an exponent) goes through
 * `String`.
 */
import { LeximapError } from '@leximap/core';
import { exactScale, power10, roundNumber } from './roundNumber.ts';

const LARGEST_INT = 2 ** 31 - 1;
/** The largest k written digit by digit: from 10⁻⁶ on, `String` writes no exponent. */
const MAX_SCALE = 11;
/** Characters of the longest number `String` writes (a negative double with an exponent), and its comma. */
const MAX_CHARS = 26;

let scratch = new Uint8Array(1 << 16);

/** `list` as JSON (every element a number); throws on a number JSON cannot hold, naming `path`. */
export function numberList(list: ArrayLike<number>, path: string): string {
  const need = list.length * MAX_CHARS + 2;
  if (scratch.length < need) scratch = new Uint8Array(Math.max(need, 2 * scratch.length));
  const b = scratch;
  let p = 0;
  b[p++] = 0x5b;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) b[p++] = 0x2c;
    const x = list[i]!;
    if (Number.isInteger(x) && x >= -LARGEST_INT && x <= LARGEST_INT) {
      p = writeInteger(b, p, x);
      continue;
    }
    if (!Number.isFinite(x)) throw new LeximapError('E_BAD_RESULT', `${path}: got ${x}, which JSON cannot hold; expected a finite number`);
    const k = Number.isInteger(x) ? -1 : exactScale(Math.abs(x));
    if (k >= 0 && k <= MAX_SCALE) {
      p = writeDecimal(b, p, x < 0, Math.round(Math.abs(x) * power10(k)), k);
      continue;
    }
    const s = String(roundNumber(x));
    for (let c = 0; c < s.length; c++) b[p++] = s.charCodeAt(c);
  }
  b[p++] = 0x5d;
  return Buffer.from(b.buffer, b.byteOffset, p).toString('latin1');
}

/** Writes the integer x (|x| < 2³¹; −0 as 0) at p; returns the end. */
function writeInteger(b: Uint8Array, p: number, x: number): number {
  let y = x;
  if (y < 0) {
    b[p++] = 0x2d;
    y = -y;
  }
  if (y < 10) {
    b[p++] = 0x30 + y;
    return p;
  }
  const start = p;
  while (y > 0) {
    const q = (y / 10) | 0;
    b[p++] = 0x30 + (y - q * 10);
    y = q;
  }
  for (let l = start, h = p - 1; l < h; l++, h--) {
    const t = b[l]!;
    b[l] = b[h]!;
    b[h] = t;
  }
  return p;
}

/** Writes n / 10^k (n of 6 or 7 digits, k ≤ MAX_SCALE) as the shortest decimal, which `String` gives for that double: no trailing zeros, no point without a fraction. */
function writeDecimal(b: Uint8Array, p: number, negative: boolean, n: number, k: number): number {
  if (negative) b[p++] = 0x2d;
  const digits = String(n);
  const whole = digits.length - k;
  let end = digits.length;
  while (end > Math.max(whole, 0) && digits.charCodeAt(end - 1) === 0x30) end--;
  if (whole <= 0) {
    b[p++] = 0x30;
    b[p++] = 0x2e;
    for (let z = 0; z < -whole; z++) b[p++] = 0x30;
    for (let c = 0; c < end; c++) b[p++] = digits.charCodeAt(c);
    return p;
  }
  for (let c = 0; c < whole; c++) b[p++] = digits.charCodeAt(c);
  if (end > whole) {
    b[p++] = 0x2e;
    for (let c = whole; c < end; c++) b[p++] = digits.charCodeAt(c);
  }
  return p;
}
