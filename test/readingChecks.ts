/**
 * What every reading must hold, on any corpus (issue 16): no two concepts that differ only by
 * case or a plural ending (nor, in English, two word concepts of one word family), no concept
 * that is a filler, a form of address, a stage direction or a speaker label, and no phrase label
 * that lacks its word or joins it to a filler or a title; and a map that draws no concept inside
 * another theme's circle. Shared by the
 * end-to-end test on the examples and the real-data tests.
 */
import { familyKey, isTitle, TRANSCRIPT_FILLERS, variantKey, type LeximapResult } from '@leximap/core';

const FILLERS = new Set(TRANSCRIPT_FILLERS);
const DIRECTIONS = /^(laugh|laughter|laughs|laughing|inaudible|crosstalk|pause|unintelligible|applause)$/i;

/** The readings that break the rule, one line each (empty when all hold). */
export function readingProblems(result: LeximapResult): string[] {
  const problems: string[] = [];
  const learned = result.concepts.filter((c) => c.kind !== 'tag' && c.kind !== 'user');
  const byKey = new Map<string, string>();
  const speakers = new Set(result.speakers.map((s) => s.toLowerCase()));
  const families = new Map<string, string>();
  for (const c of learned) {
    const key = variantKey(c.label);
    const family = result.parameters.lang === 'en' && c.kind === 'word' ? familyKey(c.label) : undefined;
    if (byKey.has(key)) problems.push(`"${c.label}" and "${byKey.get(key)}" differ only by case or a plural ending`);
    else if (family !== undefined && families.has(family)) problems.push(`"${c.label}" and "${families.get(family)}" are one word family`);
    byKey.set(key, c.label);
    if (family !== undefined) families.set(family, c.label);
    const words = c.label.split(/\s+/);
    // A capitalised title ("Chair", "Mr.") is a form of address; the word "chair" is a word.
    if (words.every((w) => FILLERS.has(w.toLowerCase()) || (/^\p{Lu}/u.test(w) && isTitle(w)))) problems.push(`"${c.label}" is a filler or a form of address`);
    if (c.kind === 'word' && words.length > 1) {
      // A phrase label ("decision tree") holds its word and a content word beside it, no filler or title.
      const seeds = new Set(c.seeds.map((s) => variantKey(s)));
      const others = words.filter((w) => !seeds.has(variantKey(w)));
      if (others.length === words.length) problems.push(`"${c.label}" does not hold its word (${c.seeds.join(', ')})`);
      if (others.some((w) => FILLERS.has(w.toLowerCase()) || isTitle(w))) problems.push(`"${c.label}" joins its word to a filler or a title`);
    }
    if (DIRECTIONS.test(c.label)) problems.push(`"${c.label}" is a stage direction`);
    if (speakers.has(c.label.toLowerCase())) problems.push(`"${c.label}" is a speaker label`);
    // A quote names the concept: never a block coded only for lying between two mentions (score 0).
    for (const b of c.quotes) {
      const { conceptStarts, concepts, scores } = result.blocks;
      let score = -1;
      for (let k = conceptStarts[b]!; k < conceptStarts[b + 1]!; k++) if (concepts[k] === c.id) score = scores[k]!;
      if (!(score > 0)) problems.push(`"${c.label}" quotes block ${b}, which it codes with score ${score}`);
    }
  }
  return problems;
}

/** Concepts drawn inside another theme's circle (the result's: its members' centroid, out to the farthest), one line each. */
export function mapProblems(result: LeximapResult): string[] {
  const problems: string[] = [];
  for (const c of result.concepts) {
    if (c.kind === 'tag') continue;
    for (const t of result.themes) {
      if (t.id !== c.theme && Math.hypot(c.x - t.x, c.y - t.y) < t.radius) problems.push(`"${c.label}" is drawn inside the circle of theme "${t.name}"`);
    }
  }
  return problems;
}

/** Share of learned concepts with at least 3 evidence terms, and the median share of a concept's blocks coded by evidence alone. */
export function learningFigures(result: LeximapResult): { learning: number; evidence: number } {
  const learned = result.concepts.filter((c) => c.kind === 'word' || c.kind === 'name');
  const learning = learned.filter((c) => c.thesaurus.length - c.seeds.length >= 3).length / learned.length;
  const shares = learned.map((c) => (c.learning?.evidenceBlocks ?? 0) / c.count).sort((a, b) => a - b);
  const mid = shares.length >> 1;
  const evidence = shares.length % 2 ? shares[mid]! : (shares[mid - 1]! + shares[mid]!) / 2;
  return { learning, evidence };
}
