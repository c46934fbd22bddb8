/**
 * Paths → result, streaming: the files are listed, cut into shards of consecutive files, and each
 * shard is read and tokenised where it runs (a worker, or this thread with `workers: 1`), which
 * hands back only the shard's TextShard columns. This thread merges each shard in document order
 * as soon as it can (while the workers tokenise the next ones) and lets it go; it never holds
 * document text: quotes read their file again. The later kernels run through the pool's Executor,
 * so the result is the same bytes with any number of workers.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import {
  analyzeStats,
  inProcess,
  LeximapError,
  resolveOptions,
  ShardMerger,
  type AnalysisOptions,
  type DocumentMeta,
  type Executor,
  type LeximapResult,
  type PipelineInput,
  type TagSpan,
  type LanguageTextOptions,
} from '@leximap/core';
import { listSources, READERS, type ListSourcesOptions, type ReadOptions, type SourceFile } from '@leximap/io';
import { startPool, type Pool } from './pool.ts';
import { poolExecutor } from './poolExecutor.ts';
import { planShards } from './planShards.ts';
import { runTextTasks } from './runTextTasks.ts';
import { readPhraseLabels, readTextStage, textStageKey, writePhraseLabels, writeTextStage, type TextCacheOptions, type TextStage } from './textCache.ts';
import { failureError, runSpanTask, type FileFailure, type SpanTask, type SpanTaskResult, type TextTask } from './tasks.ts';

/** Where a run is: `stage` as in `timings`; for `text`, the work done so far of how much. */
export interface Progress {
  stage: string;
  /** `text`: files read and tokenised (0 in other stages). */
  done: number;
  /** `text`: files to read (0 in other stages). */
  total: number;
  /** `text`: word tokens of the files done. */
  words: number;
  /** `text`: bytes of the files done, of `totalBytes` (what an estimate of the time left goes by). */
  bytes: number;
  totalBytes: number;
}

/** Options of `analyzeFiles`: the analysis options plus how to run. */
export interface AnalyzeFilesOptions extends Partial<AnalysisOptions>, ReadOptions, Pick<ListSourcesOptions, 'exclude' | 'followSymlinks'> {
  /**
   * Worker threads; 1 runs everything in this thread with the same code, without a pool.
   * @default os.availableParallelism(), or 1 when the files total less than SMALL_CORPUS_BYTES
   */
  workers?: number;
  /** Leave out files that cannot be read or tokenised and list them in `result.skipped`, instead of failing. @default false */
  skipBadFiles?: boolean;
  /** Called as each stage starts, and after each file of the `text` stage. */
  onProgress?: (progress: Progress) => void;
  /** Spans shown as tag concepts (manual codes). @default [] */
  tagSpans?: readonly TagSpan[];
  /**
   * Reuse the text stage of an earlier run on the same file bytes and text options (textCache.ts):
   * `true` for the default place, or where and how many. @default false
   */
  cache?: boolean | TextCacheOptions;
}

/** `analyzeFiles`' answer: the result and the seconds each stage took (not part of the result: they would break byte-identical output). */
export interface AnalyzeFilesOutput {
  result: LeximapResult;
  /** Seconds per stage, in run order: `list`, `pool`, `text`, then core's stages, and `total`. */
  timings: Record<string, number>;
}

const TEXT_KEYS = ['blockSentences', 'respectParagraphs', 'mergeVariants', 'names', 'stopwords', 'keepwords', 'merges', 'excludeSpeakers', 'markup', 'lang', 'sentiment'] as const;

/**
 * Below this many bytes of files the default is one worker: each worker starts Node, loads the
 * modules and compiles wink-nlp afresh, which costs more than sharing the tokenising saves. On 2
 * cores, 2 workers were slower than 1 on 1 M words of generated interviews (6.5 MB: 5.5–5.7 s
 * against 5.0–5.7 s) and on the 24 k-word example (2.4 s against 1.9 s), and faster from about
 * 2 M words (12 MB: 4.6 s against 5.2 s, benchmarks/README.md).
 */
export const SMALL_CORPUS_BYTES = 8 * 2 ** 20;

function checkWorkers(workers: unknown): number {
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > 256) {
    throw new LeximapError('E_OPTION', `option workers: got ${JSON.stringify(workers)}, expected an integer from 1 to 256`);
  }
  return workers;
}

/** Analyses the files and folders in `paths`. */
export async function analyzeFiles(paths: readonly string[], options: AnalyzeFilesOptions = {}): Promise<AnalyzeFilesOutput> {
  const { workers: workersOption, skipBadFiles = false, onProgress, tagSpans, textColumn, sheet, exclude, followSymlinks, cache, ...analysis } = options;
  const cacheOptions: TextCacheOptions | undefined = cache === true ? {} : cache === false || cache === undefined ? undefined : cache;
  const resolved = resolveOptions(analysis);
  const chosenWorkers = workersOption === undefined ? undefined : checkWorkers(workersOption);
  const read: ReadOptions = { ...(textColumn === undefined ? {} : { textColumn }), ...(sheet === undefined ? {} : { sheet }) };
  const textOptions = Object.fromEntries(TEXT_KEYS.map((k) => [k, resolved[k]])) as LanguageTextOptions;

  const timings: Record<string, number> = {};
  const began = performance.now();
  let stageName = '';
  let stageStart = began;
  const stage = (name: string): void => {
    const now = performance.now();
    if (stageName) timings[stageName] = Math.round(now - stageStart) / 1000;
    stageName = name;
    stageStart = now;
    if (name !== 'done') onProgress?.({ stage: name, done: 0, total: 0, words: 0, bytes: 0, totalBytes: 0 });
  };

  stage('list');
  const skipped: FileFailure[] = [];
  const sources = await listSources(paths, { ...(exclude ? { exclude } : {}), ...(followSymlinks ? { followSymlinks } : {}), onSkip: (s) => skipped.push(s) });
  if (sources.length === 0) throw new LeximapError('E_EMPTY_CORPUS', `no readable file (${Object.keys(READERS).join(' ')}) in ${paths.join(', ')}`);
  const sizes = await fileSizes(sources);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const workers = chosenWorkers ?? (totalBytes < SMALL_CORPUS_BYTES ? 1 : Math.max(1, availableParallelism()));
  const shards = planShards(sizes, workers);

  let pool: Pool | undefined;
  const stopSignals = workers > 1 ? onInterrupt(() => pool?.close()) : undefined;
  try {
    let key: string | undefined;
    let text: TextStage | undefined;
    if (cacheOptions) {
      stage('cache');
      key = await textStageKey(sources, { textOptions, read, skipBadFiles });
      text = await readTextStage(key, cacheOptions);
    }
    // A cache hit runs the rest in this thread: starting the workers (each loads the modules and
    // compiles the engine afresh, ~0.6 CPU-s) costs more than they save on the stages after the
    // text, which take as long in one thread (benchmarks/README.md). The result is the same bytes.
    if (!text && workers > 1) {
      stage('pool');
      pool = await startPool(workers);
    }
    if (!text) {
      stage('text');
      text = await textStage(sources, sizes, shards, { textOptions, read, skipBadFiles, paths, pool, listSkipped: skipped.length, ...(onProgress ? { onProgress } : {}) });
      if (key) await writeTextStage(key, text, cacheOptions);
    }
    skipped.push(...text.skipped);
    const { stats, documents } = text;
    const where = Array.from(text.documentSource, (s, d) => ({ source: sources[s]!, index: text.documentIndex[d]! }));

    const readSpans = spanReader(where, read, pool);
    const executor: Executor = pool ? poolExecutor(pool) : inProcess;
    const phraseLabels = key ? await readPhraseLabels(key, cacheOptions) : undefined;
    const known = phraseLabels?.size ?? 0;
    stage('terms');
    const result = await analyzeStats({ documents, stats, readSpans, executor, onStage: stage, ...(tagSpans ? { tagSpans } : {}), ...(phraseLabels ? { phraseLabels } : {}) }, resolved);
    if (key && phraseLabels && phraseLabels.size > known) await writePhraseLabels(key, phraseLabels, cacheOptions);
    if (skipped.length > 0) result.skipped = skipped.map((f) => ({ path: f.path, reason: f.reason }));
    // Every task is done: the workers stop while the caller writes the result (waiting for them
    // made the result stage 0.03–0.05 s longer on 8.5 M words). Node waits for them before exiting.
    pool?.close().catch(() => {});
    stage('done');
    timings.total = Math.round(performance.now() - began) / 1000;
    return { result, timings };
  } catch (error) {
    await pool?.close();
    throw stopSignals?.interrupted() ? new LeximapError('E_WORKER', 'interrupted; nothing was written') : error;
  } finally {
    stopSignals?.remove();
  }
}

interface TextRun {
  textOptions: LanguageTextOptions;
  read: ReadOptions;
  skipBadFiles: boolean;
  paths: readonly string[];
  pool: Pool | undefined;
  /** Files the listing skipped (named in the empty-corpus error). */
  listSkipped: number;
  onProgress?: (progress: Progress) => void;
}

/** Reads and tokenises the files in shards (on the pool, or here) and merges them in document order. */
async function textStage(sources: readonly SourceFile[], sizes: readonly number[], shards: readonly [number, number][], run: TextRun): Promise<TextStage> {
  const { textOptions, read, skipBadFiles, paths, pool, onProgress } = run;
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const skipped: FileFailure[] = [];
  onProgress?.({ stage: 'text', done: 0, total: sources.length, words: 0, bytes: 0, totalBytes });
  const tasks: TextTask[] = shards.map(([from, to]) => ({ kind: 'text', sources: sources.slice(from, to), options: textOptions, read, skipBadFiles }));
  const merger = new ShardMerger();
  const documents: DocumentMeta[] = [];
  const where: { source: number; index: number }[] = [];
  let filesDone = 0;
  let wordsDone = 0;
  let bytesDone = 0;
  await runTextTasks(tasks, pool, (r, s) => {
    skipped.push(...r.skipped);
    for (const shard of r.shards) merger.add(shard);
    documents.push(...r.documents);
    let last = -1;
    let index = 0;
    for (const owner of r.documentSource) {
      index = owner === last ? index + 1 : 0;
      last = owner;
      where.push({ source: shards[s]![0] + owner, index });
    }
    const [from, to] = shards[s]!;
    filesDone += to - from;
    for (let f = from; f < to; f++) bytesDone += sizes[f]!;
    for (const shard of r.shards) wordsDone += shard.tokens;
    onProgress?.({ stage: 'text', done: filesDone, total: sources.length, words: wordsDone, bytes: bytesDone, totalBytes });
  }, onProgress && ((s, file, words) => {
    // In this thread a shard tokenises in one go (about 0.4 s): progress file by file within it.
    const from = shards[s]![0];
    let bytes = bytesDone;
    for (let f = from; f <= from + file; f++) bytes += sizes[f]!;
    onProgress({ stage: 'text', done: filesDone + file + 1, total: sources.length, words: wordsDone + words, bytes, totalBytes });
  }));
  if (merger.counts.paragraphs === 0) {
    const what = paths.length === 1 ? paths[0]! : `${paths.length} paths`;
    const skips = run.listSkipped + skipped.length;
    const note = skips > 0 ? ` (${skips} file${skips === 1 ? '' : 's'} skipped)` : '';
    throw new LeximapError('E_EMPTY_CORPUS', `no text to analyse in ${what}${note}; give files with text (${Object.keys(READERS).join(' ')})`);
  }
  return { stats: merger.finish(), documents, documentSource: Uint32Array.from(where, (w) => w.source), documentIndex: Uint32Array.from(where, (w) => w.index), skipped };
}

/**
 * `readSpans` for the pipeline's quotes: reads the files again (this thread keeps no text), cut
 * into runs of consecutive files, one per worker on the pool (read while a worker lays out the map;
 * twice as many runs was no faster on 8.5 M words), else one here.
 */
function spanReader(where: readonly { source: SourceFile; index: number }[], read: ReadOptions, pool: Pool | undefined): PipelineInput['readSpans'] {
  return async (spans) => {
    // Spans come in document order, so the documents of a file come together.
    const files: SpanTask['files'] = [];
    for (const span of spans) {
      const { source, index } = where[span.document]!;
      let file = files[files.length - 1];
      if (file?.source !== source) files.push((file = { source, spans: [] }));
      file.spans.push(index, span.start, span.end);
    }
    const parts = pool ? pool.threads : 1;
    const size = Math.max(1, Math.ceil(files.length / parts));
    const tasks: SpanTask[] = [];
    for (let i = 0; i < files.length; i += size) tasks.push({ kind: 'spans', files: files.slice(i, i + size), read });
    const results = await Promise.all(tasks.map((task) => (pool ? pool.run<SpanTaskResult>(task) : runSpanTask(task))));
    const texts: string[] = [];
    for (const result of results) {
      if (result.failure) throw failureError(result.failure);
      for (const text of result.texts) texts.push(text);
    }
    return texts;
  };
}

async function fileSizes(sources: readonly SourceFile[]): Promise<number[]> {
  const sizes = new Array<number>(sources.length).fill(0);
  const BATCH = 64;
  for (let i = 0; i < sources.length; i += BATCH) {
    await Promise.all(
      sources.slice(i, i + BATCH).map(async (s, k) => {
        sizes[i + k] = await stat(s.path).then(
          (st) => st.size,
          () => 0,
        );
      }),
    );
  }
  return sizes;
}

/**
 * While a pool runs, Ctrl-C (SIGINT) and SIGTERM stop its workers and then end the process as the
 * signal would have (nothing is written: outputs are written only after a run completes).
 */
function onInterrupt(stop: () => Promise<void> | undefined): { interrupted: () => boolean; remove: () => void } {
  let interrupted = false;
  const handler = (signal: NodeJS.Signals): void => {
    interrupted = true;
    remove();
    void Promise.resolve(stop())
      .catch(() => {})
      .finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
  };
  const remove = (): void => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return { interrupted: () => interrupted, remove };
}
