/**
 * Chance levels of the agreement figures by permutation: in each round the concepts' coding is
 * *rotated within each document*, every block taking the concepts of the block k places on (round
 * the end of the document to its start), k drawn per document from a quarter to three quarters of
 * its blocks and applied to all concepts together. So every concept keeps its size, its spread over
 * the documents, its co-occurrence with the other concepts and its runs of consecutive blocks,
 * while where those runs lie against the manual codes is broken. The chance level is the mean of
 * the figure over the rounds, with its 95th percentile; figures over matched pairs are recomputed
 * for the same pairs. Rotation within documents leaves every document's presence unchanged, so the
 * document-level κ is held against blocks shuffled across the whole corpus instead.
 *
 * Until schema 5 the blocks were shuffled within each document. Codes are segments of talk, and
 * concepts code stretches too (the blocks next to a seed, and since schema 5 those between two
 * mentions, `addChainBlocks`): a shuffle breaks every run, so two codings in runs met less often
 * by "chance" than two codings of the same runs in the wrong places would. On PDPilot's MAXQDA
 * segments (all turns) Fisher's test and the effect sizes matched 1.5 pairs by chance with the
 * blocks shuffled and 57 with them rotated, against 144 observed; so a match must now also hold
 * against the rotations (`rotatedP`, compare.ts): 135 observed, 17 by chance.
 *
 * Draws come from `lcg` seeded with the given seed: the same seed gives the same levels.
 */
import { lcg } from '@leximap/core';
import { agreementFigures, FIGURE_IDS, sharedCounts, type FigureId, type FigureInput, type Figures } from './figures.ts';

/** A chance level: the mean over the rounds and the 95th percentile. */
export interface ChanceLevel {
  mean: number;
  high: number;
}

/**
 * The rounds' moves of the blocks, drawn again the same for the same seed: per round, the rotation
 * within documents and the shuffle across the corpus (for the document κ). The arrays are reused
 * from round to round.
 */
export function* draws(blocks: number, groups: readonly (readonly number[])[], rounds: number, seed: number): Generator<{ within: Int32Array; across: Int32Array }> {
  const random = lcg(seed);
  const within = new Int32Array(blocks);
  const across = new Int32Array(blocks);
  const all = groups.flat();
  for (let r = 0; r < rounds; r++) {
    for (let b = 0; b < blocks; b++) within[b] = across[b] = b;
    for (const group of groups) rotateInto(within, group, random);
    shuffleInto(across, all, random);
    yield { within, across };
  }
}

/**
 * The code × concept tables of shared blocks in each round (the same rounds as `chanceLevels`
 * with the same seed), so that a pair's overlap can be held against its own rotations.
 */
export function rotatedTables(input: FigureInput, groups: readonly (readonly number[])[], rounds: number, seed: number): Int32Array[] {
  const tables: Int32Array[] = [];
  for (const { within } of draws(input.coding.starts.length - 1, groups, rounds, seed)) tables.push(sharedCounts(input, within));
  return tables;
}

/**
 * The share of the rounds whose table shares at least `both` blocks in `cell`, counting the
 * observed value itself once ((1 + k) / (1 + rounds), a permutation p-value); `skip` leaves one
 * round out, when it is that round's own table that is tested.
 */
export function rotatedP(tables: readonly Int32Array[], cell: number, both: number, skip = -1): number {
  let k = 0;
  for (let r = 0; r < tables.length; r++) if (r !== skip && (tables[r] as Int32Array)[cell]! >= both) k++;
  return (1 + k) / (1 + tables.length - (skip >= 0 ? 1 : 0));
}

/**
 * Chance levels of every figure. `groups` lists, per document, its counted blocks (the blocks that
 * may trade places); blocks in no group stay where they are. With `tables` (`rotatedTables` of the
 * same rounds), a round's matches must also hold against the other rounds, as observed matches
 * must against all of them.
 */
export function chanceLevels(input: FigureInput, pairs: readonly (readonly [number, number])[], groups: readonly (readonly number[])[], rounds: number, seed: number, tables?: readonly Int32Array[]): Record<FigureId, ChanceLevel> {
  const samples = Object.fromEntries(FIGURE_IDS.map((id) => [id, new Float64Array(rounds)])) as Record<FigureId, Float64Array>;
  let r = 0;
  for (const { within, across } of draws(input.coding.starts.length - 1, groups, rounds, seed)) {
    const round = r;
    const beyond = tables ? (cell: number, both: number): boolean => rotatedP(tables, cell, both, round) <= input.rule.alpha : undefined;
    const figures: Figures = agreementFigures(input, pairs, within, across, beyond, tables?.[round]);
    for (const id of FIGURE_IDS) (samples[id] as Float64Array)[r] = figures[id];
    r++;
  }
  const out = {} as Record<FigureId, ChanceLevel>;
  for (const id of FIGURE_IDS) out[id] = summarise(samples[id] as Float64Array);
  return out;
}

/** sigma[group[i]] becomes group[(i + k) mod n] for one k from ⌈n/4⌉ to ⌊3n/4⌋ (at least 1; a group of one stays). */
function rotateInto(sigma: Int32Array, group: readonly number[], random: () => number): void {
  const n = group.length;
  if (n < 2) return;
  const low = Math.max(1, Math.ceil(n / 4));
  const high = Math.max(low, Math.min(n - 1, Math.floor((3 * n) / 4)));
  const k = low + Math.floor(random() * (high - low + 1));
  for (let i = 0; i < n; i++) sigma[group[i] as number] = group[(i + k) % n] as number;
}

/** Fisher–Yates over the positions `group`: sigma[group[i]] becomes a random member of group, each once. */
function shuffleInto(sigma: Int32Array, group: readonly number[], random: () => number): void {
  const values = Int32Array.from(group);
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i] as number;
    values[i] = values[j] as number;
    values[j] = t;
  }
  for (let i = 0; i < group.length; i++) sigma[group[i] as number] = values[i] as number;
}

function summarise(values: Float64Array): ChanceLevel {
  if (values.length === 0) return { mean: 0, high: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const sorted = Float64Array.from(values).sort();
  const high = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] as number;
  return { mean: sum / values.length, high };
}
