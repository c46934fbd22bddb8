/**
 * The seam between the pipeline and where its heavy kernels run. `inProcess` runs them here;
 * @leximap/parallel provides one that runs them on a worker pool. Both run the same pure kernels
 * on the same inputs and merge in a fixed order, so the result is byte-identical.
 */
import { learnConcepts, type LearnedConcept, type LearningInput, type LearningOptions } from '../concepts/thesaurus.ts';
import { layoutMap, type LayoutMap, type LayoutStartInput } from '../map/layout.ts';

export interface Executor {
  learn(input: LearningInput, seeds: number[][], options: LearningOptions, frozen: boolean[]): Promise<LearnedConcept[]>;
  /** Layout starts `0..starts-1`, the best of them refined: the same as `layoutMap`. */
  layout(input: LayoutStartInput, starts: number): Promise<LayoutMap>;
}

export const inProcess: Executor = {
  learn: async (input, seeds, options, frozen) => learnConcepts(input, seeds, options, frozen),
  layout: async (input, starts) => layoutMap(input, starts),
};
