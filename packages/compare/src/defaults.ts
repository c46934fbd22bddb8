/** Options of `compare`, with their defaults. */
import { LeximapError } from '@leximap/core';

export interface CompareOptions {
  /** Which block projection of the codes is compared: overlap by ≥ 1 character, or ≥ 50% of the block. @default 'any' */
  overlap: 'any' | 'half';
  /** An assigned code–concept pair counts as matched at this Jaccard index or more. @default 0.05 */
  minJaccard: number;
  /** Quotes (block indices) kept per unmatched code and uncovered concept. @default 3 */
  quotes: number;
}

export const COMPARE_DEFAULTS: CompareOptions = { overlap: 'any', minJaccard: 0.05, quotes: 3 };

export function resolveCompareOptions(options: Partial<CompareOptions> = {}): CompareOptions {
  const resolved = { ...COMPARE_DEFAULTS, ...options };
  if (resolved.overlap !== 'any' && resolved.overlap !== 'half') {
    throw new LeximapError('E_OPTION', `overlap is "${String(resolved.overlap)}"; expected "any" or "half"`);
  }
  if (!(resolved.minJaccard >= 0 && resolved.minJaccard <= 1)) {
    throw new LeximapError('E_OPTION', `minJaccard is ${resolved.minJaccard}; expected a number from 0 to 1`);
  }
  if (!Number.isInteger(resolved.quotes) || resolved.quotes < 0) {
    throw new LeximapError('E_OPTION', `quotes is ${resolved.quotes}; expected a whole number ≥ 0`);
  }
  return resolved;
}
