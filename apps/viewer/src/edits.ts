/**
 * Edits of the concept list — rename, merge, delete, add from seed words, rename a theme — kept
 * as the list of concepts they give, and written as a `--seeds` file (packages/io's readSeeds):
 * `-*` (no automatic seeds) and one `label: seed, seed` line per concept, so that
 * `leximap analyze --seeds FILE` learns exactly these concepts, each from its seeds. A merge is
 * the union of the seeds under one label; a theme is named after its parent concept, so renaming
 * a theme renames that concept.
 */
import type { LeximapResult } from '@leximap/core';

export interface EditedConcept {
  label: string;
  seeds: string[];
  /** The result's concepts it stands for (none for an added one). */
  from: number[];
}

export interface Edits {
  concepts: EditedConcept[];
  /** What was done, in order, for the reader. */
  log: string[];
}

/** What the seeds file cannot hold: `:` `,` `=` separate its fields, `#` starts a comment, `-` or `=` first is an instruction. */
const FORBIDDEN = /[:,=#\r\n]/;

/** Whitespace collapsed as the seeds file reader does. */
export function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Why `text` cannot be a label or a seed in a seeds file, or null. */
export function badName(text: string): string | null {
  const t = normalize(text);
  if (t === '') return 'is empty';
  if (FORBIDDEN.test(t)) return 'holds one of : , = # (the seeds file uses them)';
  if (t.startsWith('-') || t.startsWith('=')) return 'starts with - or = (an instruction in the seeds file)';
  return null;
}

export function startEdits(result: LeximapResult): Edits {
  const concepts: EditedConcept[] = [];
  result.concepts.forEach((c, i) => {
    if (c.kind !== 'tag') concepts.push({ label: c.label, seeds: [...c.seeds], from: [i] });
  });
  return { concepts, log: [] };
}

function check(edits: Edits, label: string, except?: EditedConcept): string {
  const t = normalize(label);
  const bad = badName(t);
  if (bad) throw new Error(`“${label}” ${bad}`);
  if (edits.concepts.some((c) => c !== except && c.label.toLowerCase() === t.toLowerCase())) throw new Error(`a concept is already called “${t}”`);
  return t;
}

export function renameConcept(edits: Edits, k: number, label: string): void {
  const c = edits.concepts[k]!;
  const t = check(edits, label, c);
  if (t === c.label) return;
  edits.log.push(`renamed ${c.label} → ${t}`);
  c.label = t;
}

/** Merges concept `k` into concept `into`: one concept, `into`'s label, both sets of seeds. */
export function mergeConcepts(edits: Edits, k: number, into: number): void {
  if (k === into) return;
  const from = edits.concepts[k]!;
  const to = edits.concepts[into]!;
  for (const s of from.seeds) if (!to.seeds.includes(s)) to.seeds.push(s);
  to.from.push(...from.from);
  edits.concepts.splice(k, 1);
  edits.log.push(`merged ${from.label} into ${to.label}`);
}

export function deleteConcept(edits: Edits, k: number): void {
  const [c] = edits.concepts.splice(k, 1);
  if (c) edits.log.push(`deleted ${c.label}`);
}

export function addConcept(edits: Edits, label: string, seeds: string): void {
  const t = check(edits, label);
  const terms = [...new Set(seeds.split(',').map(normalize).filter(Boolean))];
  if (terms.length === 0) throw new Error('give at least one seed word (several: separated by commas)');
  for (const s of terms) {
    const bad = badName(s);
    if (bad) throw new Error(`seed “${s}” ${bad}`);
    // Two concepts with one seed: the analysis keeps the later and drops the other.
    const owner = edits.concepts.find((c) => c.seeds.some((x) => x.toLowerCase() === s.toLowerCase()));
    if (owner) throw new Error(`“${s}” is already a seed of ${owner.label}: merge into that concept, or rename it, instead`);
  }
  edits.concepts.push({ label: t, seeds: terms, from: [] });
  edits.log.push(`added ${t} (${terms.join(', ')})`);
}

/** Renames the theme whose parent is the result's concept `parent`, by renaming that concept. */
export function renameTheme(edits: Edits, parent: number, name: string): void {
  const k = edits.concepts.findIndex((c) => c.from.includes(parent));
  if (k < 0) throw new Error('the theme’s parent concept was deleted');
  const before = edits.concepts[k]!.label;
  const t = check(edits, name, edits.concepts[k]);
  if (t === before) return;
  edits.concepts[k]!.label = t;
  edits.log.push(`renamed theme ${before} → ${t}`);
}

/** Concepts whose seeds cannot be written in a seeds file (a name with a comma …). */
export function unsaveable(edits: Edits): string[] {
  return edits.concepts.filter((c) => c.seeds.some((s) => badName(s) !== null) || badName(c.label) !== null).map((c) => c.label);
}

/** The seeds file of the edited concept list, in the format `leximap analyze --seeds` reads. */
export function seedsFile(edits: Edits, title: string): string {
  const lines = [
    `# leximap seeds: the concepts of ${normalize(title).replace(/#/g, '')} as edited in the viewer`,
    ...edits.log.map((l) => `#   ${l.replace(/[\r\n#]/g, ' ')}`),
    '# -* : no automatic seeds; each line below is one concept, label: seed terms',
    '-*',
    ...edits.concepts.filter((c) => badName(c.label) === null && c.seeds.every((s) => badName(s) === null)).map((c) => `${c.label}: ${c.seeds.join(', ')}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The command that re-runs the analysis with the file, with the result's own options that differ from the defaults. */
export function rerunCommand(result: LeximapResult, file: string): string {
  const p = result.parameters;
  const parts = ['leximap analyze PATH...', `--seeds ${file}`];
  for (const s of p.excludeSpeakers ?? []) parts.push(`--exclude-speaker ${/\s/.test(s) ? JSON.stringify(s) : s}`);
  if (p.blockSentences !== 2) parts.push(`--block-sentences ${p.blockSentences}`);
  if (p.seed !== 1) parts.push(`--seed ${p.seed}`);
  return parts.join(' ');
}
