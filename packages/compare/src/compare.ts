/**
 * Holds the learned concepts against manual codes (DESIGN §10). Codes are projected onto blocks
 * (`projectCodes`); every concept × code pair gets Jaccard, lift and Cohen's κ over blocks; each
 * code its best concept and a one-to-one Hungarian assignment that maximises total Jaccard;
 * coverage is the share of manually coded blocks inside the blocks of matched concepts (the
 * measure of published Leximancer-vs-manual comparisons); document-level κ pools, over matched
 * pairs, whether code and concept are present in each document (MAXQDA's first intercoder
 * criterion); themes are compared with top-level codes the same way.
 *
 * Blocks the engine excluded (`--exclude-speaker`) are left out of every count: no concept can
 * be coded there, so counting them would charge the engine for turns it was told to skip.
 */
import type { ComparisonResult, ComparedCode, AgreementCell, LeximapResult, Match } from '@leximap/core';
import type { ManualCoding } from '@leximap/io';
import { agreement, kappa } from './agreement.ts';
import { resolveCompareOptions, type CompareOptions } from './defaults.ts';
import { hungarian } from './hungarian.ts';
import { projectCodes, type CodeProjection } from './projectCodes.ts';

/** The comparison with the intermediate block sets, for reports and the viewer. */
export interface ComparisonDetails {
  comparison: ComparisonResult;
  projection: CodeProjection;
  /** Learned concept indices (into `result.concepts`) that took part. */
  learned: number[];
  /** Blocks counted (not excluded). */
  blocks: number;
  /** Codes whose assigned concept reaches `minJaccard`, by code index → concept index. */
  matched: Map<number, number>;
}

export function compare(result: LeximapResult, coding: ManualCoding, options: Partial<CompareOptions> = {}): ComparisonResult {
  return compareDetailed(result, coding, options).comparison;
}

export function compareDetailed(result: LeximapResult, coding: ManualCoding, options: Partial<CompareOptions> = {}): ComparisonDetails {
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
  const conceptBlocks: number[][] = learned.map(() => []);
  for (let b = 0; b < nBlocks; b++) {
    if (!valid(b)) continue;
    for (let k = blocks.conceptStarts[b] as number; k < (blocks.conceptStarts[b + 1] as number); k++) {
      const j = column.get(blocks.concepts[k] as number);
      if (j !== undefined) (conceptBlocks[j] as number[]).push(b);
    }
  }

  const projection = projectCodes(result, coding);
  const codeBlocks = (opts.overlap === 'any' ? projection.blocks : projection.blocksHalf).map((list) => list.filter(valid));
  const conceptsOfBlock = (b: number): number[] => {
    const out: number[] = [];
    for (let k = blocks.conceptStarts[b] as number; k < (blocks.conceptStarts[b + 1] as number); k++) {
      const j = column.get(blocks.concepts[k] as number);
      if (j !== undefined) out.push(j);
    }
    return out;
  };

  // Concept × code contingency: shared blocks per pair.
  const shared: Int32Array[] = codeBlocks.map((list) => {
    const counts = new Int32Array(learned.length);
    for (const b of list) for (const j of conceptsOfBlock(b)) counts[j] = (counts[j] as number) + 1;
    return counts;
  });
  const cells: AgreementCell[] = [];
  const jaccard: number[][] = [];
  codeBlocks.forEach((list, code) => {
    const row = new Array<number>(learned.length).fill(0);
    const counts = shared[code] as Int32Array;
    for (let j = 0; j < learned.length; j++) {
      const both = counts[j] as number;
      if (both === 0) continue;
      const a = agreement((conceptBlocks[j] as number[]).length, list.length, both, n);
      row[j] = a.jaccard;
      cells.push({ concept: learned[j] as number, code, both, ...a });
    }
    jaccard.push(row);
  });
  cells.sort((x, y) => x.concept - y.concept || x.code - y.code);

  const match = (code: number, j: number): Match => {
    const list = codeBlocks[code] as number[];
    const a = agreement((conceptBlocks[j] as number[]).length, list.length, (shared[code] as Int32Array)[j] as number, n);
    return { code, concept: learned[j] as number, jaccard: a.jaccard, kappa: a.kappa };
  };
  const bestMatch: Match[] = [];
  codeBlocks.forEach((list, code) => {
    if (list.length === 0 || learned.length === 0) return;
    const row = jaccard[code] as number[];
    let best = 0;
    for (let j = 1; j < row.length; j++) if ((row[j] as number) > (row[best] as number)) best = j;
    if ((row[best] as number) > 0) bestMatch.push(match(code, best));
  });

  const rows = codeBlocks.map((list, code) => code).filter((code) => (codeBlocks[code] as number[]).length > 0);
  const assigned = hungarian(rows.map((code) => (jaccard[code] as number[]).map((x) => -x)));
  const assignment: Match[] = [];
  const matched = new Map<number, number>();
  rows.forEach((code, r) => {
    const j = assigned[r] as number;
    if (j < 0 || ((jaccard[code] as number[])[j] as number) === 0) return;
    const m = match(code, j);
    assignment.push(m);
    if (m.jaccard >= opts.minJaccard) matched.set(code, j);
  });

  const coded = new Set<number>();
  for (const list of codeBlocks) for (const b of list) coded.add(b);
  const inMatched = new Set<number>();
  for (const j of new Set(matched.values())) for (const b of conceptBlocks[j] as number[]) inMatched.add(b);
  let covered = 0;
  for (const b of coded) if (inMatched.has(b)) covered++;
  const coverage = coded.size === 0 ? 0 : covered / coded.size;

  const documentOf = blocks.document;
  const presence = (list: number[]): Set<number> => new Set(list.map((b) => documentOf[b] as number));
  let docBoth = 0;
  let docA = 0;
  let docB = 0;
  let docN = 0;
  for (const [code, j] of matched) {
    const a = presence(conceptBlocks[j] as number[]);
    const b = presence(codeBlocks[code] as number[]);
    docN += result.documents.length;
    docA += a.size;
    docB += b.size;
    for (const d of a) if (b.has(d)) docBoth++;
  }
  const documentKappa = kappa(docA, docB, docBoth, docN);

  const topLevel = new Map<string, Set<number>>();
  projection.codes.forEach((code, index) => {
    const name = code.path[0] ?? code.name;
    const set = topLevel.get(name) ?? new Set<number>();
    for (const b of codeBlocks[index] as number[]) set.add(b);
    topLevel.set(name, set);
  });
  const themeCells: ComparisonResult['themeCells'] = [];
  result.themes.forEach((theme, t) => {
    const themeBlocks = new Set<number>();
    for (const member of theme.members) {
      const j = column.get(member);
      if (j !== undefined) for (const b of conceptBlocks[j] as number[]) themeBlocks.add(b);
    }
    for (const [name, set] of topLevel) {
      let both = 0;
      for (const b of set) if (themeBlocks.has(b)) both++;
      if (both === 0) continue;
      const a = agreement(themeBlocks.size, set.size, both, n);
      themeCells.push({ theme: t, code: name, both, jaccard: a.jaccard, kappa: a.kappa });
    }
  });

  const unmatchedCodes = projection.codes
    .map((_, code) => code)
    .filter((code) => (projection.segments[code] as number) > 0 && !matched.has(code))
    .map((code) => ({ code, quotes: codeQuotes(projection, code, blocks, valid, opts.quotes) }));
  const bestJaccardOfConcept = learned.map((_, j) => Math.max(0, ...jaccard.map((row) => row[j] as number)));
  const matchedConcepts = new Set(matched.values());
  const uncoveredConcepts = learned
    .map((concept, j) => ({ concept, j }))
    .filter(({ j }) => !matchedConcepts.has(j) && (bestJaccardOfConcept[j] as number) < opts.minJaccard && (conceptBlocks[j] as number[]).length > 0)
    .map(({ concept, j }) => ({ concept, quotes: conceptQuotes(result, concept, conceptBlocks[j] as number[], coded, opts.quotes) }));

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
    };
    if (code.colour) row.colour = code.colour;
    return row;
  });

  const total = coding.segments.length + coding.unresolved.length;
  const notes = [
    `blocks carry a code when a segment overlaps them by ${opts.overlap === 'any' ? 'at least one character' : 'at least half of the block'}`,
    `a code is matched when its assigned concept has a Jaccard index of at least ${opts.minJaccard}`,
    ...(n < nBlocks ? [`${nBlocks - n} blocks of excluded speakers are left out of every count`] : []),
    ...(coding.unresolved.length > 0 ? [`${coding.unresolved.length} segments could not be located: ${coding.unresolved.slice(0, 3).map((u) => u.reason).join('; ')}${coding.unresolved.length > 3 ? '; …' : ''}`] : []),
    ...(projection.outside > 0 ? [`${projection.outside} segments are in documents the result does not have: ${projection.missingDocuments.join(', ')}`] : []),
    ...coding.notes,
  ];
  const comparison: ComparisonResult = {
    source: coding.source.split(/[\\/]/).pop() ?? coding.source,
    codes,
    cells,
    bestMatch,
    assignment,
    coverage,
    documentKappa,
    themeCells,
    unmatchedCodes,
    uncoveredConcepts,
    located: total === 0 ? 1 : (coding.segments.length - projection.outside) / total,
    notes,
  };
  return { comparison, projection, learned, blocks: n, matched: new Map([...matched].map(([code, j]) => [code, learned[j] as number])) };
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
