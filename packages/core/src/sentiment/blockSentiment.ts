/**
 * Sentiment of each block: VADER's compound score (Hutto & Gilbert 2014, "VADER: A Parsimonious
 * Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14; the `vader-sentiment`
 * port) of the block's text, markup masked: the normalised sum of its words' valences from
 * VADER's lexicon, shifted by negation ("not good"), boosters ("very"), "but", capitals and
 * exclamation marks, in [-1, 1]. VADER's lexicon is English; blocks in other languages get NaN (no
 * score): none of the other languages has a lexicon on npm as well kept (packages/core/README.md).
 *
 * A stage of its own, run on a shard's blocks after the text stage, where the text is. VADER is
 * loaded on demand (`loadSentiment`): sentiment is off by default.
 */
import type vader from 'vader-sentiment';
import { requireCjs } from '../requireCjs.ts';
import type { Document } from '../corpus.ts';
import { compileMarkup, maskMarkup } from '../text/markup.ts';
import { documentSlicers } from '../text/slice.ts';
import { ENGLISH } from '../text/languages/registry.ts';

let analyzer: typeof vader.SentimentIntensityAnalyzer | undefined;

/** Loads VADER, once per thread; `vaderScore` and `blockSentiment` need it loaded first. */
export async function loadSentiment(): Promise<void> {
  analyzer ??= requireCjs<typeof vader>('vader-sentiment').SentimentIntensityAnalyzer;
}

/** Languages with a sentiment lexicon. */
export const SENTIMENT_LANGUAGES: readonly string[] = [ENGLISH];

/** VADER's compound score of an English text. */
export function vaderScore(text: string): number {
  if (analyzer === undefined) throw new Error('vaderScore: await loadSentiment() first');
  return analyzer.polarity_scores(text).compound;
}

/** The score of each block of a shard (`blockDoc`, `blockStart`, `blockEnd` in code points), NaN where its document's language has no lexicon. */
export function blockSentiment(
  documents: readonly Document[],
  languages: readonly string[],
  blocks: { blockDoc: Uint32Array; blockStart: Uint32Array; blockEnd: Uint32Array },
  markupSources: readonly string[],
): Float64Array {
  const markup = compileMarkup(markupSources);
  const scores = new Float64Array(blocks.blockDoc.length).fill(NaN);
  const slice = documentSlicers((d) => documents[d]!.text);
  for (let b = 0; b < scores.length; b++) {
    const d = blocks.blockDoc[b]!;
    if (!SENTIMENT_LANGUAGES.includes(languages[d]!)) continue;
    scores[b] = vaderScore(maskMarkup(slice(d, blocks.blockStart[b]!, blocks.blockEnd[b]!), markup));
  }
  return scores;
}
