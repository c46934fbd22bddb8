/**
 * Every option of an analysis, its default, and its validation. Validated once, at the entry
 * (`resolveOptions`); the error names the option, the bad value and what was expected.
 */
import { LeximapError } from './errors.ts';
import { LANGUAGE_CODES } from './text/languages/registry.ts';

export interface SeedEdits {
  /** Extra concepts, each from its seed terms (`label: term, term`). */
  add: { label: string; terms: string[] }[];
  /** Terms that must not become seeds; `*` keeps every term from becoming an automatic seed, so the concepts are `add`'s alone. */
  remove: string[];
  /** Concepts (by label) whose thesaurus is fixed to their seeds. */
  freeze: string[];
}

export interface AnalysisOptions {
  /** Seed of every random draw (layout starts). @default 1 */
  seed: number;
  /** Number of learned concepts, or `auto` (grows with the square root of the candidate vocabulary, 20–100). @default 'auto' */
  concepts: 'auto' | number;
  /** Sentences per block. @default 2 */
  blockSentences: number;
  /** Blocks never cross a paragraph (speaker turns are always respected). @default true */
  respectParagraphs: boolean;
  /** Theme size σ, 0–1: sets the resolution of the theme communities, γ = 0.75 (1 − σ) / σ (larger σ, fewer and larger themes). @default 0.33 */
  themeSize: number;
  /** A fixed number of themes, or `auto` (as many as the theme size gives). @default 'auto' */
  themes: 'auto' | number;
  /** Document resamples of the stability report (0: none), or `auto` (10 up to 20 000 blocks, else none). @default 'auto' */
  stability: 'auto' | number;
  /** Minimum relevance weight (log odds) of an evidence term. @default 1.5 */
  learningThreshold: number;
  /** Score a block needs to be coded with a concept from evidence terms alone; a seed term always codes. @default 4 */
  codingThreshold: number;
  /** Minimum blocks shared by an evidence term and the concept. @default 3 */
  minSupport: number;
  /** Most thesaurus terms per concept. @default 30 */
  maxTerms: number;
  /** Most learning iterations. @default 10 */
  maxIterations: number;
  /** Learning stops when the Jaccard index of successive block sets reaches this. @default 0.99 */
  convergence: number;
  /** Concepts whose block sets overlap with a Jaccard index at least this are merged. @default 0.7 */
  mergeThreshold: number;
  /**
   * A candidate whose co-occurrence profile has more than this cosine with a chosen seed is skipped;
   * 1 skips none. In a focused study every domain term shares the contexts of the top one: at 0.5,
   * PDP, ICE and feature were no concepts of PDPilot (all "like plot"), and which of such terms
   * survived depended on their rank order, so a resample that left out one interview lost a
   * third of the concepts (concept Jaccard 0.65; 0.81 without the skip). @default 1
   */
  seedSimilarity: number;
  /** Minimum blocks a candidate term occurs in, or `auto` = max(3, blocks / 2000). @default 'auto' */
  minBlocks: 'auto' | number;
  /** Maximum share of blocks a candidate occurs in. @default 0.25 */
  maxBlockShare: number;
  /** Merge inflected forms by lemma ("courses" → "course"). @default true */
  mergeVariants: boolean;
  /** Detect names (runs of proper nouns) as case-sensitive terms. @default true */
  names: boolean;
  /** Largest share of the concepts that may be names. @default 0.2 */
  nameShare: number;
  /** Extra stop words. @default [] */
  stopwords: string[];
  /** Words removed from the stop list. @default [] */
  keepwords: string[];
  /** User merges: term → the terms folded into it. @default {} */
  merges: Record<string, string[]>;
  /** User seed edits. @default { add: [], remove: [], freeze: [] } */
  seeds: SeedEdits;
  /** Speakers whose turns are kept out of learning and coding. @default [] */
  excludeSpeakers: string[];
  /** Regular expressions (sources) of transcription markup removed from analysis. @default DEFAULT_MARKUP */
  markup: string[];
  /** Layout target distances. @default 'gaussian' */
  layoutMode: 'gaussian' | 'linear';
  /** Layout starts; the one with the lowest stress is kept. @default 4 */
  layoutStarts: number;
  /** Most SMACOF iterations per layout start (most stop earlier, converged). @default 300 */
  layoutIterations: number;
  /** Ranked quotes kept per concept. @default 5 */
  quotesPerConcept: number;
  /** Ranked quotes kept per concept pair. @default 3 */
  quotesPerPair: number;
  /** Concept pairs (by co-occurrence count) that keep quotes. @default 1000 */
  maxQuotedPairs: number;
  /**
   * Language of the text (ISO 639-1), or `auto` to detect each document's. English is read by
   * wink-nlp, the others by Intl.Segmenter with a stop list and a Snowball stemmer where there is one.
   * @default 'auto'
   */
  lang: string;
  /** Score each block's sentiment (VADER, English blocks) and summarise it per concept, theme and tag. @default false */
  sentiment: boolean;
}

/**
 * Words that open a stage direction: `(Laughter.)`, `[crosstalk]`, `(inaudible 00:12)`, `(pause)`;
 * and the same directions in the transcription conventions of the languages MAXQDA, f4 and ATLAS.ti
 * studies are most often transcribed in (German `(lacht)`, `(unv.)`, `((räuspert sich))` after
 * Dresing & Pehl and GAT 2; French `(rires)`; Spanish `(risas)`; Portuguese `(risos)`; Italian
 * `(risate)`; Dutch `(lacht)`, `(onverstaanbaar)`; Danish `(griner)`). Only words no English
 * aside opens with: Italian `ride` and Danish `latter` ("(latter half …)") are left out.
 */
const DIRECTIONS =
  'inaudible|unintelligible|indiscernible|crosstalk|cross-talk|overlapping|overtalk|pause[sd]?|long pause|laugh(?:s|ter|ing)?|chuckles?|giggles?|smiles?|' +
  'coughs?|sighs?|silence|noise|background noise|unclear|indistinct|music|applause|recess|whereupon|interruption|break|audio|static|beep|sneezes?|clears throat|' +
  'lacht|lachen|lachend|gelach|unv|unverständlich|räuspert|seufzt|hustet|stöhnt|' +
  'rires?|inaud|incompréhensible|soupire|' +
  'risas?|ríe|silencio|pausa|inaudível|inaudivel|risos|silêncio|risate|incomprensibile|silenzio|' +
  'onverstaanbaar|stilte|pauze|griner|uforståeligt';

/** Transcription markup: `{disfmarker}`, `[inaudible]`, `[00:01:23]`, `(Laughter.)` and friends. */
export const DEFAULT_MARKUP: readonly string[] = [
  String.raw`\{[a-z_ ]{1,30}\}`,
  String.raw`\[(?:${DIRECTIONS})\b[^\]\n]{0,60}\]`,
  String.raw`\((?:${DIRECTIONS})\b[^)\n]{0,160}\)`,
  String.raw`#\d{1,2}:\d{2}(?::\d{2})?(?:[.,-]\d+)?#`,
  String.raw`\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]`,
];

export const DEFAULTS: Readonly<AnalysisOptions> = Object.freeze({
  seed: 1,
  concepts: 'auto',
  blockSentences: 2,
  respectParagraphs: true,
  themeSize: 0.33,
  themes: 'auto',
  stability: 'auto',
  learningThreshold: 1.5,
  codingThreshold: 4,
  minSupport: 3,
  maxTerms: 30,
  maxIterations: 10,
  convergence: 0.99,
  mergeThreshold: 0.7,
  seedSimilarity: 1,
  minBlocks: 'auto',
  maxBlockShare: 0.25,
  mergeVariants: true,
  names: true,
  nameShare: 0.2,
  stopwords: [],
  keepwords: [],
  merges: {},
  seeds: { add: [], remove: [], freeze: [] },
  excludeSpeakers: [],
  markup: [...DEFAULT_MARKUP],
  layoutMode: 'gaussian',
  layoutStarts: 4,
  layoutIterations: 300,
  quotesPerConcept: 5,
  quotesPerPair: 3,
  maxQuotedPairs: 1000,
  lang: 'auto',
  sentiment: false,
} satisfies AnalysisOptions);

function fail(name: string, value: unknown, expected: string): never {
  throw new LeximapError('E_OPTION', `option ${name}: got ${JSON.stringify(value)}, expected ${expected}`);
}

function checkNumber(name: string, value: unknown, min: number, max: number, integer = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(name, value, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
}

/** Fills in defaults and validates every option once. */
export function resolveOptions(options: Partial<AnalysisOptions> = {}): AnalysisOptions {
  const o: AnalysisOptions = { ...DEFAULTS, ...options, seeds: { ...DEFAULTS.seeds, ...options.seeds } };
  checkNumber('seed', o.seed, 0, 2 ** 32 - 1, true);
  // One concept makes no map (nothing to lay out or relate); it failed later as a corpus too small.
  if (o.concepts !== 'auto') checkNumber('concepts', o.concepts, 2, 1000, true);
  checkNumber('blockSentences', o.blockSentences, 1, 20, true);
  checkNumber('themeSize', o.themeSize, 0, 1);
  if (o.themes !== 'auto') checkNumber('themes', o.themes, 1, 1000, true);
  if (o.stability !== 'auto') checkNumber('stability', o.stability, 0, 1000, true);
  checkNumber('learningThreshold', o.learningThreshold, 0, 20);
  checkNumber('codingThreshold', o.codingThreshold, 0, 100);
  checkNumber('minSupport', o.minSupport, 1, 1e6, true);
  checkNumber('maxTerms', o.maxTerms, 1, 1000, true);
  checkNumber('maxIterations', o.maxIterations, 1, 100, true);
  checkNumber('convergence', o.convergence, 0, 1);
  checkNumber('mergeThreshold', o.mergeThreshold, 0, 1);
  checkNumber('seedSimilarity', o.seedSimilarity, 0, 1);
  if (o.minBlocks !== 'auto') checkNumber('minBlocks', o.minBlocks, 1, 1e9, true);
  checkNumber('maxBlockShare', o.maxBlockShare, 0, 1);
  checkNumber('nameShare', o.nameShare, 0, 1);
  checkNumber('layoutStarts', o.layoutStarts, 1, 64, true);
  checkNumber('layoutIterations', o.layoutIterations, 0, 10000, true);
  checkNumber('quotesPerConcept', o.quotesPerConcept, 0, 100, true);
  checkNumber('quotesPerPair', o.quotesPerPair, 0, 100, true);
  checkNumber('maxQuotedPairs', o.maxQuotedPairs, 0, 1e6, true);
  if (o.layoutMode !== 'gaussian' && o.layoutMode !== 'linear') fail('layoutMode', o.layoutMode, "'gaussian' or 'linear'");
  if (o.lang !== 'auto' && !LANGUAGE_CODES.includes(o.lang)) fail('lang', o.lang, `'auto' or a language code (${LANGUAGE_CODES.join(' ')})`);
  for (const source of o.markup) {
    try {
      new RegExp(source, 'g');
    } catch {
      fail('markup', source, 'a valid regular expression');
    }
  }
  return o;
}
