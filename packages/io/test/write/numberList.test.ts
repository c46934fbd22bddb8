import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberList } from '../../src/write/numberList.ts';
import { roundNumber } from '../../src/write/roundNumber.ts';

/** What the columns were written as before: each number's String, rounded, joined. */
const joined = (list: ArrayLike<number>): string => `[${Array.from(list, (x) => String(roundNumber(x))).join(',')}]`;

const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.integer().map((i) => i * 1024),
  fc.maxSafeInteger(),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: 1e-9, max: 1e-4, noNaN: true }),
  fc.constantFrom(0, -0, 0.1, 2.5, 999999.5, 0.00999999951, 1e21, -2147483648, 2147483647, 5e-324),
);

describe('numberList', () => {
  it('numberList(list) is every number String(roundNumber(x)) joined by commas, for any finite numbers', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 40 }), (list) => numberList(list, 'x') === joined(list)),
      { numRuns: 20_000 },
    );
  });

  it('numberList(…) writes typed arrays as their numbers, and an empty list as []', () => {
    expect(numberList(Uint32Array.from([0, 14, 4294967295]), 'x')).toBe('[0,14,4294967295]');
    expect(numberList(Int32Array.from([-1, 0, 7]), 'x')).toBe('[-1,0,7]');
    expect(numberList(Float64Array.from([4.123456789, 2.5, 1 / 3]), 'x')).toBe('[4.12346,2.5,0.333333]');
    expect(numberList([], 'x')).toBe('[]');
  });

  it('numberList(…) refuses a number JSON cannot hold, naming the column', () => {
    expect(() => numberList([1, Number.NaN], 'blocks.scores')).toThrow('blocks.scores: got NaN, which JSON cannot hold; expected a finite number');
    expect(() => numberList([Infinity], 'layout.stress')).toThrow('layout.stress: got Infinity');
  });

  it('numberList(…) grows its buffer for a long column', () => {
    const long = Array.from({ length: 300_000 }, (_, i) => (i % 3 === 0 ? -i : i / 7));
    expect(numberList(long, 'x')).toBe(joined(long));
  });
});
