import { describe, expect, it } from 'vitest';
import { MAX_SHARD_BYTES, planShards } from '@leximap/parallel';

describe('planShards', () => {
  it('planShards(sizes, 1) cuts consecutive files into 8 shards of about equal bytes', () => {
    expect(planShards([10, 10, 10, 10, 10, 10, 10, 10], 1)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 8]]);
    expect(planShards([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 1)).toEqual([[0, 2], [2, 4], [4, 6], [6, 8], [8, 10], [10, 12], [12, 14], [14, 16]]);
  });

  it('planShards(sizes, 2) never makes a shard larger than MAX_SHARD_BYTES unless one file is', () => {
    const sizes = Array.from({ length: 100 }, () => MAX_SHARD_BYTES / 4);
    sizes[50] = MAX_SHARD_BYTES * 3;
    const shards = planShards(sizes, 2);
    expect(shards).toContainEqual([50, 51]);
    for (const [from, to] of shards) if (to - from > 1) expect(sizes.slice(from, to).reduce((a, b) => a + b)).toBeLessThanOrEqual(MAX_SHARD_BYTES);
    expect(shards.flatMap(([from, to]) => Array.from({ length: to - from }, (_, i) => from + i))).toEqual(sizes.map((_, i) => i));
  });

  it('planShards(sizes, 2) cuts the text of the last 2 shards per worker into quarter shards', () => {
    const sizes = Array.from({ length: 400 }, () => MAX_SHARD_BYTES / 16);
    const bytes = (shard: [number, number]) => (shard[1] - shard[0]) * (MAX_SHARD_BYTES / 16);
    const shards = planShards(sizes, 2);
    // 25 shards' text: the first 21 whole, the last 4 as 16 quarters.
    expect(shards.map(bytes)).toEqual([...Array<number>(21).fill(MAX_SHARD_BYTES), ...Array<number>(16).fill(MAX_SHARD_BYTES / 4)]);
    expect(planShards(sizes, 1).map(bytes)).toEqual(Array<number>(25).fill(MAX_SHARD_BYTES));
  });

  it('planShards([], 2) has no shard; a tail smaller than the target is its own shard', () => {
    expect(planShards([], 2)).toEqual([]);
    expect(planShards([100, 1], 1)).toEqual([[0, 1], [1, 2]]);
  });
});
