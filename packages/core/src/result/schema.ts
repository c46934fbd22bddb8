/**
 * The result contract between the engine, the CLI, the viewer, compare and render:
 * one versioned JSON document. Columns, not objects, where a row per block would be large.
 *
 * Every character offset in a result is in Unicode code points of the original text, half-open
 * `[start, end)`. Floats are rounded when written (see `serializeResult`), so the same input and
 * seed give the same bytes.
 */
import type { AnalysisOptions } from '../defaults.ts';

/**
 * 6: a concept's `themeStability`, how often it stays with the other members of its theme over
 * the stability resamples.
 * 5: a block between two mentions of a concept's seed, at most as far apart as the seed comes back
 * sooner than its rate in the document, is coded with score 0 (learning's `chainBlocks`,
 * `chainReach`); `themeGraph.presence` is without those. The comparison's chance levels rotate the
 * concepts' blocks within each document instead of shuffling them (`rotated-within-documents`), and
 * a match must share more blocks than in all but alpha of those rounds (cells' `rotated`).
 * 4: a block next to one that holds a concept's seed is coded on less evidence, by ln of the seed's
 * burstiness (learning's `contextDiscount`, `contextBlocks`); `themeGraph.presence` is without those.
 * 3: a block that lacks a concept's seeds and that several concepts code on evidence alone goes to
 * the one whose evidence scores best; themes group by `themeGraph`, the concepts' presence before
 * that choice.
 * 2: themes are communities of the co-occurrence graph (with `stability`), the stability report,
 * `leftOut`, `warnings`, learning's `evidenceBlocks`, the comparison's evidence and chance levels,
 * languages and sentiment, block context and `title`, document encodings. Older results still
 * validate: every field added since schema 1 is optional.
 */
export const SCHEMA_VERSION = 6 as const;

export type ConceptKind = 'word' | 'name' | 'user' | 'tag';

export interface ResultInputs {
  paths: string[];
  /** Flag name without `--` → its value: a string, `true`, or the list of a repeatable flag. */
  options: Record<string, string | boolean | string[]>;
}

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
  /** What themes group by (schema 3; before it, `cooccurrence`). */
  themeGraph?: ThemeGraph;
  /** Ranked quotes per concept pair (per concept they are on the concept), and their text. */
  quotes: { pairs: PairQuotes[]; excerpts: Excerpt[] };
  /**
   * The text of blocks beyond the quoted ones, so that a viewer can show a quote among the turns
   * around it: every block when the corpus is small, else the blocks near each quoted block.
   */
  context?: BlockContext;
  /** The name of the corpus, the title of its maps (`--title`; default: the input folder names). */
  title?: string;
  /**
   * How `leximap analyze` was called, so that `leximap serve` can run it again from the viewer:
   * the input paths and the analysis flags as given (`--merge`, `--codes` …; not `-o`, `--workers`
   * or the printing flags), every path relative to the folder of this result.json.
   */
  inputs?: ResultInputs;
  layout: LayoutSummary;
  /** Files left out with `--skip-bad-files`. */
  skipped?: { path: string; reason: string }[];
  /** Present when the analysis was learned again on document resamples (`--stability N`). */
  stability?: StabilitySummary;
  /** The most frequent terms that name no concept, and why (keep one with a `--seeds` line `label: term`). */
  leftOut?: LeftOutTerm[];
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
  /**
   * The encoding the file was read in, when it was not UTF-8: `windows-1252`, `ISO-8859-1` …
   * (detected) or `UTF-16LE`/`UTF-16BE`. Absent for UTF-8 and for formats with their own encoding.
   */
  encoding?: string;
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

/**
 * The learned concepts' presence: per concept, the blocks its terms code before a block that lacks
 * its seeds goes to one concept (so `presence[i] ≥ count`), and per pair (`a < b`) the blocks both
 * are present in. Themes are communities of this graph: shared evidence is what tells which
 * concepts belong together, while each block's coding says which concept it is about.
 */
export interface ThemeGraph {
  presence: number[];
  a: number[];
  b: number[];
  count: number[];
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
  /**
   * Over the stability resamples, the share of its pairs with the other members of its theme (both
   * found again) that share a theme there, 0–1: low for a concept that moves between themes.
   * Absent for a one-concept theme, or when no theme-mate was found with it.
   */
  themeStability?: number;
  /**
   * For a manual-code tag (`category: 'code'`): the blocks its segments overlap, ascending. Other
   * tags' blocks follow from `documents` (file, folder) and `blocks.speaker`.
   */
  blocks?: number[];
  /**
   * Learning diagnostics; `evidenceBlocks` = coded blocks that hold none of the seeds (what the
   * thesaurus alone added), `contextBlocks` = those of them coded below the coding threshold, next
   * to a block that holds a seed, where the threshold is `contextDiscount` lower; `chainBlocks` =
   * blocks coded (score 0) because they lie between two mentions of the seed at most `chainReach`
   * blocks apart, not counted in `evidenceBlocks` (schema 5).
   */
  learning?: { iterations: number; converged: boolean; jaccard: number; mergedFrom: string[]; evidenceBlocks?: number; contextDiscount?: number; contextBlocks?: number; chainBlocks?: number; chainReach?: number };
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

/** A frequent term that leads no concept. */
export interface LeftOutTerm {
  term: string;
  /** Blocks it occurs in. */
  blocks: number;
  /** Why: the block-share cap, merged into a concept, too close to a seed, ranked below the seeds … */
  reason: string;
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

/** Texts of blocks that are not in `quotes.excerpts`, as columns. */
export interface BlockContext {
  /**
   * Blocks kept either side of each quoted block, within its document; `-1` when the text of
   * every block is kept (`blocks` then lists every block not quoted).
   */
  window: number;
  /** Ascending block indices. */
  blocks: number[];
  /** The text of each block of `blocks`, whitespace runs with a line break made one space. */
  text: string[];
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
  /** One-to-one Hungarian assignment of codes to concepts, maximising total Jaccard: a summary, not the definition of a match. */
  assignment: Match[];
  /** Share of the manual codings (code, block) whose block carries a concept matched to that code, 0–1. */
  coverage: number;
  /** Cohen's kappa of document-level presence pooled over the matched pairs. */
  documentKappa: number;
  /** Theme ↔ top-level code agreement. */
  themeCells: ThemeCell[];
  /** Codes with located segments that no concept matches. */
  unmatchedCodes: { code: number; quotes: number[]; closest?: number }[];
  /** Learned concepts with blocks that match no code. */
  uncoveredConcepts: { concept: number; quotes: number[]; closest?: number }[];
  /** Share of segments located in the corpus, 0–1. */
  located: number;
  /** Extra diagnostics (unresolved selections, overlap threshold used …). */
  notes: string[];
  /** The rule that made a pair a match, and how many tests the correction was over. */
  evidence?: ComparisonEvidence;
  /** Every headline figure beside its chance level. */
  figures?: AgreementFigure[];
  /** How the chance levels were drawn. */
  /** `within-documents`: blocks shuffled within each document (until schema 4); `rotated-within-documents`: rotated (schema 5). */
  chance?: { rounds: number; seed: number; permutation: 'within-documents' | 'rotated-within-documents' };
  /** Text of the blocks the comparison quotes (cell quotes, unmatched codes, uncovered concepts) that `quotes.excerpts` lacks. */
  excerpts?: Excerpt[];
}

/** A pair (code × concept, or top-level code × theme) is a match when q ≤ alpha, lift ≥ minLift and both / min(a, b) ≥ minShare. */
export interface ComparisonEvidence {
  test: 'fisher-one-sided';
  correction: 'benjamini-hochberg';
  alpha: number;
  minLift: number;
  minShare: number;
  /** Which projection of the codes onto blocks was compared. */
  overlap: 'any' | 'half';
  /** Tests in the code × concept table (codes with blocks × concepts with blocks). */
  tests: number;
  /** Tests in the theme × top-level code table. */
  themeTests: number;
}

/** A headline figure, its chance level (mean over the permutation rounds) and the 95th percentile of chance. */
export interface AgreementFigure {
  id: 'coverage' | 'kappa' | 'jaccard' | 'f1' | 'documentKappa' | 'matches';
  value: number;
  chance: number;
  chanceHigh: number;
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
  /** The compared blocks of the code (by the chosen overlap, excluded blocks left out), ascending. */
  blockList?: number[];
}

export interface AgreementCell {
  concept: number;
  code: number;
  both: number;
  jaccard: number;
  lift: number;
  kappa: number;
  /** Compared blocks of the code. */
  codeBlocks?: number;
  /** Counted blocks of the concept. */
  conceptBlocks?: number;
  /** both / codeBlocks: share of the code's blocks inside the concept. */
  codeShare?: number;
  /** both / conceptBlocks: share of the concept's blocks inside the code. */
  conceptShare?: number;
  /** One-sided Fisher exact p-value of sharing at least `both` blocks. */
  p?: number;
  /** Benjamini–Hochberg q-value over the whole code × concept table. */
  q?: number;
  /**
   * Against the chance rounds (the concepts' blocks rotated within documents): (1 + rounds sharing
   * at least `both` blocks) / (1 + rounds). A match needs it ≤ alpha too (schema 5).
   */
  rotated?: number;
  /** True when the pair passes the evidence rule. */
  matched?: boolean;
  /** The concept's label or thesaurus term that the code's name contains. */
  named?: string;
  /** Shared blocks, best coded first (at most a few). */
  quotes?: number[];
}

/** A theme held against a top-level code (the union of its codes' blocks). */
export interface ThemeCell {
  theme: number;
  code: string;
  both: number;
  jaccard: number;
  kappa: number;
  /** Blocks of the top-level code. */
  codeBlocks?: number;
  /** Blocks of the theme (the union of its members'). */
  themeBlocks?: number;
  codeShare?: number;
  themeShare?: number;
  lift?: number;
  p?: number;
  /** Benjamini–Hochberg q-value over the theme × top-level code table. */
  q?: number;
  /** As `AgreementCell.rotated`, the themes' blocks rotated within documents (schema 5). */
  rotated?: number;
  matched?: boolean;
}

export interface Match {
  code: number;
  concept: number;
  jaccard: number;
  kappa: number;
}
