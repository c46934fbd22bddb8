/**
 * The tasks the pool runs, as plain functions over plain data: the worker only dispatches to
 * them, and `workers: 1` calls the very same functions in this thread.
 */
import {
  buildTextModel,
  inProcess,
  resampleFound,
  type AnalysisOptions,
  type ResampleFound,
  type TermStats,
  isLeximapError,
  LeximapError,
  layoutMap,
  layoutStart,
  learnConcepts,
  type DocumentMeta,
  type Document,
  type ErrorCode,
  type LayoutMap,
  type LayoutStartInput,
  type LearnedConcept,
  type LearningInput,
  type LearningOptions,
  documentSlicers,
  type LanguageTextOptions,
  type TextShard,
} from '@leximap/core';
// The readers alone, not the package's index: a worker then loads no writer, QDA or export code.
import type { ReaderNote, ReadOptions, SourceFile } from '@leximap/io';
import { readDocuments, readDocumentTexts } from '@leximap/io/read';

/** Errors a file may cause that `skipBadFiles` skips (as `readCorpus` does), plus a crash while reading or tokenising it (`E_WORKER`). */
export const SKIPPABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['E_BINARY', 'E_ENCODING', 'E_PARSE', 'E_UNSAFE_INPUT', 'E_WORKER']);

/** Read and tokenise a run of consecutive source files into one TextShard. */
export interface TextTask {
  kind: 'text';
  sources: SourceFile[];
  options: LanguageTextOptions;
  read: ReadOptions;
  skipBadFiles: boolean;
}

/** A file that could not be read, as it crosses threads (an Error's class and code would not). */
export interface FileFailure {
  path: string;
  code: ErrorCode;
  /** The message without the file name. */
  reason: string;
}

export interface TextTaskResult {
  /** The TextShards of the task's documents in order (one per run of documents of one language stage); empty when no file had a document. */
  shards: TextShard[];
  documents: DocumentMeta[];
  /** Index in `task.sources` of each document's file. */
  documentSource: Uint32Array;
  skipped: FileFailure[];
  /** Set when a file failed and `skipBadFiles` is off: the run must stop. */
  failure?: FileFailure;
}

export interface LearnTask {
  kind: 'learn';
  input: LearningInput;
  seeds: number[][];
  options: LearningOptions;
  frozen: boolean[];
}

/** Layout starts, several in one task: the next task reaches a worker only when this thread is free to send it. */
export interface LayoutTask {
  kind: 'layout';
  input: LayoutStartInput;
  starts: number[];
}

/** Read spans of the texts of files again (for quotes). */
export interface SpanTask {
  kind: 'spans';
  /** Per file, triples (index of the document among the file's, start, end in code points). */
  files: { source: SourceFile; spans: number[] }[];
  read: ReadOptions;
}

export interface SpanTaskResult {
  /** The text of each span, in task order. */
  texts: string[];
  failure?: FileFailure;
}

/** The whole layout of a small map, its starts and the refining of the best, in one task. */
export interface MapTask {
  kind: 'map';
  input: LayoutStartInput;
  starts: number;
}

/** One resample of the stability report, learned whole in the worker (`resampleFound`). */
export interface ResampleTask {
  kind: 'resample';
  /** Its typed arrays shared (posted without a copy). */
  stats: TermStats;
  options: AnalysisOptions;
  /** The documents this resample leaves out. */
  out: number[];
}

export type Task = TextTask | LearnTask | LayoutTask | MapTask | SpanTask | ResampleTask;

export function failureOf(error: unknown, path: string): FileFailure {
  if (isLeximapError(error)) {
    const prefix = `${error.file ?? path}: `;
    return { path, code: error.code, reason: error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message };
  }
  return { path, code: 'E_WORKER', reason: `could not be analysed (${error instanceof Error ? error.message : String(error)})` };
}

export function failureError(f: FileFailure): LeximapError {
  return new LeximapError(f.code, f.reason, { file: f.path });
}

/** Files a task reads at once: their reads overlap, within a bounded number of open files. */
const READS_AT_ONCE = 8;

/**
 * `read` of every item, READS_AT_ONCE at a time, settled in item order. With `stopAtFailure`, no
 * further item is started after one failed (the items before it are all done or under way, so the
 * first failure in item order is still found).
 */
async function readInOrder<T, R>(items: readonly T[], read: (item: T, index: number) => Promise<R>, stopAtFailure = false): Promise<PromiseSettledResult<R>[]> {
  const settled = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  let failed = false;
  const reader = async (): Promise<void> => {
    while (next < items.length && !(stopAtFailure && failed)) {
      const i = next++;
      try {
        settled[i] = { status: 'fulfilled', value: await read(items[i]!, i) };
      } catch (reason) {
        settled[i] = { status: 'rejected', reason };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, reader));
  return settled;
}

/**
 * Reads the task's files (READS_AT_ONCE at a time, taken in file order) and builds their
 * TextShard. A file that fails is reported (or skipped); when tokenising the whole shard fails,
 * files are tokenised one by one to name the culprit. `onFile` hears of each file tokenised
 * (its index in `task.sources`, and the shard's word tokens so far), in this thread only.
 */
export async function runTextTask(task: TextTask, onFile?: (file: number, words: number) => void): Promise<TextTaskResult> {
  const documents: Document[] = [];
  const owner: number[] = [];
  const skipped: FileFailure[] = [];
  const fail = (failure: FileFailure): TextTaskResult => ({ shards: [], documents: [], documentSource: new Uint32Array(0), skipped, failure });
  // Read several at once, so that the reads overlap (one after the other, each worker waited 0.5 s
  // for them on 8.5 M words; so, 0.25 s); what they gave is taken in file order. Without
  // skipBadFiles the first failure ends the task, so no file after it is started.
  const notes: ReaderNote[][] = task.sources.map(() => []);
  const read = await readInOrder(task.sources, (source, i) => readDocuments(source, task.read, notes[i]), !task.skipBadFiles);
  for (let i = 0; i < task.sources.length; i++) {
    const outcome = read[i]!;
    if (outcome.status === 'fulfilled') {
      // What a reader left out on purpose is listed with the skipped files.
      for (const note of notes[i]!) skipped.push({ path: note.path, code: 'E_PARSE', reason: note.reason });
      for (const doc of outcome.value) {
        documents.push(doc);
        owner.push(i);
      }
    } else {
      const failure = failureOf(outcome.reason, task.sources[i]!.path);
      if (!task.skipBadFiles || !SKIPPABLE.has(failure.code)) return fail(failure);
      skipped.push(failure);
    }
  }
  let shards: TextShard[];
  try {
    shards = await buildTextModel(documents, task.options, onFile && ((d, words) => onFile(owner[d]!, words)));
  } catch {
    // Find the file that breaks tokenising; then go on without it (skip) or stop.
    const bad = new Set<number>();
    for (const i of new Set(owner)) {
      try {
        await buildTextModel(documents.filter((_, d) => owner[d] === i), task.options);
      } catch (error) {
        const failure = failureOf(error, task.sources[i]!.path);
        if (!task.skipBadFiles || !SKIPPABLE.has(failure.code)) return fail(failure);
        skipped.push(failure);
        bad.add(i);
      }
    }
    const keep = documents.map((_, d) => !bad.has(owner[d]!));
    const kept = documents.filter((_, d) => keep[d]);
    const keptOwner = owner.filter((_, d) => keep[d]);
    documents.length = 0;
    documents.push(...kept);
    owner.length = 0;
    owner.push(...keptOwner);
    shards = await buildTextModel(documents, task.options);
    const order = new Map(task.sources.map((s, i) => [s.path, i] as const));
    skipped.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  }
  return {
    shards: documents.length === 0 ? [] : shards,
    documents: documents.map((d) => ({ id: d.id, name: d.name, ...(d.path === undefined ? {} : { path: d.path }), tags: d.tags, ...(d.encoding === undefined ? {} : { encoding: d.encoding }) })),
    documentSource: Uint32Array.from(owner),
    skipped,
  };
}

/**
 * Reads the task's files, READS_AT_ONCE at a time, and slices the spans out of their texts (only
 * the slices are kept). When files fail, the first of them in task order is reported.
 */
export async function runSpanTask(task: SpanTask): Promise<SpanTaskResult> {
  const read = await readInOrder(
    task.files,
    async ({ source, spans }) => {
      const documents = await readDocumentTexts(source, task.read);
      const mine: string[] = [];
      const slice = documentSlicers((d) => documents[d] ?? '');
      for (let i = 0; i < spans.length; i += 3) mine.push(slice(spans[i]!, spans[i + 1]!, spans[i + 2]!));
      return mine;
    },
    true,
  );
  const texts: string[] = [];
  for (let f = 0; f < task.files.length; f++) {
    const outcome = read[f];
    if (outcome?.status === 'rejected') return { texts: [], failure: failureOf(outcome.reason, task.files[f]!.source.path) };
    if (outcome?.status === 'fulfilled') texts.push(...outcome.value);
  }
  return { texts };
}

export function runLearnTask(task: LearnTask): LearnedConcept[] {
  return learnConcepts(task.input, task.seeds, task.options, task.frozen);
}

export function runResampleTask(task: ResampleTask): Promise<ResampleFound> {
  return resampleFound(task.stats, task.options, task.out, inProcess);
}

export function runLayoutTask(task: LayoutTask): { xy: Float64Array; stress: number }[] {
  return task.starts.map((start) => layoutStart(task.input, start));
}

export function runMapTask(task: MapTask): LayoutMap {
  return layoutMap(task.input, task.starts);
}
