/**
 * Paths → Corpus: `listSources`, then `readDocuments` on each source, documents kept in source
 * order (files are read a few at a time; the order never depends on which finishes first).
 */
import { LeximapError, isLeximapError } from '@leximap/core';
import type { Corpus, Document, ErrorCode } from '@leximap/core';
import { listSources } from './listSources.ts';
import type { ListSourcesOptions } from './listSources.ts';
import { readDocuments } from './readDocuments.ts';
import type { ReaderNote } from './Reader.ts';
import { READERS } from './readers.ts';
import type { ReadOptions } from './ReadOptions.ts';
import type { SourceFile } from './SourceFile.ts';

/** Options of `readCorpus`. */
export interface ReadCorpusOptions extends ListSourcesOptions, ReadOptions {
  /** Leave out files that cannot be read as text (binary, bad encoding, broken) instead of failing. @default false */
  skipBadFiles?: boolean;
  /** Files read at the same time. @default 8 */
  concurrency?: number;
}

/** A file left out with `skipBadFiles`, or on purpose (a link out of the inputs, leximap's own output). */
export interface SkippedFile {
  path: string;
  /** The error's message. */
  reason: string;
  code: ErrorCode;
}

/** `readCorpus` with the sources it read and the files it skipped. */
export interface CorpusDetails {
  corpus: Corpus;
  sources: SourceFile[];
  skipped: SkippedFile[];
}

const SKIPPABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['E_BINARY', 'E_ENCODING', 'E_PARSE', 'E_UNSAFE_INPUT']);

/** Reads every file under `paths` into a corpus, with the list of sources and skipped files. */
export async function readCorpusDetailed(paths: readonly string[], options: ReadCorpusOptions = {}): Promise<CorpusDetails> {
  const skipped: SkippedFile[] = [];
  const sources = await listSources(paths, { ...options, onSkip: (s) => skipped.push(s) });
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new LeximapError('E_OPTION', `option concurrency: got ${JSON.stringify(concurrency)}, expected an integer of at least 1`);
  }
  const results: (Document[] | SkippedFile)[] = new Array(sources.length);
  const notes: ReaderNote[][] = sources.map(() => []);
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < sources.length) {
      const i = next++;
      const source = sources[i]!;
      try {
        results[i] = await readDocuments(source, options, notes[i]);
      } catch (error) {
        if (options.skipBadFiles && isLeximapError(error) && SKIPPABLE.has(error.code)) {
          results[i] = { path: source.path, reason: error.message, code: error.code };
        } else {
          throw error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sources.length) }, work));

  const documents: Document[] = [];
  results.forEach((result, i) => {
    if (Array.isArray(result)) documents.push(...result);
    else skipped.push(result);
    for (const note of notes[i]!) skipped.push({ path: note.path, reason: note.reason, code: 'E_PARSE' });
  });
  if (!documents.some((d) => d.paragraphs.length > 0)) {
    const what = paths.length === 1 ? paths[0]! : `${paths.length} paths`;
    const note = skipped.length > 0 ? ` (${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped)` : '';
    throw new LeximapError('E_EMPTY_CORPUS', `no text to analyse in ${what}${note}; give files with text (${Object.keys(READERS).join(' ')})`);
  }
  return { corpus: { documents }, sources, skipped };
}

/** Reads every file under `paths` into a corpus, in source order. */
export async function readCorpus(paths: readonly string[], options: ReadCorpusOptions = {}): Promise<Corpus> {
  return (await readCorpusDetailed(paths, options)).corpus;
}
