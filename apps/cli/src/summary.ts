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
    '',
    'Top concepts (blocks, relevance):',
    '  ' + learned.slice(0, 20).map((x) => `${x.label} (${x.count}, ${Math.round(x.relevance * 100)}%)`).join(', '),
    '',
    `Wrote ${files.join(', ')} to ${outDir}`,
  ];
  return lines.join('\n');
}
