/**
 * An Executor (core's seam for heavy kernels) that runs them on the pool: concepts learned in
 * batches; a small map's whole layout in one task, a large map's starts shared out among the
 * workers. Results are placed by index, so they are the same as `inProcess` gives, with any
 * number of workers.
 */
import { finishLayout, type Csr, type Executor, type LayoutMap, type LearnedConcept, type LearningInput } from '@leximap/core';
import type { Pool } from './pool.ts';
import { shared } from './transfer.ts';

function sharedCsr(m: Csr): Csr {
  return { rows: m.rows, cols: m.cols, starts: shared(m.starts), indices: shared(m.indices) };
}

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
  const sharedInputs = new WeakMap<LearningInput, LearningInput>();
  return {
    async learn(input, seeds, options, frozen) {
      let sharedInput = sharedInputs.get(input);
      if (sharedInput === undefined) {
        sharedInput = { blockTerms: sharedCsr(input.blockTerms), termBlocks: sharedCsr(input.termBlocks), df: shared(input.df), blocks: input.blocks, next: shared(input.next), minBlocks: input.minBlocks };
        sharedInputs.set(input, sharedInput);
      }
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
