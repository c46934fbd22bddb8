import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundNumber } from '../../src/write/roundNumber.ts';

/** What the result's floats were rounded by before the arithmetic path: the string round trip. */
const byString = (x: number): number => (Number.isInteger(x) || !Number.isFinite(x) ? x : Number(x.toPrecision(6)));

describe('roundNumber', () => {
  it('roundNumber(x) is Number(x.toPrecision(6)) for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (x) => Object.is(roundNumber(x), byString(x))),
      { numRuns: 200_000 },
    );
  });

  it('roundNumber(x) is Number(x.toPrecision(6)) at halves of the sixth digit and next to them', () => {
    // n.5 · 10^-k and its neighbouring doubles: where the product with 10^k may round either way.
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 999_999 }), fc.integer({ min: -10, max: 22 }), fc.integer({ min: -2, max: 2 }), fc.boolean(), (n, k, step, negative) => {
        let x = (n + 0.5) / 10 ** k;
        for (let s = 0; s < Math.abs(step); s++) x = step > 0 ? nextUp(x) : nextDown(x);
        if (negative) x = -x;
        return Object.is(roundNumber(x), byString(x));
      }),
      { numRuns: 100_000 },
    );
  });

  it('roundNumber(…) keeps integers, infinities and NaN, and rounds at powers of ten', () => {
    expect(roundNumber(123456789)).toBe(123456789);
    expect(roundNumber(-0)).toBe(-0);
    expect(roundNumber(Infinity)).toBe(Infinity);
    expect(roundNumber(Number.NaN)).toBeNaN();
    expect(roundNumber(0.1 + 0.2)).toBe(0.3);
    expect(roundNumber(999999.5)).toBe(1e6);
    expect(roundNumber(0.00999999951)).toBe(0.01);
    expect(roundNumber(-2.345675)).toBe(byString(-2.345675));
    expect(roundNumber(5e-324)).toBe(5e-324);
  });
});

const view = new DataView(new ArrayBuffer(8));

/** The next double above x (x finite and positive). */
function nextUp(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** The next double below x (x finite and positive). */
function nextDown(x: number): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}
