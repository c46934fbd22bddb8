/**
 * The result contract between the engine, the CLI, the viewer, compare and render:
 * one versioned JSON document. Columns, not objects, where a row per block would be large.
 *
 * Every character offset in a result is in Unicode code points of the original text, half-open
 * `[start, end)`. Floats are rounded when written (see `serializeResult`), so the same input and
 * seed give the same bytes.
 */
import type { AnalysisOptions } from '../defaults.ts';

export const SCHEMA_VERSION = 1 as const;

export type ConceptKind = 'word' | 'name' | 'user' | 'tag';

export interface LeximapResult {
  schemaVersion: typeof SCHEMA_VERSION;
  generator: { name: 'leximap'; version: string; nlpModel: string };
  /** Every option the analysis ran with, resolved (no `auto` left), seed included. */
  parameters: ResolvedParameters;
  corpus: CorpusSummary;
  /** Speaker names; `blocks.speaker` indexes into this table. */
  speakers: string[];
  documents: ResultDocument[];
  blocks: ResultBlocks;
  /** Learned concepts (word, name, user) first, ranked by count; then tag concepts. */
  concepts: ResultConcept[];
  /** Themes at `parameters.themeSize`, ranked by connectivity. */
  themes: ResultTheme[];
  /** Concept co-occurrence over blocks, sparse upper triangle (`a < b`, concept indices). */
  cooccurrence: { a: number[]; b: number[]; count: number[] };
  /** Ranked quotes per concept pair (per concept they are on the concept), and their text. */
  quotes: { pairs: PairQuotes[]; excerpts: Excerpt[] };
  layout: LayoutSummary;
  /** Files left out with `--skip-bad-files`. */
  skipped?: { path: string; reason: string }[];
  /** Present when the analysis was learned again on document resamples (`--stability N`). */
  stability?: StabilitySummary;
  /** What the user should know about the run (a seed not found in the analysed text, a corpus in several languages, a language without a stop list …), one sentence each. */
  warnings?: string[];
  /** Present when the result was compared with manual codes. */
  comparison?: ComparisonResult;
  /** Seconds per stage; only with `--timings`, since it breaks byte-identical output. */
  timings?: Record<string, number>;
}

/** Sentiment of a set of blocks (`sentiment/summarizeSentiment.ts`). */
export interface SentimentSummary {
  /** Mean score of the blocks that have one, −1 to 1. */
  mean: number;
  /** Share of those blocks scored positive (≥ 0.05), 0–1. */
  positive: number;
  /** Share of those blocks scored negative (≤ −0.05), 0–1. */
  negative: number;
  /** Blocks with a score. */
  blocks: number;
}

export interface ResolvedParameters extends Omit<AnalysisOptions, 'concepts' | 'minBlocks' | 'stability' | 'sentiment'> {
  /** True when block sentiment was scored (`--sentiment`); left out when it was not. */
  sentiment?: boolean;
  concepts: number;
  /** Stability resamples run (0: none). */
  stability: number;
  minBlocks: number;
  /** The number of concepts asked for (`auto` or a number), before resolution. */
  conceptsRequested: 'auto' | number;
  /** The language asked for (`auto` or a code), when the corpus is not all English (`lang` then holds the detected one, or `mul` for several). */
  langRequested?: string;
  /** Documents per language (ISO 639-1), most first, when the corpus is not all English. */
  languages?: Record<string, number>;
}

export interface CorpusSummary {
  documents: number;
  paragraphs: number;
  sentences: number;
  blocks: number;
  /** Word tokens read (punctuation excluded). */
  tokens: number;
  /** Distinct terms after stop words and merges. */
  terms: number;
  /** Terms that qualified as concept candidates. */
  candidates: number;
}

export interface ResultDocument {
  id: string;
  name: string;
  path?: string;
  tags: string[];
  speakers: string[];
  /** Blocks of this document: `[blockStart, blockEnd)` into `blocks`. */
  blockStart: number;
  blockEnd: number;
  /** Length of the text in code points. */
  length: number;
  /** Language the document was read in (ISO 639-1), detected or forced; left out when the whole corpus is English. */
  lang?: string;
}

/** One row per block, as parallel columns. */
export interface ResultBlocks {
  document: number[];
  /** Paragraph index within its document, 0-based. */
  paragraph: number[];
  /** Start offset in code points of the document text. */
  start: number[];
  /** End offset (exclusive) in code points. */
  end: number[];
  /** Index into `speakers`, or -1. */
  speaker: number[];
  /** CSR of learned concepts coded on each block: concepts of block i are `concepts[conceptStarts[i]..conceptStarts[i+1])`. */
  conceptStarts: number[];
  concepts: number[];
  /** Coding score of each entry of `concepts`. */
  scores: number[];
  /** 1 when the block's speaker was excluded from learning and coding (`--exclude-speaker`). */
  excluded: number[];
  /** Sentiment score of each block, −1 to 1 (VADER's compound), null where its language has no lexicon; only with `--sentiment`. */
  sentiment?: (number | null)[];
}

export interface ThesaurusTerm {
  term: string;
  weight: number;
  /** Blocks of the concept containing the term. */
  support: number;
  seed: boolean;
}

export interface ResultConcept {
  id: number;
  label: string;
  kind: ConceptKind;
  /** For tag concepts: `speaker`, `file`, `folder`, `code`, or the CSV column name. */
  category?: string;
  /** Blocks coded with the concept. */
  count: number;
  /** count / the largest learned concept count, 0–1. */
  relevance: number;
  /** Sum of co-occurrence counts with the other learned concepts. */
  connectedness: number;
  x: number;
  y: number;
  /** Theme index, or -1 (tags, hidden concepts). */
  theme: number;
  seeds: string[];
  thesaurus: ThesaurusTerm[];
  /** Ranked quotes: block indices, best first. */
  quotes: number[];
  /** Share of the stability resamples that find this concept again, 0–1 (with `--stability`). */
  stability?: number;
  /** Learning diagnostics; `evidenceBlocks` = coded blocks that hold none of the seeds (what the thesaurus alone added). */
  learning?: { iterations: number; converged: boolean; jaccard: number; mergedFrom: string[]; evidenceBlocks?: number };
  /** Sentiment of the concept's blocks (a tag's: its blocks); only with `--sentiment`, and when some of them have a score. */
  sentiment?: SentimentSummary;
}

export interface ResultTheme {
  id: number;
  name: string;
  /** The parent concept. */
  parent: number;
  members: number[];
  /** Sum of members' connectedness. */
  connectivity: number;
  /** connectivity / the top theme's, 0–1. */
  relevance: number;
  rank: number;
  colour: string;
  x: number;
  y: number;
  radius: number;
  /** How often its members stay together over the stability resamples, 0–1 (with `--stability`). */
  stability?: number;
  /** Sentiment of the blocks coded with any of its members; only with `--sentiment`. */
  sentiment?: SentimentSummary;
}

/** Mean, minimum and maximum of a figure over the stability resamples. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
}

/** The stability report: the analysis learned again on document resamples. */
export interface StabilitySummary {
  /** Resamples. */
  runs: number;
  /** Documents left out of each resample (10 %, at least one). */
  leaveOut: number;
  /** Adjusted Rand index of the themes against the full run's, over the concepts both share. */
  themeAri: Spread;
  /** Jaccard index of the concept sets (by label) against the full run's. */
  conceptJaccard: Spread;
}

export interface PairQuotes {
  a: number;
  b: number;
  blocks: number[];
}

export interface Excerpt {
  block: number;
  text: string;
}

export interface LayoutSummary {
  mode: 'gaussian' | 'linear';
  /** Kruskal stress-1 of the map: the kept start after the run that moves overlapping labels apart. */
  stress: number;
  /** Stress of every start (SMACOF), in start order; the lowest is kept. */
  stresses: number[];
  bestStart: number;
}

/** Agreement between the learned concepts and a set of manual codes (filled by @leximap/compare). */
export interface ComparisonResult {
  /** The coding file compared with (file name only). */
  source: string;
  codes: ComparedCode[];
  /** Concept × code cells with at least one shared block (concept: learned concept index; code: index into `codes`). */
  cells: AgreementCell[];
  /** The best concept for each code (by Jaccard). */
  bestMatch: Match[];
  /** One-to-one Hungarian assignment of codes to concepts. */
  assignment: Match[];
  /** Share of manually coded blocks that fall in a matched concept's blocks, 0–1. */
  coverage: number;
  /** Cohen's kappa of document-level presence over matched pairs. */
  documentKappa: number;
  /** Theme ↔ top-level code agreement. */
  themeCells: { theme: number; code: string; both: number; jaccard: number; kappa: number }[];
  unmatchedCodes: { code: number; quotes: number[] }[];
  uncoveredConcepts: { concept: number; quotes: number[] }[];
  /** Share of segments located in the corpus, 0–1. */
  located: number;
  /** Extra diagnostics (unresolved selections, overlap threshold used …). */
  notes: string[];
}

export interface ComparedCode {
  name: string;
  /** Full path from the top-level code, e.g. `["Mentoring", "Finding a mentor"]`. */
  path: string[];
  colour?: string;
  segments: number;
  /** Blocks overlapping a segment by ≥ 1 character. */
  blocks: number;
  /** Blocks overlapping a segment by ≥ 50% of the block. */
  blocksHalf: number;
  /** The tag concept that shows this code on the map, or -1. */
  concept: number;
}

export interface AgreementCell {
  concept: number;
  code: number;
  both: number;
  jaccard: number;
  lift: number;
  kappa: number;
}

export interface Match {
  code: number;
  concept: number;
  jaccard: number;
  kappa: number;
}
