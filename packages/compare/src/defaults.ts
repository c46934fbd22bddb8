/** Options of `compare`, with their defaults (the reasons for each are in docs/glossary.md). */
import { LeximapError } from '@leximap/core';

export interface CompareOptions {
  /** Which block projection of the codes is compared: overlap by ≥ 1 character, or ≥ 50% of the block. @default 'any' */
  overlap: 'any' | 'half';
  /** Largest Benjamini–Hochberg q-value of a match (the false-discovery rate over the table). @default 0.05 */
  alpha: number;
  /** Smallest lift of a match: at least twice the blocks independent sets of the same sizes would share. @default 2 */
  minLift: number;
  /** Smallest share of the smaller set's blocks that a match shares (both / min(a, b)). @default 0.2 */
  minShare: number;
  /** Permutation rounds of the chance levels (0: none). @default 200 */
  rounds: number;
  /** Seed of the permutations. @default the result's `parameters.seed` */
  seed?: number;
  /** Quotes (block indices) kept per cell, unmatched code and uncovered concept. @default 3 */
  quotes: number;
}

export const COMPARE_DEFAULTS: CompareOptions = { overlap: 'any', alpha: 0.05, minLift: 2, minShare: 0.2, rounds: 200, quotes: 3 };

export function resolveCompareOptions(options: Partial<CompareOptions> = {}): CompareOptions {
  const resolved = { ...COMPARE_DEFAULTS, ...options };
  const fail = (name: string, value: unknown, expected: string): never => {
    throw new LeximapError('E_OPTION', `${name} is ${JSON.stringify(value)}; expected ${expected}`);
  };
  if (resolved.overlap !== 'any' && resolved.overlap !== 'half') fail('overlap', resolved.overlap, '"any" or "half"');
  if (!(resolved.alpha > 0 && resolved.alpha <= 1)) fail('alpha', resolved.alpha, 'a number above 0 and at most 1');
  if (!(resolved.minLift >= 0 && Number.isFinite(resolved.minLift))) fail('minLift', resolved.minLift, 'a number ≥ 0');
  if (!(resolved.minShare >= 0 && resolved.minShare <= 1)) fail('minShare', resolved.minShare, 'a number from 0 to 1');
  if (!Number.isInteger(resolved.rounds) || resolved.rounds < 0 || resolved.rounds > 100000) fail('rounds', resolved.rounds, 'a whole number from 0 to 100000');
  if (resolved.seed !== undefined && !Number.isInteger(resolved.seed)) fail('seed', resolved.seed, 'a whole number');
  if (!Number.isInteger(resolved.quotes) || resolved.quotes < 0) fail('quotes', resolved.quotes, 'a whole number ≥ 0');
  return resolved;
}
