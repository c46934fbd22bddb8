/**
 * The stability report (DESIGN.md §8b): the concepts and themes learned again on document
 * resamples, each leaving out 10 % of the documents, and how much of the reading holds.
 * Leximancer's manual asks users to re-run and compare maps by eye ("checking map stability");
 * here the comparison is measured. Concepts are matched across runs by their seed terms: a concept
 * of the full run is found again when a resample's concept holds its label or one of its seeds.
 * So "PDP" is found in a resample where it was merged with "ICE" (their blocks coincided there)
 * under the label "ICE"; matching by label alone counted it as lost.
 *
 * - per concept: the share of resamples in which it is found again;
 * - per theme: how often its members stay together — over pairs of members found in a resample,
 *   the share in the same theme (a one-concept theme: the share of resamples that find it);
 * - per concept again: how often it stays with its theme — the same share over the pairs it makes
 *   with the other members of its theme, so that the concepts that move between themes, which
 *   are what lowers the ARI, are named (none for a one-concept theme);
 * - overall: the adjusted Rand index of the themes (over the concepts both runs share) and the
 *   Jaccard index of the concept sets, each with mean, minimum and maximum over the resamples.
 *
 * Each resample is the pure stats → themes half of the analysis on a block mask, so the text is
 * read and tokenised once; a pool learns whole resamples on its workers (`Executor.resamples`).
 * The map layout is not re-run: themes do not depend on it.
 */
import type { AnalysisOptions } from '../defaults.ts';
import { isLeximapError } from '../errors.ts';
import { computeThemes, presenceGraph } from '../map/themes.ts';
import type { Executor } from '../pipeline/executor.ts';
import { learnConceptSet } from '../pipeline/learnConcepts.ts';
import type { TermStats } from '../stats/termStats.ts';
import type { Spread, StabilitySummary } from '../result/schema.ts';
import { adjustedRand } from './adjustedRand.ts';
import { leftOut, maskDocuments } from './resample.ts';

export interface StabilityInput {
  stats: TermStats;
  /** The full run's concepts, each by its seed terms (its label first), and each concept's theme (-1 for none). */
  seeds: readonly (readonly string[])[];
  themeOf: Int32Array;
  executor: Executor;
}

export interface StabilityReport {
  summary: StabilitySummary;
  /** Per concept of the full run: the share of resamples that find it again. */
  concepts: Float64Array;
  /** Per concept of the full run: the share of its pairs with the other members of its theme that stay in one theme (NaN where it has no such pair). */
  conceptThemes: Float64Array;
  /** Per theme of the full run (by id): how often its members stay together. */
  themes: Float64Array;
}

/** `auto`: 10 resamples for interview-sized studies (≤ 20 000 blocks), none above; never with fewer than 3 documents. */
export function stabilityRuns(requested: AnalysisOptions['stability'], blocks: number, documents: number): number {
  if (documents < 3) return 0;
  if (requested === 'auto') return blocks <= 20_000 ? 10 : 0;
  return requested;
}

/** What one resample learns: how many concepts, and each seed term's theme (a concept's label is one of its seeds). */
export interface ResampleFound {
  concepts: number;
  themeOfSeed: Map<string, number>;
}

/**
 * The concepts and themes of `stats` with the documents `out` left out, learned with `executor`:
 * a pure function of its inputs, so a pool runs whole resamples on its workers (`Executor.resamples`)
 * and the report is the same bytes. A resample too small to learn from finds nothing again.
 */
export async function resampleFound(stats: TermStats, options: AnalysisOptions, out: readonly number[], executor: Executor): Promise<ResampleFound> {
  const masked = maskDocuments(stats, out);
  let learnt;
  try {
    learnt = await learnConceptSet(masked, options, executor);
  } catch (error) {
    if (isLeximapError(error) && error.code === 'E_TOO_SMALL') return { concepts: 0, themeOfSeed: new Map() };
    throw error;
  }
  const K = learnt.concepts.length;
  // Grouped by presence, as in the full run (analyze.ts); only the grouping is compared, so themes need no names here.
  const graph = presenceGraph(learnt.presence, K, masked.blocks.excluded);
  const concepts = learnt.concepts.map((c, i) => ({ label: c.label, x: 0, y: 0, connectedness: 0, count: graph.presence[i]! }));
  const themes = computeThemes(concepts, graph, options.themeSize, options.themes === 'auto' ? {} : { count: options.themes });
  const themeOfSeed = new Map<string, number>();
  for (const t of themes) for (const m of t.members) for (const seed of learnt.concepts[m]!.seeds) themeOfSeed.set(masked.terms[seed]!, t.id);
  return { concepts: K, themeOfSeed };
}

/** Each full-run concept's theme in a resample: that of the first of its terms (label, then seeds) a resample's concept holds; -1 when none does. */
export function findAgain(seeds: readonly (readonly string[])[], themeOfSeed: ReadonlyMap<string, number>): Int32Array {
  return Int32Array.from(seeds, (terms) => {
    const seed = terms.find((t) => themeOfSeed.has(t));
    return seed === undefined ? -1 : themeOfSeed.get(seed)!;
  });
}

function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, min: 0, max: 0 };
  return { mean: values.reduce((s, v) => s + v, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}

/** Re-learns on `runs` document resamples and measures what holds. */
export async function assessStability(input: StabilityInput, options: AnalysisOptions, runs: number): Promise<StabilityReport> {
  const { stats, seeds, themeOf } = input;
  const K = seeds.length;
  const documents = stats.docBlockStart.length - 1;
  const found = new Uint32Array(K);
  const themeCount = Math.max(0, ...themeOf) + 1;
  const together = new Float64Array(themeCount);
  const pairsSeen = new Float64Array(themeCount);
  const conceptTogether = new Float64Array(K);
  const conceptPairs = new Float64Array(K);
  const aris: number[] = [];
  const jaccards: number[] = [];
  const outs = Array.from({ length: runs }, (_, r) => leftOut(documents, r, options.seed));
  const leaveOut = outs[0]?.length ?? 0;
  // A pool learns whole resamples on its workers, one per worker at a time; here, one after another.
  const { executor } = input;
  const resamples: ResampleFound[] = [];
  if (executor.resamples) resamples.push(...(await executor.resamples(stats, options, outs)));
  else for (const out of outs) resamples.push(await resampleFound(stats, options, out, executor));
  for (const resample of resamples) {
    const themeAgain = findAgain(seeds, resample.themeOfSeed);
    const common: number[] = [];
    for (let i = 0; i < K; i++) {
      if (themeAgain[i]! < 0) continue;
      found[i]!++;
      common.push(i);
    }
    // Two concepts of the full run may be found in one of the resample's (merged there).
    jaccards.push(common.length / (Math.max(K, resample.concepts, K + resample.concepts - common.length) || 1));
    aris.push(adjustedRand(common.map((i) => themeOf[i]!), common.map((i) => themeAgain[i]!)));
    for (let i = 0; i < common.length; i++) {
      for (let j = i + 1; j < common.length; j++) {
        const a = common[i]!;
        const b = common[j]!;
        if (themeOf[a] !== themeOf[b] || themeOf[a]! < 0) continue;
        pairsSeen[themeOf[a]!]!++;
        conceptPairs[a]!++;
        conceptPairs[b]!++;
        if (themeAgain[a] !== themeAgain[b]) continue;
        together[themeOf[a]!]!++;
        conceptTogether[a]!++;
        conceptTogether[b]!++;
      }
    }
  }
  const concepts = Float64Array.from(found, (f) => f / runs);
  const themes = new Float64Array(themeCount);
  for (let t = 0; t < themeCount; t++) {
    if (pairsSeen[t]! > 0) themes[t] = together[t]! / pairsSeen[t]!;
    else {
      // A one-concept theme (or one whose members never met again): as firm as its members are found.
      let sum = 0;
      let members = 0;
      for (let i = 0; i < K; i++) {
        if (themeOf[i] !== t) continue;
        sum += concepts[i]!;
        members++;
      }
      themes[t] = members > 0 ? sum / members : 0;
    }
  }
  const conceptThemes = Float64Array.from(conceptPairs, (pairs, i) => (pairs > 0 ? conceptTogether[i]! / pairs : NaN));
  return { summary: { runs, leaveOut, themeAri: spread(aris), conceptJaccard: spread(jaccards) }, concepts, conceptThemes, themes };
}
