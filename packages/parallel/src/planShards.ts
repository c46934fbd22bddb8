/**
 * Cuts the list of files (in document order) into shards of consecutive files, the unit a worker
 * reads and tokenises. Shards are small enough to keep every worker busy to the end and to bound
 * the text held at once, large enough that per-task costs vanish. Sharding never changes the
 * result (shards are merged in document order); it only changes speed and memory.
 */

/** Largest shard, in bytes of files: about 0.4 s of tokenising, so workers finish close together. */
export const MAX_SHARD_BYTES = 2 ** 20;
/** Shards per worker when the corpus is small, so that it is still spread. */
const SHARDS_PER_WORKER = 8;
/**
 * With several workers, the text of the last TAIL_SHARDS_PER_WORKER shards per worker is cut into
 * shards a quarter the size, so that the workers finish close together: each worker holds its next
 * shard while it tokenises one (see pool.ts), so the last shards would otherwise leave one worker
 * idle for up to two shards' time.
 */
const TAIL_SHARDS_PER_WORKER = 2;

/** Half-open ranges `[from, to)` of file indices. */
export function planShards(sizes: readonly number[], workers: number): [number, number][] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const bulk = Math.max(1, Math.min(MAX_SHARD_BYTES, Math.ceil(total / (workers * SHARDS_PER_WORKER))));
  const tailFrom = workers > 1 ? total - TAIL_SHARDS_PER_WORKER * workers * bulk : Infinity;
  const shards: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  let before = 0;
  for (let i = 0; i < sizes.length; i++) {
    const target = before >= tailFrom ? Math.ceil(bulk / 4) : bulk;
    before += sizes[i]!;
    if (bytes > 0 && bytes + sizes[i]! > target) {
      shards.push([from, i]);
      from = i;
      bytes = 0;
    }
    bytes += sizes[i]!;
    if (bytes >= target) {
      shards.push([from, i + 1]);
      from = i + 1;
      bytes = 0;
    }
  }
  if (from < sizes.length) shards.push([from, sizes.length]);
  return shards;
}
