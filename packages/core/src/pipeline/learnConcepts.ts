/**
 * The half of the analysis that re-runs cheaply (DESIGN.md §8b): TermStats → candidates →
 * co-occurrence → seeds → thesaurus → coding. The whole analysis runs it once; the stability
 * report runs it again on document resamples (a block mask over the same TermStats).
 */
import type { AnalysisOptions } from '../defaults.ts';
import { LeximapError } from '../errors.ts';
import { selectSeeds } from '../concepts/seeds.ts';
import { addChainBlocks } from '../concepts/chains.ts';
import { jaccardSorted, type LearnedConcept, type LearningInput } from '../concepts/thesaurus.ts';
import { neighbourLift, nextActiveBlocks } from '../stats/burstiness.ts';
import { cooccurrence, symmetrize } from '../stats/cooccurrence.ts';
import { selectColumns, transpose, type Csr } from '../stats/csr.ts';
import { familyKey, variantKey, type TermStats } from '../stats/termStats.ts';
import { lemmaOf, loadNlp } from '../text/nlp.ts';
import { loadSnowball } from '../text/languages/snowball.ts';
import { ENGLISH } from '../text/languages/registry.ts';
import { NAME } from '../text/textModel.ts';
import type { ConceptKind, LeftOutTerm } from '../result/schema.ts';
import type { Executor } from './executor.ts';

export interface Concept {
  label: string;
  kind: ConceptKind;
  seeds: number[];
  frozen: boolean;
  learned?: LearnedConcept;
  mergedFrom: string[];
}

export interface ConceptSet {
  /** Learned concepts, by decreasing count. */
  concepts: Concept[];
  candidates: number;
  minBlocks: number;
  /** Block × concept coding (CSR over blocks). */
  coding: { starts: Uint32Array; concepts: Uint32Array; scores: Float64Array };
  /**
   * Block × concept presence (CSR over blocks): every block each concept's terms code, before a
   * block that lacks a concept's seeds goes to one concept (`assignEvidenceBlocks`). Themes group
   * concepts by it.
   */
  presence: { starts: Uint32Array; concepts: Uint32Array; scores: Float64Array };
  termBlocks: Csr;
  /** What the user should know: seeds that were not found. */
  warnings: string[];
  /** The most frequent terms that lead no concept, and why. */
  leftOut: LeftOutTerm[];
}

/** Terms listed in `leftOut`. */
const LEFT_OUT_LISTED = 12;
/** Stop-listed nouns listed after them. */
const STOPPED_SHOWN = 5;
/** How the reason of a stop-listed noun begins. */
export const STOP_LIST_REASON = 'on the stop list';

/**
 * Why the most frequent terms that name no concept were left out: a reader who misses "plot" on
 * the map learns it was in too many blocks, merged into another concept, or too close to one;
 * one who misses "way" learns that the stop list has it, and how to keep it.
 */
function explainLeftOut(stats: TermStats, concepts: readonly Concept[], passed: ReadonlyMap<number, string>, o: { minBlocks: number; maxBlocks: number; maxBlockShare: number; count: number }): LeftOutTerm[] {
  const leading = new Set<string>(concepts.map((c) => c.label));
  const seedOf = new Map<number, string>();
  for (const c of concepts) for (const t of c.seeds) seedOf.set(t, c.label);
  const order = Array.from({ length: stats.terms.length }, (_, t) => t)
    // Verbs and adjectives are never seeds; a reader misses nouns and names.
    .filter((t) => stats.df[t]! > 0 && stats.nounShare[t]! >= 0.5 && !leading.has(stats.terms[t]!))
    .sort((a, b) => stats.df[b]! - stats.df[a]! || a - b)
    .slice(0, LEFT_OUT_LISTED);
  const listed = order.map((t) => {
    const df = stats.df[t]!;
    let reason: string;
    if (seedOf.has(t)) reason = `merged into "${seedOf.get(t)}" (the two coded nearly the same blocks)`;
    else if (df > o.maxBlocks) reason = `in ${Math.round((100 * df) / stats.activeBlocks)} % of the blocks, above the ${Math.round(o.maxBlockShare * 100)} % cap on candidates (too common to tell passages apart)`;
    else if (df < o.minBlocks) reason = `in fewer than ${o.minBlocks} blocks`;
    else reason = passed.get(t) ?? `ranked below the ${o.count} seeds chosen (less bursty or less frequent)`;
    return { term: stats.terms[t]!, blocks: df, reason };
  });
  // Nouns the stop list kept out ("thing", "way", "lot") are no terms at all; the text stage
  // counts them. Listed after the terms, a few, so that words of talk do not crowd them out.
  const stopped = (stats.stopped?.words ?? []).slice(0, STOPPED_SHOWN).map((word, i) => ({
    term: word,
    blocks: stats.stopped!.blocks[i]!,
    reason: `${STOP_LIST_REASON} (a word of talk, or yours); a line "-${word}" in a --stopwords file keeps it`,
  }));
  return [...listed, ...stopped];
}

/** Learns the concepts of `stats` and codes every block with them. */
export async function learnConceptSet(stats: TermStats, options: AnalysisOptions, executor: Executor, stage: (name: string) => void = () => {}): Promise<ConceptSet> {
  const N = stats.activeBlocks;
  const minBlocks = options.minBlocks === 'auto' ? Math.max(3, Math.floor(N / 2000)) : options.minBlocks;
  const maxBlocks = Math.floor(options.maxBlockShare * N);
  const candidateOf = new Int32Array(stats.terms.length).fill(-1);
  const candidateList: number[] = [];
  for (let t = 0; t < stats.terms.length; t++) {
    const df = stats.df[t]!;
    if (df >= minBlocks && df <= maxBlocks) {
      candidateOf[t] = candidateList.length;
      candidateList.push(t);
    }
  }
  const candidates = Uint32Array.from(candidateList);
  if (candidates.length < 5) {
    throw new LeximapError(
      'E_TOO_SMALL',
      `only ${candidates.length} term(s) occur in at least ${minBlocks} of the ${N} text blocks; leximap needs more text (a few thousand words at least) to learn concepts`,
    );
  }
  const blockTerms: Csr = { rows: stats.blocks.doc.length, cols: stats.terms.length, starts: stats.blockTermStarts, indices: stats.blockTerms };
  stage('cooccurrence');
  // In this thread with any number of workers: on 8.5 M court words (1 986 candidates × 308 k
  // blocks) it takes 60–100 ms; two halves on the pool took 124–204 ms, and adding them 30 ms more.
  const co = symmetrize(cooccurrence(selectColumns(blockTerms, candidateOf, candidates.length)));
  const termBlocks = transpose(blockTerms);
  const next = nextActiveBlocks(stats.blocks.doc, stats.blocks.excluded);

  stage('seeds');
  const banned = new Set<string>(options.seeds.remove.map((s) => s.toLowerCase()));
  // A speaker's name, or a part of it, is no seed where the text uses it as a name ("Thanks,
  // Amara"): who is addressed is no topic. The words of a role label are ordinary words in the
  // text, where the speaker markers are masked out: QMSum's product meetings label their speakers
  // "User Interface", "Project Manager", "Industrial Designer" and "Marketing", and banning every
  // part of every label lost *user* (704 blocks), *project* and *interface*, what they design.
  const speakerParts = new Set<string>();
  for (const speaker of stats.speakers) {
    speakerParts.add(speaker.toLowerCase());
    for (const part of speaker.split(/\s+/)) speakerParts.add(part.toLowerCase());
  }
  for (const t of candidates) {
    const lower = stats.terms[t]!.toLowerCase();
    if (stats.kinds[t] === NAME && speakerParts.has(lower)) banned.add(lower);
  }
  // `-*` in a seeds file: no automatic seeds, the concepts are the file's own (the viewer saves its edits so).
  const seeds = options.seeds.remove.includes('*')
    ? { terms: [] as number[], passed: new Map<number, string>(), count: 0 }
    : selectSeeds(
        {
          terms: stats.terms, kinds: stats.kinds, df: stats.df, nounShare: stats.nounShare, blocks: N, candidates, cooccurrence: co, banned,
          burstiness: neighbourLift(termBlocks, candidates, next, stats.df, N),
        },
        options,
      );
  const termId = new Map(stats.terms.map((t, i) => [t, i] as const));
  const warnings: string[] = [];
  const frozen = new Set(options.seeds.freeze.map((f) => f.toLowerCase()));
  let concepts: Concept[] = [];
  // Seeds that differ only by case or a plural ending are one concept (a word and a name the
  // text stage kept apart, e.g. a lemma the model missed): the more frequent one leads. So are
  // English word seeds of one word family, by their Snowball stem: the lemmatiser keeps the noun
  // "clustering" apart from "cluster" (PDPilot had both, 78 and 99 blocks, half of them shared).
  const byVariant = new Map<string, Concept>();
  const english = stats.documentLanguages.every((l) => l === ENGLISH);
  // Loaded here, not with the text stage: on a pool the text stage ran in the workers.
  await Promise.all([english ? loadSnowball() : undefined, options.seeds.add.length > 0 ? loadNlp() : undefined]);
  for (const t of seeds.terms) {
    const key = english && stats.kinds[t] !== NAME ? familyKey(stats.terms[t]!) : variantKey(stats.terms[t]!);
    const same = byVariant.get(key);
    if (same) {
      same.seeds.push(t);
      continue;
    }
    const concept: Concept = { label: stats.terms[t]!, kind: stats.kinds[t] === NAME ? 'name' : 'word', seeds: [t], frozen: frozen.has(stats.terms[t]!.toLowerCase()), mergedFrom: [] };
    byVariant.set(key, concept);
    concepts.push(concept);
  }
  for (const user of options.seeds.add) {
    const found = [...new Set(user.terms.map((term) => findTerm(term, termId, stats.df)).filter((id): id is number => id !== undefined))];
    const missing = user.terms.filter((term) => findTerm(term, termId, stats.df) === undefined);
    if (found.length === 0) {
      warnings.push(`seed concept "${user.label}": none of its terms (${user.terms.join(', ')}) occurs in the analysed text${options.excludeSpeakers.length ? ' (after --exclude-speaker)' : ''}; left out`);
      continue;
    }
    if (missing.length > 0) warnings.push(`seed concept "${user.label}": ${missing.map((m) => `"${m}"`).join(', ')} not in the analysed text`);
    concepts = concepts.filter((c) => !c.seeds.some((s) => found.includes(s)));
    concepts.push({ label: user.label, kind: 'user', seeds: found, frozen: frozen.has(user.label.toLowerCase()), mergedFrom: [] });
  }

  for (const name of frozen) {
    if (!concepts.some((c) => c.label.toLowerCase() === name)) warnings.push(`freeze "${name}": no seed concept is called so; nothing was frozen (a concept labelled by a phrase, such as "decision tree", is frozen by its word: =tree)`);
  }

  stage('thesaurus');
  const learning: LearningInput = { blockTerms, termBlocks, df: stats.df, blocks: N, next, minBlocks };
  const learn = async (list: Concept[]): Promise<void> => {
    const learned = await executor.learn(learning, list.map((c) => c.seeds), options, list.map((c) => c.frozen));
    list.forEach((c, i) => (c.learned = learned[i]!));
  };
  await learn(concepts);
  concepts = await mergeDuplicates(concepts, options.mergeThreshold, learn);
  concepts = concepts.filter((c) => c.learned!.blocks.length > 0);
  const present = new Map(concepts.map((c) => [c, c.learned!.presence] as const));
  assignEvidenceBlocks(concepts, termBlocks, stats.blocks.doc.length);
  // After that choice: a block between two mentions belongs to the stretch of talk about the concept, whoever else codes it.
  addChainBlocks(concepts, { termBlocks, next, blockDoc: stats.blocks.doc, excluded: stats.blocks.excluded });
  for (const c of concepts) {
    // A merged concept is named after its most frequent seed.
    if (c.kind !== 'user' && c.seeds.length > 1) c.label = stats.terms[[...c.seeds].sort((a, b) => stats.df[b]! - stats.df[a]! || a - b)[0]!]!;
  }
  concepts.sort((a, b) => b.learned!.blocks.length - a.learned!.blocks.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const K = concepts.length;
  if (K < 2) throw new LeximapError('E_TOO_SMALL', `only ${K} concept(s) could be learned from ${N} text blocks; leximap needs more text`);

  stage('coding');
  const nBlocks = stats.blocks.doc.length;
  const coding = blockCoding(concepts.map((c) => c.learned!), nBlocks);
  const presence = blockCoding(concepts.map((c) => present.get(c)!), nBlocks);
  const leftOut = explainLeftOut(stats, concepts, seeds.passed, { minBlocks, maxBlocks, maxBlockShare: options.maxBlockShare, count: seeds.count });
  return { concepts, candidates: candidates.length, minBlocks, coding, presence, termBlocks, warnings, leftOut };
}

/**
 * A block that a concept codes without any of its seeds, on its evidence terms alone, stays with
 * that concept only where its evidence scores best of all concepts that code the block so (on a
 * tie, the concept listed first: the higher-ranked seed). Blocks that hold a concept's seed keep it.
 *
 * Without this, evidence coded a block with every concept whose terms it held. On PDPilot "tree"
 * coded 76 blocks, 65 of them on "value" and "feature" alone; "correlation" 74, 55 so; "similarity"
 * 30, 20 so: concepts spread over the talk of their neighbours. With it they code 30, 31 and 10.
 * Measured with `../shared/eval` (concept ratio to the best peer): PDPilot leaf ×1.23 → ×1.56,
 * top ×1.23 → ×1.09, QMSum Academic ×1.51 → ×1.50, Product ×1.49 → ×1.43, Committee ×1.46 → ×1.52.
 * A harder rule, where a concept coding the block by its seed also outscores evidence, gave
 * ×1.50 / 1.07 / 1.43 / 1.33 / 1.48; giving only blocks that hold no concept's seed at all to one
 * concept changed nothing (few such blocks are coded).
 *
 * The cost: evidence alone now codes 9 % of the examples' median concept's blocks (was 11 %);
 * much of what it coded there were blocks of a neighbouring concept's seed.
 *
 * Themes still group by presence, every block each concept's terms code (`ConceptSet.presence`):
 * grouped by this coding, theme ARI over resamples fell (PDPilot 0.81 → 0.60, Committee
 * 0.75 → 0.67, the examples 0.67 → 0.73): shared evidence is what tells which concepts belong
 * together, while the coding says which concept a block is about.
 */
export function assignEvidenceBlocks(concepts: Concept[], termBlocks: Csr, nBlocks: number): void {
  // Per concept, the positions in its block list of the blocks that hold none of its seeds. One
  // block mask, marked with each concept's seed blocks in turn (not K masks of every block).
  const seeded = new Uint8Array(nBlocks);
  const evidenceOnly = concepts.map((c) => {
    const mark = (v: 0 | 1): void => {
      for (const t of c.seeds) for (let k = termBlocks.starts[t]!; k < termBlocks.starts[t + 1]!; k++) seeded[termBlocks.indices[k]!] = v;
    };
    mark(1);
    const { blocks } = c.learned!;
    const positions: number[] = [];
    for (let q = 0; q < blocks.length; q++) if (!seeded[blocks[q]!]) positions.push(q);
    mark(0);
    return positions;
  });
  const best = new Float64Array(nBlocks);
  concepts.forEach((c, i) => {
    const { blocks, scores } = c.learned!;
    for (const q of evidenceOnly[i]!) best[blocks[q]!] = Math.max(best[blocks[q]!]!, scores[q]!);
  });
  const taken = new Uint8Array(nBlocks);
  concepts.forEach((c, i) => {
    const l = c.learned!;
    const keep = new Uint8Array(l.blocks.length).fill(1);
    let lost = 0;
    for (const q of evidenceOnly[i]!) {
      const b = l.blocks[q]!;
      if (!taken[b] && l.scores[q]! >= best[b]! - 1e-9) taken[b] = 1;
      else {
        keep[q] = 0;
        lost++;
      }
    }
    if (lost === 0) return;
    c.learned = { ...l, blocks: l.blocks.filter((_, q) => keep[q] === 1), scores: l.scores.filter((_, q) => keep[q] === 1), evidenceBlocks: l.evidenceBlocks - lost };
  });
}

/** Concepts' coded blocks as one block × concept list (CSR over blocks), concepts ascending in each block. */
function blockCoding(list: readonly { blocks: Uint32Array; scores: Float64Array }[], nBlocks: number): { starts: Uint32Array; concepts: Uint32Array; scores: Float64Array } {
  const starts = new Uint32Array(nBlocks + 1);
  for (const c of list) for (const b of c.blocks) starts[b + 1]!++;
  for (let b = 0; b < nBlocks; b++) starts[b + 1]! += starts[b]!;
  const concepts = new Uint32Array(starts[nBlocks]!);
  const scores = new Float64Array(starts[nBlocks]!);
  const fill = starts.slice(0, nBlocks);
  list.forEach((c, k) => {
    for (let q = 0; q < c.blocks.length; q++) {
      const at = fill[c.blocks[q]!]!++;
      concepts[at] = k;
      scores[at] = c.scores[q]!;
    }
  });
  return { starts, concepts, scores };
}

/** A user's seed term in the vocabulary: as written, in lower case, as the plural's singular, or as its lemma. */
function findTerm(term: string, termId: ReadonlyMap<string, number>, df: Uint32Array): number | undefined {
  const forms = [term, term.toLowerCase(), variantKey(term)];
  for (let k = 0; k < forms.length + 1; k++) {
    const id = termId.get(k < forms.length ? forms[k]! : lemmaOf(term.toLowerCase()));
    if (id !== undefined && df[id]! > 0) return id;
  }
  return undefined;
}

/** Concepts whose block sets nearly coincide are merged into the larger one, which is learned again from both seeds. */
async function mergeDuplicates(concepts: Concept[], threshold: number, learn: (list: Concept[]) => Promise<void>): Promise<Concept[]> {
  const order = concepts.map((_, i) => i).sort((a, b) => concepts[b]!.learned!.blocks.length - concepts[a]!.learned!.blocks.length || a - b);
  const absorbed = new Set<number>();
  const grown = new Set<number>();
  for (let x = 0; x < order.length; x++) {
    const i = order[x]!;
    if (absorbed.has(i)) continue;
    const size = concepts[i]!.learned!.blocks.length;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y]!;
      // Sizes go down: the Jaccard index is at most the ratio of the sizes.
      if (concepts[j]!.learned!.blocks.length < threshold * size) break;
      if (absorbed.has(j)) continue;
      if (jaccardSorted(concepts[i]!.learned!.blocks, concepts[j]!.learned!.blocks) >= threshold) {
        const keep = concepts[i]!;
        const drop = concepts[j]!;
        keep.seeds = [...keep.seeds, ...drop.seeds.filter((s) => !keep.seeds.includes(s))];
        keep.mergedFrom.push(drop.label);
        absorbed.add(j);
        grown.add(i);
      }
    }
  }
  const again = [...grown].sort((a, b) => a - b).map((i) => concepts[i]!);
  if (again.length > 0) await learn(again);
  return concepts.filter((_, i) => !absorbed.has(i));
}
