/** The short text summary `analyze` prints on stdout: corpus, themes and top concepts. */
import type { LeximapResult } from '@leximap/core';

export function summarize(result: LeximapResult, outDir: string, files: readonly string[]): string {
  const c = result.corpus;
  const learned = result.concepts.filter((x) => x.kind !== 'tag');
  const lines = [
    `leximap: ${c.documents} documents, ${c.tokens.toLocaleString('en')} words, ${c.blocks.toLocaleString('en')} blocks → ${learned.length} concepts in ${result.themes.length} themes (seed ${result.parameters.seed}, stress ${result.layout.stress.toFixed(3)})`,
    '',
    'Themes (by connectivity):',
    ...result.themes.slice(0, 12).map((t) => {
      const members = t.members.filter((m) => m !== t.parent).map((m) => result.concepts[m]!.label);
      return `  ${String(t.rank + 1).padStart(2)}. ${t.name.padEnd(18)} ${String(Math.round(t.relevance * 100)).padStart(3)}%  ${members.slice(0, 8).join(', ')}${members.length > 8 ? ', …' : ''}`;
    }),
    ...stabilityLines(result),
    ...(result.leftOut?.length ? ['', 'Frequent terms that name no concept (keep one with --seeds, a line "label: term"):', ...result.leftOut.slice(0, 5).map((l) => `  ${l.term} (${l.blocks} blocks): ${l.reason}`)] : []),
    '',
    'Top concepts (blocks, relevance):',
    '  ' + learned.slice(0, 20).map((x) => `${x.label} (${x.count}, ${Math.round(x.relevance * 100)}%)`).join(', '),
    '',
    `Wrote ${files.join(', ')} to ${outDir}`,
  ];
  return lines.join('\n');
}

/** One line on how the reading held over the stability resamples, and the fragile concepts. */
function stabilityLines(result: LeximapResult): string[] {
  const s = result.stability;
  if (!s) return [];
  const fragile = result.concepts.filter((c) => c.kind !== 'tag' && (c.stability ?? 1) < 0.5).map((c) => c.label);
  return [
    '',
    `Stability over ${s.runs} resamples leaving out ${s.leaveOut} document(s) each: themes ARI ${s.themeAri.mean.toFixed(2)} (${s.themeAri.min.toFixed(2)}–${s.themeAri.max.toFixed(2)}), concepts Jaccard ${s.conceptJaccard.mean.toFixed(2)} (${s.conceptJaccard.min.toFixed(2)}–${s.conceptJaccard.max.toFixed(2)})`,
    ...(fragile.length > 0 ? [`  found again in fewer than half of them: ${fragile.slice(0, 12).join(', ')}${fragile.length > 12 ? ', …' : ''}`] : []),
  ];
}
