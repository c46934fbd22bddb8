/**
 * summary.md: what the figures mean, each headline figure beside its chance level, then the
 * matches, the codes without counterpart, the concepts no code covers and the themes, each as a
 * table of counts, shares, lift and q-value. Every code name and quote goes through
 * `escapeMarkdown`, so nothing in a transcript becomes HTML or a link.
 */
import type { AgreementCell, AgreementFigure, ComparisonResult, LeximapResult } from '@leximap/core';
import { escapeMarkdown } from './escapeMarkdown.ts';

const FIGURE_LABELS: Record<AgreementFigure['id'], string> = {
  matches: 'Matched code × concept pairs',
  coverage: 'Coverage',
  kappa: 'κ (mean over matched pairs)',
  jaccard: 'Jaccard (mean over matched pairs)',
  f1: 'Best-match F1 (mean over codes)',
  documentKappa: 'Document κ (pooled over matched pairs)',
};
const PERCENT_FIGURES = new Set<AgreementFigure['id']>(['coverage']);
const MAX_ROWS = 30;

/** Options of {@link compareSummary}. */
export interface SummaryOptions {
  /** Where the glossary is, relative to summary.md. @default 'glossary.md' */
  glossary?: string;
}

export function compareSummary(result: LeximapResult, comparison: ComparisonResult, options: SummaryOptions = {}): string {
  const pct = (x: number | undefined): string => (x === undefined ? '—' : `${(100 * x).toFixed(0)}%`);
  const num = (x: number | undefined, digits = 2): string => (x === undefined ? '—' : x.toFixed(digits));
  const q = (x: number | undefined): string => (x === undefined ? '—' : x < 0.001 ? x.toExponential(1) : x.toFixed(3));
  const excerpts = new Map<number, string>();
  for (const e of result.quotes.excerpts) excerpts.set(e.block, e.text);
  for (const e of comparison.excerpts ?? []) excerpts.set(e.block, e.text);
  const quote = (block: number | undefined): string => {
    if (block === undefined) return '';
    const text = excerpts.get(block);
    if (text === undefined) return '';
    const short = text.length > 200 ? `${text.slice(0, 199)}…` : text;
    const doc = result.documents[result.blocks.document[block] as number];
    return `“${escapeMarkdown(short)}” (${escapeMarkdown(doc?.name ?? '')})`;
  };
  const codeName = (code: number): string => escapeMarkdown(comparison.codes[code]?.path.join(' > ') ?? `#${code}`);
  const conceptName = (concept: number): string => escapeMarkdown(result.concepts[concept]?.label ?? `#${concept}`);
  const rule = comparison.evidence;
  const glossary = options.glossary ?? 'glossary.md';
  const cellOf = new Map(comparison.cells.map((c) => [`${c.code}:${c.concept}`, c]));
  const evidenceColumns = (cell: AgreementCell | undefined): string[] =>
    cell ? [String(cell.codeBlocks ?? '—'), String(cell.conceptBlocks ?? '—'), String(cell.both), pct(cell.codeShare), pct(cell.conceptShare), num(cell.lift, 1), q(cell.q)] : ['—', '—', '0', '—', '—', '—', '—'];
  const evidenceHead = '| code blocks | concept blocks | both | share of code | share of concept | lift | q |';

  const lines: string[] = [];
  lines.push(`# leximap compare: ${escapeMarkdown(comparison.source)}`, '');
  lines.push('## What the figures mean', '');
  lines.push(
    '- Counts are **blocks**: the runs of sentences the engine codes; a code has a block when one of its segments overlaps it.',
    `- A concept **matches** a code when they share more blocks than chance allows (one-sided Fisher test, Benjamini–Hochberg **q** ≤ ${rule?.alpha ?? 0.05} over all ${rule?.tests ?? '—'} code × concept pairs), at least ${rule?.minLift ?? 2}× the blocks two unrelated sets of their sizes would share (**lift**), and at least ${pct(rule?.minShare ?? 0.2)} of the smaller one's blocks${comparison.chance ? `, and more blocks than in all but ${pct(rule?.alpha ?? 0.05)} of the chance rounds (the concepts' blocks rotated within documents, so that runs of blocks alone do not make a match)` : ''}.`,
    '- **Share of code**: the part of the code\'s blocks inside the concept; **share of concept**: the part of the concept\'s blocks inside the code.',
    '- **Coverage**: of all (code, block) codings, the share whose block carries a concept matched to that code.',
    '- **κ** (Cohen\'s kappa): agreement beyond what the sizes give by chance; 0 = chance, 1 = the same blocks.',
    '- **Jaccard**: shared blocks / blocks in either; **best-match F1**: 2·shared / (code blocks + concept blocks) of each code\'s best concept.',
    '- **Document κ**: κ of whether code and concept occur in each document.',
    comparison.chance
      ? `- **Chance**: the same figure with the concepts' blocks rotated within each document by a quarter to three quarters of its length, so that their runs stay runs (mean of ${comparison.chance.rounds} seeded rounds, seed ${comparison.chance.seed}; document κ shuffled across the corpus), and the 95th percentile of those rounds.`
      : '- **Chance**: not computed (--rounds 0).',
    `- Every term, with the reasons for the thresholds: [glossary](${glossary}).`,
  );

  const codedCodes = comparison.codes.filter((c) => c.segments > 0).length;
  const matchedCodes = codedCodes - comparison.unmatchedCodes.length;
  const matches = comparison.cells.filter((c) => c.matched);
  lines.push('', '## Agreement', '');
  lines.push(`${comparison.codes.length} codes, ${codedCodes} with located segments; ${matchedCodes} matched by at least one concept. Segments located: ${pct(comparison.located)}.`, '');
  lines.push('| figure | value | chance | chance, 95th percentile |', '|---|---|---|---|');
  for (const figure of comparison.figures ?? []) {
    const show = (x: number): string => (figure.id === 'matches' ? (Number.isInteger(x) ? String(x) : x.toFixed(1)) : PERCENT_FIGURES.has(figure.id) ? pct(x) : num(x));
    lines.push(`| ${FIGURE_LABELS[figure.id]} | ${show(figure.value)} | ${comparison.chance ? show(figure.chance) : '—'} | ${comparison.chance ? show(figure.chanceHigh) : '—'} |`);
  }

  lines.push('', `## Matches (${matches.length} pairs, strongest first)`, '');
  if (matches.length === 0) lines.push('No concept matches a code by the rule above.');
  else {
    lines.push(`| code | concept ${evidenceHead} name contains |`, `|---|---|---|---|---|---|---|---|---|---|`);
    const sorted = [...matches].sort((a, b) => (a.q as number) - (b.q as number) || b.lift - a.lift || a.code - b.code || a.concept - b.concept);
    for (const cell of sorted.slice(0, MAX_ROWS)) lines.push(`| ${codeName(cell.code)} | ${conceptName(cell.concept)} | ${evidenceColumns(cell).join(' | ')} | ${cell.named ? escapeMarkdown(cell.named) : ''} |`);
    if (sorted.length > MAX_ROWS) lines.push('', `… and ${sorted.length - MAX_ROWS} more in compare.csv (matched = yes).`);
  }

  lines.push('', `## Codes without an automatic counterpart (${comparison.unmatchedCodes.length})`, '');
  if (comparison.unmatchedCodes.length > 0) {
    lines.push('No concept passes the rule for these codes; the closest concept (lowest q) is shown with its evidence.', '');
    lines.push(`| code | closest concept ${evidenceHead} quote |`, '|---|---|---|---|---|---|---|---|---|---|');
    for (const u of comparison.unmatchedCodes.slice(0, MAX_ROWS)) {
      const cell = u.closest === undefined ? undefined : cellOf.get(`${u.code}:${u.closest}`);
      const blocks = comparison.codes[u.code]?.blockList?.length ?? comparison.codes[u.code]?.blocks ?? 0;
      const columns = evidenceColumns(cell);
      if (!cell) columns[0] = String(blocks);
      lines.push(`| ${codeName(u.code)} | ${u.closest === undefined ? '—' : conceptName(u.closest)} | ${columns.join(' | ')} | ${quote(u.quotes[0])} |`);
    }
    if (comparison.unmatchedCodes.length > MAX_ROWS) lines.push('', `… and ${comparison.unmatchedCodes.length - MAX_ROWS} more in compare.csv.`);
  }

  lines.push('', `## Concepts no code covers (${comparison.uncoveredConcepts.length})`, '');
  if (comparison.uncoveredConcepts.length > 0) {
    lines.push('These concepts match no code: recurring ideas the coding may not name. The closest code (lowest q) is shown.', '');
    lines.push(`| concept | closest code ${evidenceHead} quote |`, '|---|---|---|---|---|---|---|---|---|---|');
    for (const u of comparison.uncoveredConcepts.slice(0, MAX_ROWS)) {
      const cell = u.closest === undefined ? undefined : cellOf.get(`${u.closest}:${u.concept}`);
      const columns = evidenceColumns(cell);
      if (!cell) columns[1] = String(result.concepts[u.concept]?.count ?? '—');
      lines.push(`| ${conceptName(u.concept)} | ${u.closest === undefined ? '—' : codeName(u.closest)} | ${columns.join(' | ')} | ${quote(u.quotes[0])} |`);
    }
    if (comparison.uncoveredConcepts.length > MAX_ROWS) lines.push('', `… and ${comparison.uncoveredConcepts.length - MAX_ROWS} more.`);
  }

  if (comparison.themeCells.length > 0) {
    lines.push('', '## Themes and top-level codes', '');
    lines.push(`The same evidence for each theme (the blocks of all its concepts) and top-level code (the blocks of all codes under it); q over the ${rule?.themeTests ?? '—'} theme × top-level code pairs. Per theme, its matched top-level codes, or its closest one.`, '');
    lines.push('| theme | top-level code | code blocks | theme blocks | both | share of code | share of theme | lift | q | matched |', '|---|---|---|---|---|---|---|---|---|---|');
    const byTheme = new Map<number, ComparisonResult['themeCells']>();
    for (const cell of comparison.themeCells) byTheme.set(cell.theme, [...(byTheme.get(cell.theme) ?? []), cell]);
    for (const [theme, list] of [...byTheme].sort((a, b) => a[0] - b[0])) {
      const sorted = [...list].sort((a, b) => (a.q ?? 1) - (b.q ?? 1) || (b.lift ?? 0) - (a.lift ?? 0));
      const shown = sorted.some((c) => c.matched) ? sorted.filter((c) => c.matched) : sorted.slice(0, 1);
      for (const c of shown) {
        lines.push(`| ${escapeMarkdown(result.themes[theme]?.name ?? `#${theme}`)} | ${escapeMarkdown(c.code)} | ${c.codeBlocks ?? '—'} | ${c.themeBlocks ?? '—'} | ${c.both} | ${pct(c.codeShare)} | ${pct(c.themeShare)} | ${num(c.lift, 1)} | ${q(c.q)} | ${c.matched ? 'yes' : 'no'} |`);
      }
    }
  }

  if (comparison.assignment.length > 0) {
    lines.push('', '## One-to-one assignment (a summary, not the definition of a match)', '');
    lines.push('Each code paired with at most one concept and each concept with at most one code, maximising total Jaccard; "match" says whether the pair also passes the rule.', '');
    lines.push(`| code | concept ${evidenceHead} Jaccard | match |`, '|---|---|---|---|---|---|---|---|---|---|---|');
    const top = [...comparison.assignment].sort((a, b) => b.jaccard - a.jaccard || a.code - b.code).slice(0, 15);
    for (const m of top) {
      const cell = cellOf.get(`${m.code}:${m.concept}`);
      lines.push(`| ${codeName(m.code)} | ${conceptName(m.concept)} | ${evidenceColumns(cell).join(' | ')} | ${num(m.jaccard, 3)} | ${cell?.matched ? 'yes' : 'no'} |`);
    }
  }

  if (comparison.notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const note of comparison.notes) lines.push(`- ${escapeMarkdown(note)}`);
  }
  return `${lines.join('\n')}\n`;
}
