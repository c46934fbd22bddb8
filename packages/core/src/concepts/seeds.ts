/**
 * Unsupervised concept seeds (Smith & Humphreys 2006: "automatic seed selection").
 *
 * Candidates are terms in at least `minBlocks` blocks and at most `maxBlockShare` of them. They are
 * ranked by √(block frequency) × log₂(1 + burstiness) × log₂(2 + breadth): burstiness is how much
 * likelier the term is in the next block once in one (`neighbourLift`: topical words come in
 * runs, the words of talk — people, time, work, person — do not), breadth is how widely it
 * co-occurs above chance (the number of distinct candidates it meets at a lift ≥ 2 in ≥ 2
 * blocks). Raw block frequency let those generic words lead every map; its square root still
 * favours the frequent among equally topical terms. Then candidates are picked greedily,
 * skipping a candidate whose blocks largely coincide with a chosen seed's (Jaccard > 0.5), so that
 * seeds are diverse. A skip on second-order likeness (cosine of positive-PMI co-occurrence
 * profiles, `seedSimilarity`) is off by default: see its option.
 */
import type { AnalysisOptions } from '../defaults.ts';
import type { WeightedCsr } from '../stats/csr.ts';
import { NAME } from '../text/textModel.ts';

export interface SeedInput {
  terms: readonly string[];
  kinds: Uint8Array;
  df: Uint32Array;
  /** Share of each term's tokens that were nouns or names; seeds need at least half. */
  nounShare: Float64Array;
  /** Blocks taking part in learning. */
  blocks: number;
  /** Candidate term ids, ascending. */
  candidates: Uint32Array;
  /** Symmetric co-occurrence between candidates (indices are candidate positions). */
  cooccurrence: WeightedCsr;
  /** Terms that may never be seeds (speaker names, user removals), lower-cased. */
  banned: ReadonlySet<string>;
  /** Per candidate position: how much likelier it is in the next block once in one (`neighbourLift`). */
  burstiness: Float64Array;
}

export interface Seeds {
  /** Seed term ids in rank order. */
  terms: number[];
  /** Why a candidate did not become a seed, by term id (candidates never reached are not listed). */
  passed: Map<number, string>;
  /** Requested count after resolving `auto`. */
  count: number;
}

/** `auto`: 2·√candidates, from 20 to 100, and never more than there are candidates. */
export function conceptCount(requested: AnalysisOptions['concepts'], candidates: number): number {
  const n = requested === 'auto' ? Math.round(2 * Math.sqrt(candidates)) : requested;
  return Math.min(candidates, requested === 'auto' ? Math.min(100, Math.max(20, n)) : n);
}

export function selectSeeds(input: SeedInput, options: Pick<AnalysisOptions, 'concepts' | 'nameShare' | 'seedSimilarity'>): Seeds {
  const { candidates, cooccurrence: co, df, blocks } = input;
  const n = candidates.length;
  const count = conceptCount(options.concepts, n);
  // PPMI profiles and breadth.
  const ppmi = new Float64Array(co.values.length);
  const norm = new Float64Array(n);
  const score = new Float64Array(n);
  // Block frequencies by candidate position: the inner loop reads them at random, from a small array.
  const dfOf = Float64Array.from(candidates, (t) => df[t]!);
  const { starts, indices, values } = co;
  for (let i = 0; i < n; i++) {
    const dfi = dfOf[i]!;
    let breadth = 0;
    let squares = 0;
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const count = values[k]!;
      const lift = (count * blocks) / (dfi * dfOf[indices[k]!]!);
      if (lift > 1) {
        const p = Math.log(lift);
        ppmi[k] = p;
        squares += p * p;
        if (lift >= 2 && count >= 2) breadth++;
      }
    }
    norm[i] = Math.sqrt(squares);
    score[i] = Math.sqrt(dfi) * Math.log2(1 + input.burstiness[i]!) * Math.log2(2 + breadth);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  const nameQuota = Math.floor(options.nameShare * count);
  const chosen: number[] = [];
  const row = new Float64Array(n);
  const rowCount = new Uint32Array(n);
  let names = 0;
  const passed = new Map<number, string>();
  for (const i of order) {
    if (chosen.length >= count) break;
    const term = candidates[i]!;
    if (input.banned.has(input.terms[term]!.toLowerCase())) {
      passed.set(term, 'a speaker name or removed by the seeds file');
      continue;
    }
    if (input.nounShare[term]! < 0.5) {
      passed.set(term, 'used mostly as a verb or adjective, not as a noun');
      continue;
    }
    const isName = input.kinds[term] === NAME;
    if (isName && names >= nameQuota) {
      passed.set(term, `a name, and names may be at most ${Math.round(options.nameShare * 100)} % of the concepts`);
      continue;
    }
    // Scatter this candidate's row once, then compare with each chosen seed.
    for (let k = co.starts[i]!; k < co.starts[i + 1]!; k++) {
      row[co.indices[k]!] = ppmi[k]!;
      rowCount[co.indices[k]!] = co.values[k]!;
    }
    let tooClose = false;
    for (const s of chosen) {
      const shared = rowCount[s]!;
      const jaccard = shared / (df[term]! + df[candidates[s]!]! - shared);
      if (jaccard > 0.5) {
        passed.set(term, `shares most of its blocks with "${input.terms[candidates[s]!]}" (Jaccard ${jaccard.toFixed(2)})`);
        tooClose = true;
        break;
      }
      if (options.seedSimilarity >= 1) continue;
      let dot = 0;
      for (let k = co.starts[s]!; k < co.starts[s + 1]!; k++) dot += ppmi[k]! * row[co.indices[k]!]!;
      const cosine = norm[i]! > 0 && norm[s]! > 0 ? dot / (norm[i]! * norm[s]!) : 0;
      if (cosine > options.seedSimilarity) {
        passed.set(term, `used in the same contexts as "${input.terms[candidates[s]!]}" (cosine ${cosine.toFixed(2)})`);
        tooClose = true;
        break;
      }
    }
    for (let k = co.starts[i]!; k < co.starts[i + 1]!; k++) {
      row[co.indices[k]!] = 0;
      rowCount[co.indices[k]!] = 0;
    }
    if (tooClose) continue;
    chosen.push(i);
    if (isName) names++;
  }
  return { terms: chosen.map((i) => candidates[i]!), passed, count };
}
