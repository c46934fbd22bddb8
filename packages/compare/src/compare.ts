/**
 * Holds the learned concepts against manual codes (DESIGN §10). Codes are projected onto blocks
 * (`projectCodes`); every code × concept pair gets its block contingency (code blocks, concept
 * blocks, both), the two directional shares, Jaccard, lift, Cohen's κ, a one-sided Fisher exact
 * p-value and a Benjamini–Hochberg q-value over the whole table (`evidence`). A code is matched
 * by every concept that passes the evidence rule (q ≤ alpha and the minimum effect size), so
 * several concepts may match one code and one concept several codes; the best concept per code
 * and the one-to-one Hungarian assignment stay as summaries. Codes without counterpart and
 * concepts no code covers follow the same rule. Themes are held against top-level codes the
 * same way. Every headline figure gets its chance level from permutations (`chanceLevels`).
 *
 * Blocks the engine excluded (`--exclude-speaker`) are left out of every count: no concept can
 * be coded there, so counting them would charge the engine for turns it was told to skip.
 */
import { deriveSeed, documentSlicers, type AgreementCell, type ComparedCode, type ComparisonResult, type Excerpt, type LeximapResult, type Match, type ThemeCell } from '@leximap/core';
import type { ManualCoding } from '@leximap/io';
import { agreement } from './agreement.ts';
import { resolveCompareOptions, type CompareOptions } from './defaults.ts';
import type { DocumentTexts } from './exportConcepts.ts';
import { hungarian } from './hungarian.ts';
import { namedIn } from './namedIn.ts';
import { projectCodes, type CodeProjection } from './projectCodes.ts';
import { chanceLevels, draws, rotatedP, rotatedTables } from './stats/chanceLevels.ts';
import { evidence, overlapsOf } from './stats/evidence.ts';
import { agreementFigures, FIGURE_IDS, sharedCounts, type ConceptCoding, type FigureInput } from './stats/figures.ts';
import { logFactorials } from './stats/hypergeometric.ts';

/** What is compared: a result, a manual coding, and (for quotes) the documents' texts by result document id. */
export interface CompareInput {
  result: LeximapResult;
  coding: ManualCoding;
  texts?: DocumentTexts;
}

/** The comparison with the intermediate block sets, for reports and the viewer. */
export interface ComparisonDetails {
  comparison: ComparisonResult;
  projection: CodeProjection;
  /** Learned concept indices (into `result.concepts`) that took part, by column. */
  learned: number[];
  /** Blocks counted (not excluded). */
  blocks: number;
}

/** Longest excerpt kept, in UTF-16 units. */
const MAX_EXCERPT = 400;

export function compare(input: CompareInput, options: Partial<CompareOptions> = {}): ComparisonResult {
  return compareDetailed(input, options).comparison;
}

export function compareDetailed(input: CompareInput, options: Partial<CompareOptions> = {}): ComparisonDetails {
  const { result, coding } = input;
  const opts = resolveCompareOptions(options);
  const { blocks } = result;
  const nBlocks = blocks.start.length;
  const valid = (b: number): boolean => blocks.excluded[b] !== 1;
  let n = 0;
  for (let b = 0; b < nBlocks; b++) if (valid(b)) n++;

  const learned: number[] = [];
  result.concepts.forEach((concept, index) => {
    if (concept.kind !== 'tag') learned.push(index);
  });
  const column = new Map(learned.map((concept, j) => [concept, j]));
  const coding_ = conceptCoding(result, column, valid, learned.length);

  const projection = projectCodes(result, coding);
  const codeBlocks = (opts.overlap === 'any' ? projection.blocks : projection.blocksHalf).map((list) => list.filter(valid));
  const lf = logFactorials(n);
  const rule = { alpha: opts.alpha, minLift: opts.minLift, minShare: opts.minShare };
  const figureInput: FigureInput = { n, codeBlocks, coding: coding_, blockDocument: blocks.document, documents: result.documents.length, rule, lf };

  // The code × concept table and its evidence.
  const shared = sharedCounts(figureInput, null);
  const overlaps = overlapsOf(shared, codeBlocks.length, learned.length);
  const codeSize = codeBlocks.map((l) => l.length);
  const table = evidence(overlaps, codeSize, coding_.size, n, rule, lf);
  // The rounds of the chance levels, drawn now: a match must also share more blocks than the pair
  // does in all but `alpha` of them. Fisher's test counts blocks as independent, but a code's
  // segments and a concept's stretches come in runs, and runs rotated within their documents
  // still met the codes' runs often enough to pass it: 57 "matches" by chance on PDPilot's segments
  // (all turns), against 144 observed. Of those 144, 9 do not hold against the rotations.
  const seed = opts.seed ?? (Number.isInteger(result.parameters.seed) ? result.parameters.seed : 1);
  const chanceSeed = deriveSeed(seed, 0x636f6d70);
  const groups = result.documents.map((doc) => {
    const list: number[] = [];
    for (let b = doc.blockStart; b < doc.blockEnd; b++) if (valid(b)) list.push(b);
    return list;
  });
  const tables = opts.rounds > 0 ? rotatedTables(figureInput, groups, opts.rounds, chanceSeed) : undefined;
  const pairs: [number, number][] = [];
  const cells: AgreementCell[] = [];
  const scoreOf = blockScores(result, column);
  for (let i = 0; i < overlaps.both.length; i++) {
    const code = overlaps.row[i] as number;
    const j = overlaps.col[i] as number;
    const both = overlaps.both[i] as number;
    const a = agreement(coding_.size[j] as number, codeSize[code] as number, both, n);
    const rotated = tables ? rotatedP(tables, code * learned.length + j, both) : undefined;
    const matched = table.matched[i] === 1 && (rotated === undefined || rotated <= opts.alpha);
    if (matched) pairs.push([code, j]);
    const concept = result.concepts[learned[j] as number];
    const named = concept ? namedIn(projection.codes[code]?.name ?? '', [concept.label, ...concept.thesaurus.map((t) => t.term)]) : undefined;
    const cell: AgreementCell = {
      concept: learned[j] as number,
      code,
      both,
      jaccard: a.jaccard,
      lift: a.lift,
      kappa: a.kappa,
      codeBlocks: codeSize[code] as number,
      conceptBlocks: coding_.size[j] as number,
      codeShare: table.rowShare[i] as number,
      conceptShare: table.colShare[i] as number,
      p: table.p[i] as number,
      q: table.q[i] as number,
      ...(rotated === undefined ? {} : { rotated }),
      matched,
      quotes: (codeBlocks[code] as number[])
        .filter((b) => scoreOf(b, j) > 0)
        .sort((x, y) => scoreOf(y, j) - scoreOf(x, j) || x - y)
        .slice(0, opts.quotes),
    };
    if (named !== undefined) cell.named = named;
    cells.push(cell);
  }
  cells.sort((x, y) => x.concept - y.concept || x.code - y.code);

  const jaccardOf = (code: number, j: number): number => {
    const both = shared[code * learned.length + j] as number;
    return both === 0 ? 0 : both / ((codeSize[code] as number) + (coding_.size[j] as number) - both);
  };
  const match = (code: number, j: number): Match => {
    const a = agreement(coding_.size[j] as number, codeSize[code] as number, shared[code * learned.length + j] as number, n);
    return { code, concept: learned[j] as number, jaccard: a.jaccard, kappa: a.kappa };
  };
  const bestMatch: Match[] = [];
  const rows: number[] = [];
  codeBlocks.forEach((list, code) => {
    if (list.length === 0 || learned.length === 0) return;
    rows.push(code);
    let best = 0;
    for (let j = 1; j < learned.length; j++) if (jaccardOf(code, j) > jaccardOf(code, best)) best = j;
    if (jaccardOf(code, best) > 0) bestMatch.push(match(code, best));
  });
  const assigned = hungarian(rows.map((code) => learned.map((_, j) => -jaccardOf(code, j))));
  const assignment: Match[] = [];
  rows.forEach((code, r) => {
    const j = assigned[r] as number;
    if (j >= 0 && jaccardOf(code, j) > 0) assignment.push(match(code, j));
  });

  // Headline figures and their chance levels.
  const observed = agreementFigures(figureInput, pairs, null, null, tables ? (cell, both) => rotatedP(tables, cell, both) <= opts.alpha : undefined);
  const chance = opts.rounds > 0 ? chanceLevels(figureInput, pairs, groups, opts.rounds, chanceSeed, tables) : undefined;
  const figures = FIGURE_IDS.map((id) => ({ id, value: observed[id], chance: chance?.[id].mean ?? 0, chanceHigh: chance?.[id].high ?? 0 }));

  const { themeCells, themeTests } = compareThemes(result, projection, codeBlocks, column, coding_, n, figureInput, lf, tables ? { groups, rounds: opts.rounds, seed: chanceSeed } : undefined);

  // Codes without counterpart and concepts no code covers, each with its closest candidate (lowest q).
  const matchedCodes = new Set(pairs.map(([code]) => code));
  const matchedColumns = new Set(pairs.map(([, j]) => j));
  const closestConcept = new Map<number, AgreementCell>();
  const closestCode = new Map<number, AgreementCell>();
  const better = (x: AgreementCell, y: AgreementCell | undefined): boolean => !y || (x.q as number) < (y.q as number) || ((x.q as number) === (y.q as number) && x.lift > y.lift);
  for (const cell of cells) {
    if (better(cell, closestConcept.get(cell.code))) closestConcept.set(cell.code, cell);
    if (better(cell, closestCode.get(cell.concept))) closestCode.set(cell.concept, cell);
  }
  const coded = new Set<number>();
  for (const list of codeBlocks) for (const b of list) coded.add(b);
  const unmatchedCodes = projection.codes
    .map((_, code) => code)
    .filter((code) => (projection.segments[code] as number) > 0 && !matchedCodes.has(code))
    .map((code) => {
      const closest = closestConcept.get(code);
      return { code, quotes: codeQuotes(projection, code, blocks, valid, opts.quotes), ...(closest ? { closest: closest.concept } : {}) };
    });
  const uncoveredConcepts = learned
    .map((concept, j) => ({ concept, j }))
    .filter(({ j }) => !matchedColumns.has(j) && (coding_.size[j] as number) > 0)
    .map(({ concept, j }) => {
      const closest = closestCode.get(concept);
      return { concept, quotes: conceptQuotes(result, concept, columnBlocks(coding_, j), coded, opts.quotes), ...(closest ? { closest: closest.code } : {}) };
    });

  const tagIndex = new Map<string, number>();
  result.concepts.forEach((concept, index) => {
    if (concept.kind === 'tag' && concept.category === 'code') tagIndex.set(concept.label, index);
  });
  const codes: ComparedCode[] = projection.codes.map((code, index) => {
    const row: ComparedCode = {
      name: code.name,
      path: code.path,
      segments: projection.segments[index] as number,
      blocks: (projection.blocks[index] as number[]).filter(valid).length,
      blocksHalf: (projection.blocksHalf[index] as number[]).filter(valid).length,
      concept: tagIndex.get(code.path.join(' > ')) ?? -1,
      blockList: codeBlocks[index] as number[],
    };
    if (code.colour) row.colour = code.colour;
    return row;
  });

  const total = coding.segments.length + coding.unresolved.length;
  const notes = [
    `blocks carry a code when a segment overlaps them by ${opts.overlap === 'any' ? 'at least one character' : 'at least half of the block'}`,
    `a concept matches a code when the one-sided Fisher test of their shared blocks has a Benjamini–Hochberg q ≤ ${opts.alpha} over all ${table.tests} code × concept pairs, the lift is ≥ ${opts.minLift} and they share ≥ ${Math.round(opts.minShare * 100)}% of the smaller one's blocks${opts.rounds > 0 ? `, and more blocks than in all but ${Math.round(opts.alpha * 100)}% of the ${opts.rounds} rounds with the concepts' blocks rotated within documents` : ''}`,
    ...(opts.rounds > 0 ? [`chance levels: the mean of each figure over ${opts.rounds} rounds with the concepts' blocks rotated within documents by a quarter to three quarters of their length (seed ${seed}); document κ with blocks permuted across the corpus`] : []),
    ...(n < nBlocks ? [`${nBlocks - n} blocks of excluded speakers are left out of every count`] : []),
    ...(coding.unresolved.length > 0 ? [`${coding.unresolved.length} segments could not be located: ${coding.unresolved.slice(0, 3).map((u) => u.reason).join('; ')}${coding.unresolved.length > 3 ? '; …' : ''}`] : []),
    ...(projection.outside > 0 ? [`${projection.outside} segments are in documents the result does not have: ${projection.missingDocuments.join(', ')}`] : []),
    ...coding.notes,
  ];

  const quoted = new Set<number>();
  for (const cell of cells) for (const b of cell.quotes ?? []) quoted.add(b);
  for (const u of unmatchedCodes) for (const b of u.quotes) quoted.add(b);
  for (const u of uncoveredConcepts) for (const b of u.quotes) quoted.add(b);
  const excerpts = input.texts ? blockExcerpts(result, input.texts, [...quoted].sort((x, y) => x - y)) : [];

  const comparison: ComparisonResult = {
    source: coding.source.split(/[\\/]/).pop() ?? coding.source,
    codes,
    cells,
    bestMatch,
    assignment,
    coverage: observed.coverage,
    documentKappa: observed.documentKappa,
    themeCells,
    unmatchedCodes,
    uncoveredConcepts,
    located: total === 0 ? 1 : (coding.segments.length - projection.outside) / total,
    notes,
    evidence: { test: 'fisher-one-sided', correction: 'benjamini-hochberg', ...rule, overlap: opts.overlap, tests: table.tests, themeTests },
    figures,
    ...(opts.rounds > 0 ? { chance: { rounds: opts.rounds, seed, permutation: 'rotated-within-documents' as const } } : {}),
    excerpts,
  };
  return { comparison, projection, learned, blocks: n };
}

/** The learned concepts' counted blocks as CSR over blocks (excluded blocks carry none). */
function conceptCoding(result: LeximapResult, column: ReadonlyMap<number, number>, valid: (b: number) => boolean, columns: number): ConceptCoding {
  const { conceptStarts, concepts } = result.blocks;
  const nBlocks = result.blocks.start.length;
  const starts = new Int32Array(nBlocks + 1);
  const cols: number[] = [];
  const size = new Int32Array(columns);
  for (let b = 0; b < nBlocks; b++) {
    if (valid(b)) {
      for (let k = conceptStarts[b] as number; k < (conceptStarts[b + 1] as number); k++) {
        const j = column.get(concepts[k] as number);
        if (j === undefined) continue;
        cols.push(j);
        size[j] = (size[j] as number) + 1;
      }
    }
    starts[b + 1] = cols.length;
  }
  return { starts, cols: Int32Array.from(cols), size };
}

function columnBlocks(coding: ConceptCoding, j: number): number[] {
  const out: number[] = [];
  for (let b = 0; b + 1 < coding.starts.length; b++) {
    for (let k = coding.starts[b] as number; k < (coding.starts[b + 1] as number); k++) if (coding.cols[k] === j) out.push(b);
  }
  return out;
}

/** The coding score of concept column j on block b (0 when not coded). */
function blockScores(result: LeximapResult, column: ReadonlyMap<number, number>): (b: number, j: number) => number {
  const { conceptStarts, concepts, scores } = result.blocks;
  return (b, j) => {
    for (let k = conceptStarts[b] as number; k < (conceptStarts[b + 1] as number); k++) {
      if (column.get(concepts[k] as number) === j) return (scores[k] as number) || Number.MIN_VALUE;
    }
    return 0;
  };
}

/** Themes (the union of their members' blocks) against top-level codes (the union of their codes' blocks), with the same evidence. */
function compareThemes(
  result: LeximapResult,
  projection: CodeProjection,
  codeBlocks: readonly number[][],
  column: ReadonlyMap<number, number>,
  coding: ConceptCoding,
  n: number,
  input: FigureInput,
  lf: Float64Array,
  chance?: { groups: readonly (readonly number[])[]; rounds: number; seed: number },
): { themeCells: ThemeCell[]; themeTests: number } {
  const topNames: string[] = [];
  const topBlocks: Set<number>[] = [];
  projection.codes.forEach((code, index) => {
    const name = code.path[0] ?? code.name;
    let at = topNames.indexOf(name);
    if (at < 0) {
      at = topNames.push(name) - 1;
      topBlocks.push(new Set());
    }
    for (const b of codeBlocks[index] as number[]) (topBlocks[at] as Set<number>).add(b);
  });
  const themeOf = new Int32Array(coding.size.length).fill(-1);
  result.themes.forEach((theme, t) => {
    for (const member of theme.members) {
      const j = column.get(member);
      if (j !== undefined) themeOf[j] = t;
    }
  });
  const themes = result.themes.length;
  const themeSets: Set<number>[] = result.themes.map(() => new Set());
  for (let b = 0; b + 1 < coding.starts.length; b++) {
    for (let k = coding.starts[b] as number; k < (coding.starts[b + 1] as number); k++) {
      const t = themeOf[coding.cols[k] as number] as number;
      if (t >= 0) (themeSets[t] as Set<number>).add(b);
    }
  }
  // Shared blocks of every top-level code and theme, the themes' blocks moved by `sigma` (null: as they are).
  const top = topBlocks.map((set) => [...set]);
  const countsOf = (sigma: Int32Array | null): Int32Array => {
    const out = new Int32Array(topNames.length * themes);
    top.forEach((list, r) => {
      themeSets.forEach((theme, t) => {
        let both = 0;
        for (const b of list) if (theme.has(sigma ? (sigma[b] as number) : b)) both++;
        out[r * themes + t] = both;
      });
    });
    return out;
  };
  const counts = countsOf(null);
  const overlaps = overlapsOf(counts, topNames.length, themes);
  const table = evidence(overlaps, topBlocks.map((s) => s.size), themeSets.map((s) => s.size), n, input.rule, lf);
  // Held against the same rotations as the concepts' matches: the themes' blocks moved within
  // documents, the top-level codes' shared blocks counted again in every round.
  const tables: Int32Array[] = [];
  if (chance) for (const { within } of draws(coding.starts.length - 1, chance.groups, chance.rounds, chance.seed)) tables.push(countsOf(within));
  const cells: ThemeCell[] = overlaps.both.map((both, i) => {
    const r = overlaps.row[i] as number;
    const t = overlaps.col[i] as number;
    const a = agreement((themeSets[t] as Set<number>).size, (topBlocks[r] as Set<number>).size, both, n);
    const rotated = chance ? rotatedP(tables, r * themes + t, both) : undefined;
    return {
      theme: t,
      code: topNames[r] as string,
      both,
      jaccard: a.jaccard,
      kappa: a.kappa,
      codeBlocks: (topBlocks[r] as Set<number>).size,
      themeBlocks: (themeSets[t] as Set<number>).size,
      codeShare: table.rowShare[i] as number,
      themeShare: table.colShare[i] as number,
      lift: a.lift,
      p: table.p[i] as number,
      q: table.q[i] as number,
      ...(rotated === undefined ? {} : { rotated }),
      matched: table.matched[i] === 1 && (rotated === undefined || rotated <= input.rule.alpha),
    };
  });
  cells.sort((x, y) => x.theme - y.theme || topNames.indexOf(x.code) - topNames.indexOf(y.code));
  return { themeCells: cells, themeTests: table.tests };
}

/** A code's best quotes: the blocks with the most coded characters, then in text order. */
function codeQuotes(projection: CodeProjection, code: number, blocks: LeximapResult['blocks'], valid: (b: number) => boolean, count: number): number[] {
  const list = projection.blocks[code] as number[];
  const shares = projection.cover[code] as number[];
  return list
    .map((block, i) => ({ block, share: (shares[i] as number) * ((blocks.end[block] as number) - (blocks.start[block] as number)) }))
    .filter(({ block }) => valid(block))
    .sort((a, b) => b.share - a.share || a.block - b.block)
    .slice(0, count)
    .map(({ block }) => block);
}

/** A concept's best quotes, preferring blocks no manual code touches (the engine's ranked quotes first). */
function conceptQuotes(result: LeximapResult, concept: number, conceptBlocks: number[], coded: Set<number>, count: number): number[] {
  const ranked = [...(result.concepts[concept]?.quotes ?? []), ...conceptBlocks];
  const seen = new Set<number>();
  const ordered = ranked.filter((b) => !seen.has(b) && seen.add(b));
  return [...ordered.filter((b) => !coded.has(b)), ...ordered.filter((b) => coded.has(b))].slice(0, count);
}

/** The text of the given blocks, on one line, at most MAX_EXCERPT long. */
function blockExcerpts(result: LeximapResult, texts: DocumentTexts, list: readonly number[]): Excerpt[] {
  const out: Excerpt[] = [];
  const slice = documentSlicers((d) => texts.get(result.documents[d]!.id)!.text);
  for (const block of list) {
    const d = result.blocks.document[block] as number;
    const doc = result.documents[d];
    if (!doc || texts.get(doc.id) === undefined) continue;
    const flat = slice(d, result.blocks.start[block] as number, result.blocks.end[block] as number).replace(/\s+/g, ' ').trim();
    out.push({ block, text: flat.length <= MAX_EXCERPT ? flat : `${flat.slice(0, MAX_EXCERPT - 1)}…` });
  }
  return out;
}
