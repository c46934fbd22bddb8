/**
 * An Executor (core's seam for heavy kernels) that runs them on the pool: concepts learned in
 * batches; a small map's whole layout in one task, a large map's starts shared out among the
 * workers; the stability report's resamples one per task. Results are placed by index, so they
 * are the same as `inProcess` gives, with any number of workers.
 */
import { finishLayout, type Csr, type Executor, type LayoutMap, type LearnedConcept, type LearningInput, type ResampleFound } from '@leximap/core';
import type { Pool } from './pool.ts';
import { shared } from './transfer.ts';

/**
 * The work of a layout task worth a worker of its own, in concepts² × starts (a start's SMACOF costs
 * about n² per iteration). The 4 starts of 89 concepts (about 32 k; 60–90 ms cold) run as one task,
 * which also refines the best start: the other workers read the quotes' files meanwhile, and this
 * thread, choosing the quotes, keeps a core. Shared out over two workers (with the pool shutting
 * down early), the stages from layout to result took 0.47–0.54 s on 8.5 M court words; in one task,
 * 0.38–0.47 s (four alternating runs each); with the refining in that task too, 0.33–0.34 s.
 */
export const LAYOUT_WORK_PER_TASK = 60_000;

/** How many tasks the layout's `starts` starts of `n` concepts are cut into on `threads` workers. */
export function layoutTasks(n: number, starts: number, threads: number): number {
  return Math.max(1, Math.min(threads, starts, Math.round((n * n * starts) / LAYOUT_WORK_PER_TASK)));
}

export function poolExecutor(pool: Pool): Executor {
  // One shared copy of each input array for the whole run, however often it is posted: the learning
  // input and the resamples' term statistics hold the same block × term columns and block
  // frequencies (read-only).
  const copies = new WeakMap<object, unknown>();
  const share = <A extends Parameters<typeof shared>[0]>(array: A): A => {
    let copy = copies.get(array) as A | undefined;
    if (copy === undefined) copies.set(array, (copy = shared(array)));
    return copy;
  };
  const sharedCsr = (m: Csr): Csr => ({ rows: m.rows, cols: m.cols, starts: share(m.starts), indices: share(m.indices) });
  /** `value` with every typed array in it (in plain objects, at any depth) shared; the rest as it is. */
  const sharedDeep = <T>(value: T): T => {
    if (ArrayBuffer.isView(value)) return share(value as never) as T;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sharedDeep(v)])) as T;
  };
  return {
    async learn(input, seeds, options, frozen) {
      const sharedInput: LearningInput = { blockTerms: sharedCsr(input.blockTerms), termBlocks: sharedCsr(input.termBlocks), df: share(input.df), blocks: input.blocks, next: share(input.next), minBlocks: input.minBlocks };
      // Several small batches per worker even out concepts of very different sizes.
      const size = Math.max(1, Math.ceil(seeds.length / (pool.threads * 4)));
      const batches: Promise<LearnedConcept[]>[] = [];
      const learning = { learningThreshold: options.learningThreshold, codingThreshold: options.codingThreshold, minSupport: options.minSupport, maxTerms: options.maxTerms, maxIterations: options.maxIterations, convergence: options.convergence };
      for (let i = 0; i < seeds.length; i += size) {
        batches.push(
          pool.run<LearnedConcept[]>({
            kind: 'learn',
            input: sharedInput,
            seeds: seeds.slice(i, i + size).map((s) => [...s]),
            options: learning,
            frozen: frozen.slice(i, i + size),
          }),
        );
      }
      return (await Promise.all(batches)).flat();
    },
    // Each resample is learned whole on a worker (the term statistics shared, not copied), each
    // worker one at a time, instead of the workers waiting while this thread counts a resample's
    // co-occurrence, seeds and chains (they were 75 % idle); results are placed by index. On 8.5 M
    // court words `--stability 20`'s stage took 10.4 and 14.9 s so, 15.6 and 17.7 s with each
    // resample in this thread and only its concepts learned on the pool (alternating runs).
    async resamples(stats, options, outs) {
      const input = sharedDeep(stats);
      return Promise.all(outs.map((out) => pool.run<ResampleFound>({ kind: 'resample', stats: input, options, out })));
    },
    async layout(input, starts) {
      const plain = { ...input, labelLengths: Array.from(input.labelLengths) };
      const tasks = layoutTasks(input.n, starts, pool.threads);
      if (tasks === 1) return pool.run<LayoutMap>({ kind: 'map', input: plain, starts });
      // Task k runs starts k, k + tasks, … while this thread chooses the quotes (it could not hand
      // out a next task before it is done); the best is refined here.
      const parts = await Promise.all(
        Array.from({ length: tasks }, (_, k) => {
          const mine = Array.from({ length: Math.ceil((starts - k) / tasks) }, (_, i) => k + i * tasks);
          return pool.run<{ xy: Float64Array; stress: number }[]>({ kind: 'layout', input: plain, starts: mine });
        }),
      );
      return finishLayout(
        input,
        Array.from({ length: starts }, (_, start) => parts[start % tasks]![Math.floor(start / tasks)]!),
      );
    },
  };
}
