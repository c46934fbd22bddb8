export { DEFAULTS, DEFAULT_MARKUP, resolveOptions } from './defaults.ts';
export type { AnalysisOptions, SeedEdits } from './defaults.ts';
export { ERROR_CODES, LeximapError, isLeximapError } from './errors.ts';
export type { ErrorCode } from './errors.ts';
export type { Corpus, Document, Paragraph, Span } from './corpus.ts';
export { themeColour } from './map/colours.ts';
export { computeThemes } from './map/themes.ts';
export type { ThemeConcept } from './map/themes.ts';
export { pathway } from './map/pathway.ts';
export type { PathwayGraph } from './map/pathway.ts';
export { SCHEMA_VERSION } from './result/schema.ts';
export { validateResult } from './result/validate.ts';
export type {
  AgreementCell,
  ComparedCode,
  ComparisonResult,
  ConceptKind,
  CorpusSummary,
  Excerpt,
  LayoutSummary,
  LeximapResult,
  Match,
  PairQuotes,
  ResolvedParameters,
  ResultBlocks,
  ResultConcept,
  ResultDocument,
  ResultTheme,
  ThesaurusTerm,
} from './result/schema.ts';
