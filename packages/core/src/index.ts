export { DEFAULTS, DEFAULT_MARKUP, resolveOptions } from './defaults.ts';
export type { AnalysisOptions, SeedEdits } from './defaults.ts';
export { ERROR_CODES, LeximapError, isLeximapError } from './errors.ts';
export type { ErrorCode } from './errors.ts';
export type { Corpus, Document, Paragraph, Span } from './corpus.ts';
export { themeColour } from './map/colours.ts';
export { computeThemes, regroupThemes } from './map/themes.ts';
export type { ThemeConcept, ThemeEdges, ThemeOptions } from './map/themes.ts';
export { conceptPathway, pathway } from './map/pathway.ts';
export { placeTags } from './map/placeTags.ts';
export { relayout } from './map/relayout.ts';
export type { PathwayGraph } from './map/pathway.ts';
export { SCHEMA_VERSION } from './result/schema.ts';
export { validateResult } from './result/validate.ts';
export type {
  AgreementCell,
  AgreementFigure,
  ComparedCode,
  ComparisonEvidence,
  ComparisonResult,
  ConceptKind,
  CorpusSummary,
  Excerpt,
  LayoutSummary,
  LeftOutTerm,
  LeximapResult,
  ResultInputs,
  Match,
  PairQuotes,
  ResolvedParameters,
  ResultBlocks,
  ResultConcept,
  ResultDocument,
  ResultTheme,
  ThemeGraph,
  SentimentSummary,
  Spread,
  StabilitySummary,
  ThemeCell,
  ThesaurusTerm,
} from './result/schema.ts';
export { analyze, analyzeStats, VERSION } from './pipeline/analyze.ts';
export { COMPILED } from './compiled.ts';
export type { DocumentMeta, PipelineInput, TagSpan, TextSpan } from './pipeline/analyze.ts';
export { inProcess } from './pipeline/executor.ts';
export { STOP_LIST_REASON } from './pipeline/learnConcepts.ts';
export type { Executor } from './pipeline/executor.ts';
export { buildTextShard, isTitle, NAME, NONE, WORD } from './text/textModel.ts';
export { TRANSCRIPT_FILLERS } from './text/stopwords.ts';
export type { TextOptions, TextShard } from './text/textModel.ts';
export { buildTextModel, documentLanguages } from './text/languages/buildTextModel.ts';
export type { LanguageTextOptions } from './text/languages/buildTextModel.ts';
export { buildSegmenterShard } from './text/languages/segmenterShard.ts';
export { detectLanguage, loadLanguageDetector, plainlyEnglish } from './text/languages/detectLanguage.ts';
export type { DetectedLanguage } from './text/languages/detectLanguage.ts';
export { ENGLISH, hasStopList, LANGUAGE_CODES, languageProfile } from './text/languages/registry.ts';
export type { LanguageProfile } from './text/languages/registry.ts';
export { loadLanguageTools, publishedStopWords } from './text/languages/languageTools.ts';
export { loadSnowball } from './text/languages/snowball.ts';
export { loadNlp } from './text/nlp.ts';
export { blockSentiment, loadSentiment, SENTIMENT_LANGUAGES, vaderScore } from './sentiment/blockSentiment.ts';
export { NEGATIVE, POSITIVE, summarizeSentiment } from './sentiment/summarizeSentiment.ts';
export { codePointSlicer, documentSlicers, sliceCodePoints } from './text/slice.ts';
export { findLongTokens, isWhiteSpace, maskLongTokens, MAX_TOKEN_LENGTH } from './text/longTokens.ts';
export { familyKey, mergeShards, ShardMerger, variantKey } from './stats/termStats.ts';
export type { BlockColumns, TermStats } from './stats/termStats.ts';
export { selectColumns, transpose } from './stats/csr.ts';
export type { Csr, WeightedCsr } from './stats/csr.ts';
export { cooccurrence, symmetrize } from './stats/cooccurrence.ts';
export { conceptCount, selectSeeds } from './concepts/seeds.ts';
export { evidenceWeight, learnConcepts, relevanceWeight } from './concepts/thesaurus.ts';
export type { LearnedConcept, LearningInput, LearningOptions } from './concepts/thesaurus.ts';
export { buildGraph, likelihood, prominence } from './map/graph.ts';
export type { ConceptGraph, GraphInput } from './map/graph.ts';
export { classicalMds, finishLayout, layoutMap, layoutStart, normalizeLayout, refineLayout, separateThemes, similarity, smacof, stress, targetDistances } from './map/layout.ts';
export type { LayoutMap, LayoutStartInput } from './map/layout.ts';
export { rankConceptQuotes, rankPairQuotes, rankQuotes } from './map/quotes.ts';
export type { Coding } from './map/quotes.ts';
export { deriveSeed, lcg } from './random.ts';
export { FRAGILE_BELOW, isFragile, stabilityLine } from './stability/display.ts';
export { resampleFound } from './stability/stability.ts';
export type { ResampleFound } from './stability/stability.ts';
