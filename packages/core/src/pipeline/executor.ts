/**
 * The seam between the pipeline and where its heavy kernels run. `inProcess` runs them here;
 * @leximap/parallel provides one that runs them on a worker pool. Both run the same pure kernels
 * on the same inputs and merge in a fixed order, so the result is byte-identical.
 */
import { learnConcepts, type LearnedConcept, type LearningInput, type LearningOptions } from '../concepts/thesaurus.ts';
import { layoutMap, type LayoutMap, type LayoutStartInput } from '../map/layout.ts';
import type { AnalysisOptions } from '../defaults.ts';
import type { TermStats } from '../stats/termStats.ts';
import type { ResampleFound } from '../stability/stability.ts';

export interface Executor {
  learn(input: LearningInput, seeds: number[][], options: LearningOptions, frozen: boolean[]): Promise<LearnedConcept[]>;
  /** Layout starts `0..starts-1`, the best of them refined: the same as `layoutMap`. */
  layout(input: LayoutStartInput, starts: number): Promise<LayoutMap>;
  /**
   * The stability report's resamples, `outs[r]` the documents resample r leaves out: what
   * `resampleFound` gives for each, in order. Without it they are learned one after another in
   * this thread, each learning on this executor.
   */
  resamples?(stats: TermStats, options: AnalysisOptions, outs: number[][]): Promise<ResampleFound[]>;
}

export const inProcess: Executor = {
  learn: async (input, seeds, options, frozen) => learnConcepts(input, seeds, options, frozen),
  layout: async (input, starts) => layoutMap(input, starts),
};
