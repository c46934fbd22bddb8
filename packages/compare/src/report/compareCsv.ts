/**
 * compare.csv: one row per code × concept pair that shares a block, with its evidence (the
 * columns are explained in docs/glossary.md), and one row for each code that shares none, so
 * every code appears. Rows follow the codes' order, then the strongest association first.
 */
import type { ComparisonResult, LeximapResult } from '@leximap/core';
import { toCsv, type CsvCell } from '@leximap/io';

export function compareCsv(result: LeximapResult, comparison: ComparisonResult): string {
  const rows: CsvCell[][] = [
    ['code', 'top_level', 'segments', 'code_blocks', 'concept', 'concept_blocks', 'both', 'share_of_code', 'share_of_concept', 'jaccard', 'lift', 'kappa', 'p', 'q', 'rotated_p', 'matched', 'name_contains'],
  ];
  const byCode = new Map<number, ComparisonResult['cells']>();
  for (const cell of comparison.cells) {
    const list = byCode.get(cell.code) ?? [];
    list.push(cell);
    byCode.set(cell.code, list);
  }
  comparison.codes.forEach((code, index) => {
    const name = code.path.join(' > ');
    const compared = code.blockList?.length ?? code.blocks;
    const cells = [...(byCode.get(index) ?? [])].sort((a, b) => (a.q ?? 1) - (b.q ?? 1) || b.lift - a.lift || a.concept - b.concept);
    if (cells.length === 0) rows.push([name, code.path[0], code.segments, compared, undefined, undefined, 0, 0, undefined, 0, undefined, undefined, undefined, undefined, undefined, code.segments === 0 ? undefined : 'no', undefined]);
    for (const cell of cells) {
      rows.push([
        name,
        code.path[0],
        code.segments,
        cell.codeBlocks ?? compared,
        result.concepts[cell.concept]?.label ?? `#${cell.concept}`,
        cell.conceptBlocks,
        cell.both,
        cell.codeShare,
        cell.conceptShare,
        cell.jaccard,
        cell.lift,
        cell.kappa,
        cell.p,
        cell.q,
        cell.rotated,
        cell.matched ? 'yes' : 'no',
        cell.named,
      ]);
    }
  });
  return toCsv(rows);
}
