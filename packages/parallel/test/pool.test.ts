import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { queueOptionsSymbol } from 'piscina';
import { describe, expect, it } from 'vitest';
import { startPool } from '@leximap/parallel';
import { balancer, HOLD_NEXT } from '../src/pool.ts';

const n = 40;
/** Random layout starts 1..starts of 40 concepts (a long task at 100 000 starts: a minute or more). */
const layout = (iterations: number, starts = 1) => ({
  kind: 'layout' as const,
  input: { n, S: new Float64Array(n * n).fill(0.5), D: new Float64Array(n * n).fill(1), mds: new Float64Array(n * 2), labelLengths: new Array<number>(n).fill(5), seed: 1, iterations },
  starts: Array.from({ length: starts }, (_, i) => i + 1),
});

describe('balancer', () => {
  type Args = Parameters<typeof balancer>;
  const task = (mark: object | null) => ({ [queueOptionsSymbol]: mark }) as unknown as Args[0];
  const workers = (...usage: number[]) => usage.map((currentUsage, id) => ({ id, currentUsage })) as unknown as Args[1];
  const chosen = (mark: object | null, ...usage: number[]) => balancer(task(mark), workers(...usage))?.id ?? null;

  it('gives any task to an idle worker', () => {
    expect(chosen(null, 1, 0)).toBe(1);
    expect(chosen(HOLD_NEXT, 1, 0, 0)).toBe(1);
  });

  it('gives a text task, when no worker is idle, to the first running a single task; other tasks wait', () => {
    expect(chosen(HOLD_NEXT, 2, 1, 1)).toBe(1);
    expect(chosen(HOLD_NEXT, 2, 2)).toBeNull();
    expect(chosen(null, 1, 1)).toBeNull();
  });
});

describe('startPool', () => {
  it('starts queued tasks in the order they were given (text shards are merged in that order)', async () => {
    // One worker runs its tasks one after the other, so the order they finish in is the order they started in.
    const pool = await startPool(1);
    const finished: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run(layout(5)).then(() => finished.push(i))));
    await pool.close();
    expect(finished).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('pool.close() stops running tasks: they reject, and nothing is thrown elsewhere', async () => {
    const pool = await startPool(2);
    const cut = pool.run(layout(1000, 100_000)).then(
      () => 'finished',
      () => 'stopped',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await pool.close();
    expect(await cut).toBe('stopped');
  });

  it('starts under V8 flags a worker may not take (--max-semi-space-size, --expose-gc, as `pnpm leximap` and `pnpm bench` run)', () => {
    const index = new URL('../src/index.ts', import.meta.url).href;
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const script = `const { startPool } = await import(${JSON.stringify(index)});
      const pool = await startPool(2);
      const n = 3;
      const r = await pool.run({ kind: 'layout', input: { n, S: new Float64Array(n * n).fill(0.5), D: new Float64Array(n * n).fill(1), mds: new Float64Array(n * 2), labelLengths: [1, 1, 1], seed: 1, iterations: 10 }, starts: [1] });
      await pool.close();
      console.log(Number.isFinite(r[0].stress) ? 'ok' : 'bad');`;
    const out = spawnSync(process.execPath, ['--max-semi-space-size=64', '--expose-gc', '--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('ok');
  }, 60_000);
});
