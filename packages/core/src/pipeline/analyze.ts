/**
 * The whole analysis, one way through the stages of DESIGN.md §1–9:
 * TextModel shards → TermStats → Seeds → Thesaurus → Coding → ConceptGraph → quotes → phrase
 * labels → Themes → Layout → Result. Heavy kernels go through an `Executor`; everything else is
 * cheap and runs here.
 */
import { resolveOptions, type AnalysisOptions } from '../defaults.ts';
import type { Corpus } from '../corpus.ts';
import { LeximapError } from '../errors.ts';
import { buildGraph, type ConceptGraph } from '../map/graph.ts';
import { classicalMds, normalizeLayout, pullThemes, similarity, targetDistances } from '../map/layout.ts';
import { contextBlocks } from '../map/context.ts';
import { placeTags } from '../map/placeTags.ts';
import { rankConceptQuotes, rankPairQuotes } from '../map/quotes.ts';
import { computeThemes, placeThemes, presenceGraph } from '../map/themes.ts';
import { mergeShards, type TermStats } from '../stats/termStats.ts';
import type { Csr } from '../stats/csr.ts';
import { NLP_MODEL } from '../text/nlp.ts';
import { isTitle } from '../text/textModel.ts';
import { ENGLISH } from '../text/languages/registry.ts';
import { documentSlicers } from '../text/slice.ts';
import { attachSentiment } from '../sentiment/attachSentiment.ts';
import { buildTextModel } from '../text/languages/buildTextModel.ts';
import { corpusLanguages } from '../text/languages/corpusLanguages.ts';
import { SCHEMA_VERSION, type LeximapResult, type ResultConcept } from '../result/schema.ts';
import { inProcess, type Executor } from './executor.ts';
import { learnConceptSet, type Concept } from './learnConcepts.ts';
import { PHRASE_SAMPLE, phraseLabel, splitWords, type Words } from '../concepts/phrases.ts';
import { assessStability, stabilityRuns, type StabilityReport } from '../stability/stability.ts';

export const VERSION = '0.1.0';

/** A span of text to show as a tag concept (a manual code), in code points of a document. */
export interface TagSpan {
  label: string;
  category: string;
  /** `Document.id`. */
  document: string;
  start: number;
  end: number;
}

/** A document without its text: what the pipeline needs once the TextModel is built. */
export interface DocumentMeta {
  id: string;
  name: string;
  path?: string;
  tags: string[];
  /** The encoding the file was read in, when not UTF-8 (`Document.encoding`). */
  encoding?: string;
}

export interface PipelineInput {
  documents: readonly DocumentMeta[];
  /** The documents' TextModel shards, merged (`mergeShards`, or a `ShardMerger` fed as they are tokenised). */
  stats: TermStats;
  /**
   * The text of each span (code points `[start, end)` of a document), for quotes: asked once, for
   * every quoted block, in document order. Streaming runs read the files again.
   */
  readSpans: (spans: readonly TextSpan[]) => Promise<string[]>;
  tagSpans?: readonly TagSpan[];
  /**
   * The phrase each concept word of this text was found to come in before (null: none), from the
   * text cache; the words found now are added. A word in it needs no reading.
   */
  phraseLabels?: Map<string, string | null>;
  executor?: Executor;
  /** Called with a stage name as each stage starts (progress, timings). */
  onStage?: (stage: string) => void;
}

/** A span of a document's text, in code points. */
export interface TextSpan {
  document: number;
  start: number;
  end: number;
}

/** Analyses an in-memory corpus, in this thread. */
export async function analyze(corpus: Corpus, options: Partial<AnalysisOptions> = {}, extra: Pick<PipelineInput, 'tagSpans' | 'executor' | 'onStage'> = {}): Promise<LeximapResult> {
  const resolved = resolveOptions(options);
  extra.onStage?.('text');
  const shards = await buildTextModel(corpus.documents, resolved);
  extra.onStage?.('terms');
  const stats = mergeShards(shards);
  const readSpans = async (spans: readonly TextSpan[]): Promise<string[]> => {
    const slice = documentSlicers((d) => corpus.documents[d]!.text);
    return spans.map((s) => slice(s.document, s.start, s.end));
  };
  return analyzeStats({ ...extra, documents: corpus.documents, stats, readSpans }, resolved);
}


/** Runs every stage after merging the TextModel shards; the caller has begun the `terms` stage, in which candidates are chosen. */
export async function analyzeStats(input: PipelineInput, options: AnalysisOptions): Promise<LeximapResult> {
  const executor = input.executor ?? inProcess;
  const stage = input.onStage ?? (() => {});
  const { stats } = input;
  const languages = corpusLanguages(stats.documentLanguages);
  if (languages.mixed) input = { ...input, documents: input.documents.map((d, i) => ({ ...d, tags: [...d.tags, `lang:${stats.documentLanguages[i]!}`] })) };
  const N = stats.activeBlocks;
  if (stats.counts.tokens === 0 || N === 0) {
    throw new LeximapError('E_EMPTY_CORPUS', `no words to analyse in ${input.documents.length} document(s)${options.excludeSpeakers.length ? ' (after --exclude-speaker)' : ''}`);
  }
  const learnt = await learnConceptSet(stats, options, executor, stage);
  const { concepts, minBlocks } = learnt;
  // The text of the blocks phrase labels are looked for in, read (in streaming runs, on the pool)
  // while this thread builds the graph and chooses the quotes.
  const samples = phraseSamples(concepts, stats, learnt.termBlocks, input.phraseLabels);
  const sampleBlocks = [...new Set(samples.flatMap((s) => s.blocks))].sort((a, b) => a - b);
  const sampleTexts = input.readSpans(sampleBlocks.map((b) => ({ document: stats.blocks.doc[b]!, start: stats.blocks.start[b]!, end: stats.blocks.end[b]! })));
  sampleTexts.catch(() => {});
  const { starts: codingStarts, concepts: codingConcepts, scores: codingScores } = learnt.coding;
  const K = concepts.length;
  const nBlocks = stats.blocks.doc.length;

  stage('graph');
  const tags = buildTags(input, stats);
  const graph = buildGraph({ codingStarts, codingConcepts, concepts: K, tagBlocks: tags.map((t) => t.blocks), excluded: stats.blocks.excluded });
  const keptTags = tags.map((t, i) => ({ ...t, node: K + i })).filter((t) => graph.counts[t.node]! > 0);

  const pairs: { a: number; b: number; count: number }[] = [];
  for (let a = 0; a < K; a++) for (let b = a + 1; b < K; b++) if (graph.cooccurrence[a * K + b]! > 0) pairs.push({ a, b, count: graph.cooccurrence[a * K + b]! });

  stage('quotes');
  const conceptQuotes = rankConceptQuotes(concepts.map((c) => c.learned!), options.quotesPerConcept);
  const quotedPairs = [...pairs].sort((p, q) => q.count - p.count || p.a - q.a || p.b - q.b).slice(0, options.maxQuotedPairs);
  quotedPairs.sort((p, q) => p.a - q.a || p.b - q.b);
  const pairBlocks = rankPairQuotes({ starts: codingStarts, concepts: codingConcepts, scores: codingScores }, K, quotedPairs, options.quotesPerPair);
  const pairQuotes = quotedPairs.map((p, i) => ({ a: p.a, b: p.b, blocks: pairBlocks[i]! }));
  const quoted = new Set<number>();
  for (const q of conceptQuotes) for (const b of q) quoted.add(b);
  for (const p of pairQuotes) for (const b of p.blocks) quoted.add(b);
  const excerptBlocks = [...quoted].sort((a, b) => a - b);

  stage('phrases');
  const sampled = await sampleTexts;
  // The labels shown; the stability report still finds concepts again by their words.
  const labels = phraseLabels(concepts, stats, samples, new Map(sampleBlocks.map((b, i) => [b, sampled[i]!] as const)), input.phraseLabels);

  // Themes are communities of the graph, not of the map, so they are known before the layout,
  // which then draws each theme where its members are (`pullThemes`). They group by presence:
  // every block each concept's terms code, before evidence blocks go to one concept.
  const themeGraph = presenceGraph(learnt.presence, K, stats.blocks.excluded);
  const themeOptions = options.themes === 'auto' ? {} : { count: options.themes };
  const grouped = computeThemes(
    concepts.map((_, i) => ({ label: labels[i]!, x: 0, y: 0, connectedness: graph.connectedness[i]!, count: themeGraph.presence[i]! })),
    themeGraph,
    options.themeSize,
    themeOptions,
  );
  const grouping = new Int32Array(K);
  for (const t of grouped) for (const m of t.members) grouping[m] = t.id;

  stage('layout');
  const S = similarity(graph);
  const D = pullThemes(targetDistances(S, options.layoutMode), K, grouping);
  const mds = classicalMds(D, K);
  const layoutInput = { n: K, S, D, mds, labelLengths: labels.map((l) => l.length), seed: options.seed, iterations: options.layoutIterations, group: grouping };
  const layout = executor.layout(layoutInput, options.layoutStarts);
  // Awaited below; a read that fails first must not leave it unhandled.
  layout.catch(() => {});
  // The quotes' text and their context's, in one read, in block (so document) order, while the
  // layout runs (files are read again in streaming runs, on the pool's other threads; asked after
  // the layout, so that its tasks go first).
  const context = contextBlocks(excerptBlocks, stats.blocks.doc);
  const readBlocks = mergeAscending(excerptBlocks, context.blocks);
  const excerptTexts = input.readSpans(readBlocks.map((b) => ({ document: stats.blocks.doc[b]!, start: stats.blocks.start[b]!, end: stats.blocks.end[b]! })));
  excerptTexts.catch(() => {});

  stage('refine');
  const map = await layout;
  const xy = normalizeLayout(map.xy, K);
  const tagXY = placeTags(graph, xy, keptTags.map((t) => t.node), N);

  stage('themes');
  const themes = placeThemes(grouped, Array.from({ length: K }, (_, i) => ({ x: xy[i * 2]!, y: xy[i * 2 + 1]! })));
  const themeOf = new Int32Array(K).fill(-1);
  for (const t of themes) for (const m of t.members) themeOf[m] = t.id;

  const runs = stabilityRuns(options.stability, N, input.documents.length);
  let stability: StabilityReport | undefined;
  if (runs > 0) {
    stage('stability');
    stability = await assessStability({ stats, seeds: concepts.map((c) => [c.label, ...c.seeds.map((t) => stats.terms[t]!)]), themeOf, executor }, options, runs);
    for (const t of themes) t.stability = stability.themes[t.id]!;
  }

  stage('excerpts');
  const texts = await excerptTexts;
  const textOf = new Map(readBlocks.map((block, i) => [block, texts[i]!] as const));
  const excerpts = excerptBlocks.map((block) => ({ block, text: excerptText(textOf.get(block)!) }));
  const contextTexts = context.blocks.map((block) => flatText(textOf.get(block)!));

  stage('result');
  const maxCount = concepts[0]!.learned!.blocks.length;
  const resultConcepts: ResultConcept[] = concepts.map((c, i) => {
    const l = c.learned!;
    return {
      id: i,
      label: labels[i]!,
      kind: c.kind,
      count: l.blocks.length,
      relevance: l.blocks.length / maxCount,
      connectedness: graph.connectedness[i]!,
      x: xy[i * 2]!,
      y: xy[i * 2 + 1]!,
      theme: themeOf[i]!,
      seeds: c.seeds.map((t) => stats.terms[t]!),
      thesaurus: Array.from(l.terms, (t, k) => ({ term: stats.terms[t]!, weight: l.weights[k]!, support: l.support[k]!, seed: k < c.seeds.length })),
      quotes: conceptQuotes[i]!,
      ...(stability ? { stability: stability.concepts[i]! } : {}),
      ...(stability && !Number.isNaN(stability.conceptThemes[i]) ? { themeStability: stability.conceptThemes[i]! } : {}),
      learning: {
        iterations: l.iterations, converged: l.converged, jaccard: l.jaccard, mergedFrom: c.mergedFrom, evidenceBlocks: l.evidenceBlocks,
        contextDiscount: l.contextDiscount, contextBlocks: l.scores.reduce((n, score) => n + (score > 0 && score < options.codingThreshold - 1e-9 ? 1 : 0), 0),
        chainBlocks: l.chainBlocks, chainReach: l.chainReach,
      },
    };
  });
  keptTags.forEach((t, i) => {
    resultConcepts.push({
      id: K + i,
      label: t.label,
      kind: 'tag',
      category: t.category,
      count: graph.counts[t.node]!,
      relevance: graph.counts[t.node]! / maxCount,
      connectedness: 0,
      x: tagXY[i * 2]!,
      y: tagXY[i * 2 + 1]!,
      theme: -1,
      seeds: [],
      thesaurus: [],
      quotes: [],
      ...(t.category === 'code' ? { blocks: plainArray(t.blocks) } : {}),
    });
  });
  const co2 = { a: [] as number[], b: [] as number[], count: [] as number[] };
  for (const p of pairs) {
    co2.a.push(p.a);
    co2.b.push(p.b);
    co2.count.push(p.count);
  }
  keptTags.forEach((t, i) => {
    for (let j = 0; j < K; j++) {
      const count = graph.cooccurrence[t.node * K + j]!;
      if (count > 0) {
        co2.a.push(j);
        co2.b.push(K + i);
        co2.count.push(count);
      }
    }
  });

  const documentSpeakers = input.documents.map(() => new Set<number>());
  for (let b = 0; b < nBlocks; b++) if (stats.blocks.speaker[b]! >= 0) documentSpeakers[stats.blocks.doc[b]!]!.add(stats.blocks.speaker[b]!);
  const { concepts: requested, minBlocks: _minBlocks, stability: _stability, sentiment: _sentiment, ...rest } = options;
  const result: LeximapResult = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'leximap', version: VERSION, nlpModel: NLP_MODEL },
    parameters: {
      ...rest,
      lang: languages.lang,
      concepts: K,
      minBlocks,
      conceptsRequested: requested,
      stability: runs,
      ...(languages.languages ? { langRequested: options.lang, languages: languages.languages } : {}),
    },
    corpus: {
      documents: input.documents.length,
      paragraphs: stats.counts.paragraphs,
      sentences: stats.counts.sentences,
      blocks: nBlocks,
      tokens: stats.counts.tokens,
      terms: stats.df.reduce((n, df) => n + (df > 0 ? 1 : 0), 0),
      candidates: learnt.candidates,
    },
    speakers: stats.speakers,
    documents: input.documents.map((d, i) => ({
      id: d.id,
      name: d.name,
      ...(d.path === undefined ? {} : { path: d.path }),
      tags: d.tags,
      ...(d.encoding === undefined ? {} : { encoding: d.encoding }),
      speakers: [...documentSpeakers[i]!].sort((a, b) => a - b).map((s) => stats.speakers[s]!),
      blockStart: stats.docBlockStart[i]!,
      blockEnd: stats.docBlockStart[i + 1]!,
      length: stats.documentLengths[i]!,
      ...(languages.documentLanguages ? { lang: languages.documentLanguages[i]! } : {}),
    })),
    blocks: {
      document: plainArray(stats.blocks.doc),
      paragraph: plainArray(stats.blocks.paragraph),
      start: plainArray(stats.blocks.start),
      end: plainArray(stats.blocks.end),
      speaker: plainArray(stats.blocks.speaker),
      conceptStarts: plainArray(codingStarts),
      concepts: plainArray(codingConcepts),
      scores: plainArray(codingScores),
      excluded: plainArray(stats.blocks.excluded),
    },
    concepts: resultConcepts,
    themes,
    cooccurrence: co2,
    themeGraph,
    quotes: { pairs: pairQuotes, excerpts },
    context: { window: context.window, blocks: context.blocks, text: contextTexts },
    layout: { mode: options.layoutMode, stress: map.stress, stresses: map.stresses, bestStart: map.best },
    ...(stability ? { stability: stability.summary } : {}),
    leftOut: learnt.leftOut,
    ...(learnt.warnings.length + languages.warnings.length > 0 ? { warnings: [...languages.warnings, ...learnt.warnings] } : {}),
  };
  if (stats.blockSentiment) attachSentiment(result, stats.blockSentiment, stats.blocks.excluded, [...concepts.map((c) => c.learned!.blocks), ...keptTags.map((t) => t.blocks)]);
  return result;
}

/** The union of two ascending lists without common entries, ascending. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/** A plain array of a typed array's numbers, for JSON: a loop, 5–7× faster than `Array.from` on hundreds of thousands of blocks. */
function plainArray(typed: Uint8Array | Int32Array | Uint32Array | Float64Array): number[] {
  const out = new Array<number>(typed.length);
  for (let i = 0; i < typed.length; i++) out[i] = typed[i]!;
  return out;
}

const MAX_EXCERPT = 1000;

function flatText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * For each one-word concept, up to PHRASE_SAMPLE of the blocks that hold its word, evenly spread:
 * where `phraseLabels` looks for the phrase the word mostly comes in. English texts only for now:
 * on ParlaMint's Danish, Spanish and Hebrew samples the rule also made formulas of talk ("quiero
 * agradecer", "רוצה לברך") and Hebrew forms of address ("חבר הכנסת"), which need each language's
 * titles and formulas to rule out.
 */
function phraseSamples(concepts: readonly Concept[], stats: TermStats, termBlocks: Csr, known?: ReadonlyMap<string, string | null>): { concept: number; blocks: number[] }[] {
  if (!stats.documentLanguages.every((l) => l === ENGLISH)) return [];
  const samples: { concept: number; blocks: number[] }[] = [];
  for (let i = 0; i < concepts.length; i++) {
    const c = concepts[i]!;
    if ((c.kind !== 'word' && c.kind !== 'name') || c.seeds.length !== 1 || c.label.includes(' ')) continue;
    if (known?.has(c.label)) {
      samples.push({ concept: i, blocks: [] });
      continue;
    }
    const seed = c.seeds[0]!;
    const holding: number[] = [];
    for (let k = termBlocks.starts[seed]!; k < termBlocks.starts[seed + 1]!; k++) if (!stats.blocks.excluded[termBlocks.indices[k]!]) holding.push(termBlocks.indices[k]!);
    const n = Math.min(holding.length, PHRASE_SAMPLE);
    samples.push({ concept: i, blocks: Array.from({ length: n }, (_, k) => holding[Math.floor((k * holding.length) / n)]!) });
  }
  return samples;
}

/**
 * The concepts' labels as shown: a sampled concept is named by the phrase its word mostly comes in
 * (concepts/phrases.ts), the others keep theirs. A phrase that another concept already has as its
 * label (or took first: concepts come by decreasing count) is not used. Concepts of a seeds file
 * keep the user's labels, merged concepts their most frequent word's.
 */
function phraseLabels(
  concepts: readonly Concept[],
  stats: TermStats,
  samples: readonly { concept: number; blocks: number[] }[],
  textOf: ReadonlyMap<number, string>,
  known: Map<string, string | null> = new Map(),
): string[] {
  const labels = concepts.map((c) => c.label);
  if (samples.length === 0) return labels;
  let vocabulary: Set<string> | undefined;
  const isTerm = (w: string): boolean => {
    if (!vocabulary) {
      vocabulary = new Set<string>();
      for (let t = 0; t < stats.terms.length; t++) if (stats.df[t]! > 0) vocabulary.add(stats.terms[t]!.toLowerCase());
    }
    // A title makes no phrase: "Madam Chair", "Prime Minister" are forms of address, not concepts.
    return vocabulary.has(w) && !isTitle(w);
  };
  const words = new Map<number, Words>();
  const wordsOf = (b: number): Words => {
    let w = words.get(b);
    if (!w) words.set(b, (w = splitWords(textOf.get(b)!)));
    return w;
  };
  const taken = new Set(labels.map((l) => l.toLowerCase()));
  for (const { concept, blocks } of samples) {
    const word = labels[concept]!;
    if (!known.has(word)) known.set(word, phraseLabel(word, blocks.map(wordsOf), isTerm) ?? null);
    const phrase = known.get(word);
    if (phrase == null || taken.has(phrase.toLowerCase())) continue;
    taken.add(phrase.toLowerCase());
    labels[concept] = phrase;
  }
  return labels;
}

function excerptText(text: string): string {
  const flat = flatText(text);
  return flat.length <= MAX_EXCERPT ? flat : `${flat.slice(0, MAX_EXCERPT - 1)}…`;
}

interface Tag {
  label: string;
  category: string;
  blocks: Uint32Array;
}

const CATEGORY_ORDER = ['speaker', 'folder', 'file', 'code'];

/** Tag concepts: speakers, document tags (`category:value`) and tag spans projected onto blocks. */
function buildTags(input: PipelineInput, stats: TermStats): Tag[] {
  const lists = new Map<string, { label: string; category: string; blocks: number[] }>();
  /** The block list of a tag (made on first use); `add` appends a block unless it is the last one already. */
  const listOf = (category: string, label: string): number[] => {
    const key = `${category}\u0000${label}`;
    let entry = lists.get(key);
    if (!entry) lists.set(key, (entry = { label, category, blocks: [] }));
    return entry.blocks;
  };
  const add = (list: number[], block: number): void => {
    if (list[list.length - 1] !== block) list.push(block);
  };
  const nBlocks = stats.blocks.doc.length;
  const speakerLists: (number[] | undefined)[] = [];
  for (let b = 0; b < nBlocks; b++) {
    const s = stats.blocks.speaker[b]!;
    if (s >= 0) add((speakerLists[s] ??= listOf('speaker', stats.speakers[s]!)), b);
  }
  input.documents.forEach((doc, d) => {
    for (const tag of doc.tags) {
      const colon = tag.indexOf(':');
      const list = colon > 0 ? listOf(tag.slice(0, colon), tag.slice(colon + 1)) : listOf('tag', tag);
      for (let b = stats.docBlockStart[d]!; b < stats.docBlockStart[d + 1]!; b++) add(list, b);
    }
  });
  if (input.tagSpans?.length) {
    const docIndex = new Map(input.documents.map((d, i) => [d.id, i] as const));
    const spans = [...input.tagSpans].sort((a, b) => (docIndex.get(a.document) ?? -1) - (docIndex.get(b.document) ?? -1) || a.start - b.start);
    const perTag = new Map<string, Set<number>>();
    for (const span of spans) {
      const d = docIndex.get(span.document);
      if (d === undefined) continue;
      const key = `${span.category}\u0000${span.label}`;
      let set = perTag.get(key);
      if (!set) perTag.set(key, (set = new Set()));
      for (let b = stats.docBlockStart[d]!; b < stats.docBlockStart[d + 1]!; b++) {
        if (stats.blocks.start[b]! < span.end && span.start < stats.blocks.end[b]!) set.add(b);
      }
    }
    for (const [key, set] of perTag) {
      const [category, label] = key.split('\u0000') as [string, string];
      const list = listOf(category, label);
      for (const b of [...set].sort((x, y) => x - y)) add(list, b);
    }
  }
  const rank = (c: string): number => {
    const i = CATEGORY_ORDER.indexOf(c);
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  return [...lists.values()]
    .sort((a, b) => rank(a.category) - rank(b.category) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .map((t) => ({ label: t.label, category: t.category, blocks: Uint32Array.from(t.blocks) }));
}

