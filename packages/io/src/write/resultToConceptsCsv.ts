import type { LeximapResult } from '@leximap/core';
import { percent } from './percent.ts';
import { SENTIMENT_COLUMNS, sentimentCells } from './sentimentCells.ts';
import { toCsv } from './toCsv.ts';
import type { CsvCell, CsvOptions } from './toCsv.ts';

/** Thesaurus terms listed per concept in `concepts.csv`. */
export const CSV_THESAURUS_TERMS = 10;

/**
 * `concepts.csv`: one row per concept in result order, with rank, label, kind, category, count,
 * relevance %, connectedness, theme name, map position and the top thesaurus terms
 * (`term (weight); …`, by weight), the share of stability resamples that found it again and how
 * often it stayed with the rest of its theme there (`themeStability`), and what the thesaurus added: the blocks it codes without the seed, and of them those coded on less
 * evidence next to a block that holds the seed, and the blocks coded because they lie between two
 * mentions of the seed (empty for tags).
 * With sentiment (`--sentiment`), its mean and the % of positive and negative blocks among the scored ones.
 */
export function resultToConceptsCsv(result: LeximapResult, options: CsvOptions = {}): string {
  const sentiment = result.parameters.sentiment === true;
  const rows: CsvCell[][] = [['rank', 'concept', 'kind', 'category', 'count', 'relevance_pct', 'connectedness', 'theme', 'x', 'y', 'thesaurus', 'stability_pct', 'theme_stability_pct', 'evidence_blocks', 'context_blocks', 'chain_blocks', ...(sentiment ? SENTIMENT_COLUMNS : [])]];
  result.concepts.forEach((concept, i) => {
    const terms = [...concept.thesaurus]
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, CSV_THESAURUS_TERMS)
      .map((t) => `${t.term} (${t.weight.toFixed(2)})`)
      .join('; ');
    rows.push([
      i + 1,
      concept.label,
      concept.kind,
      concept.category,
      concept.count,
      percent(concept.relevance),
      concept.connectedness,
      concept.theme >= 0 ? result.themes[concept.theme]?.name : undefined,
      concept.x,
      concept.y,
      terms,
      concept.stability === undefined ? undefined : percent(concept.stability),
      concept.themeStability === undefined ? undefined : percent(concept.themeStability),
      concept.learning?.evidenceBlocks,
      concept.learning?.contextBlocks,
      concept.learning?.chainBlocks,
      ...(sentiment ? sentimentCells(concept.sentiment) : []),
    ]);
  });
  return toCsv(rows, options);
}
