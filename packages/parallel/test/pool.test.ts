import { describe, expect, it } from 'vitest';
import { startPool } from '@leximap/parallel';

const n = 40;
const layout = (iterations: number) => ({
  kind: 'layout' as const,
  input: { n, S: new Float64Array(n * n).fill(0.5), D: new Float64Array(n * n).fill(1), mds: new Float64Array(n * 2), labelLengths: new Array<number>(n).fill(5), seed: 1, iterations },
  start: 1,
});

/** Co-occurrence of `size` blocks that all hold the same `size` terms: about size³ / 2 steps (seconds at 2000). */
const dense = (size: number) => ({
  kind: 'cooccurrence' as const,
  m: { rows: size, cols: size, starts: Uint32Array.from({ length: size + 1 }, (_, b) => b * size), indices: Uint32Array.from({ length: size * size }, (_, q) => q % size) },
  from: 0,
  to: size,
});

describe('startPool', () => {
  it('pool.close(true) lets running tasks finish before the workers stop', async () => {
    const pool = startPool(2);
    const late = pool.run<{ stress: number }>(layout(2000));
    await pool.close(true);
    expect((await late).stress).toBeGreaterThan(0);
  });

  it('pool.close() stops running tasks: they reject, and nothing is thrown elsewhere', async () => {
    const pool = startPool(2);
    const cut = pool.run(dense(2000)).then(
      () => 'finished',
      () => 'stopped',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await pool.close();
    expect(await cut).toBe('stopped');
  });
});
