/**
 * `leximap analyze PATH... [-o DIR]`: reads the files, runs the pipeline, writes result.json,
 * concepts.csv, themes.csv (and the map files) atomically, and prints a short summary. With
 * `--codes`, the codes become tag concepts on the map and the comparison is written as
 * `leximap compare` writes it (the same compare.json bytes).
 */
import { availableParallelism } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { LeximapError, validateResult, type Document, type LeximapResult, type TagSpan } from '@leximap/core';
import { codeTags, compare, comparisonFiles } from '@leximap/compare';
import { analyzeFiles, type Progress } from '@leximap/parallel';
import { readCorpus, readManualCoding, resultToConceptsCsv, resultToThemesCsv, serializeResult, writeOutputs, type ManualCoding } from '@leximap/io';
import { renderMapFiles } from '@leximap/render';
import { compareOptions, documentTexts, locatedWarning } from './compare.ts';
import { flag, text, type Values } from '../commandTable.ts';
import { analysisOptions } from '../options.ts';
import { recordInputs } from '../inputs.ts';
import { createProgress } from '../progress.ts';
import { encodingNotes, rareSpeakers, speakerWarnings, summarize } from '../summary.ts';

/** `leximap analyze`: its options are those of commandTable.ts; `onProgress` hears the stages and the pipeline's progress (as `leximap serve` re-runs a result). */
export async function runAnalyze(values: Values, positionals: string[], hooks: { onProgress?: (p: Progress) => void } = {}): Promise<number> {
  const outDir = text(values, 'out')!;
  const codes = text(values, 'codes');
  const textColumn = text(values, 'text-column');
  const asked = text(values, 'workers');
  const quiet = flag(values, 'quiet');
  const json = flag(values, 'json');
  const skipBadFiles = flag(values, 'skip-bad-files');
  if (outDir.trim() === '') throw new LeximapError('E_USAGE', '-o/--out: got "", expected a folder');
  const options = await analysisOptions(values);
  const progress = createProgress(!quiet && !json, flag(values, 'progress'));
  const workers = asked === undefined ? undefined : Number(asked);
  // More workers than cores only cost memory (each holds its own engine and model, ~100 MB).
  const cores = availableParallelism();
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= cores)) {
    throw new LeximapError('E_USAGE', `--workers: got "${asked}", expected a whole number from 1 to ${cores} (the cores of this machine)`);
  }
  // The output folder is never read as input, even when it lies inside an input folder.
  const read = { ...(textColumn === undefined ? {} : { textColumn }), exclude: [outDir], ...(flag(values, 'follow-symlinks') ? { followSymlinks: true } : {}) };
  const comparing = compareOptions(values);
  let result: LeximapResult;
  try {
    progress.stage('read');
    // Manual codes: the documents are read here too, so that segments are located in them and
    // the code tags carry the document ids the pipeline gives (a project's sources are
    // `P.qdpx#source.txt` in the corpus, `source.txt` in the project's own coding).
    let coding: ManualCoding | undefined;
    let tagSpans: TagSpan[] | undefined;
    let documents: readonly Document[] | undefined;
    if (codes !== undefined) {
      const project = ['.qdpx', '.qdc'].includes(extname(codes).toLowerCase());
      documents = (await readCorpus(positionals, { ...read, skipBadFiles })).documents;
      coding = await readManualCoding(codes, project ? {} : { documents });
      tagSpans = codeTags(coding, { documents: documents.map((d) => ({ id: d.id, name: d.name })) as LeximapResult['documents'] });
    }
    const output = await analyzeFiles(positionals, {
      ...options,
      ...read,
      ...(workers === undefined ? {} : { workers }),
      ...(tagSpans ? { tagSpans } : {}),
      skipBadFiles,
      cache: !flag(values, 'no-cache'),
      onProgress: (p) => {
        progress.update(p);
        hooks.onProgress?.(p);
      },
    });
    result = output.result;
    if (flag(values, 'timings')) result.timings = output.timings;
    let compared: Record<string, string | Uint8Array> = {};
    if (coding && codes !== undefined) {
      progress.stage('compare');
      // Compared as `leximap compare` would read it back from result.json (floats rounded), so both give the same bytes.
      const stored = validateResult(JSON.parse(serializeResult(result)));
      const texts = documentTexts(stored, documents);
      result.comparison = compare({ result: stored, coding, texts }, comparing);
      const warning = locatedWarning(result.comparison, coding);
      if (warning && !quiet) {
        progress.done();
        process.stderr.write(warning);
      }
      const isProject = extname(codes).toLowerCase() === '.qdpx';
      compared = comparisonFiles(stored, result.comparison, texts, isProject ? { project: await readFile(codes), projectFile: basename(codes) } : {});
    }
    progress.stage('write');
    const title = text(values, 'title') ?? positionals.map((p) => basename(resolve(p))).join(', ');
    result.title = title;
    result.inputs = recordInputs(positionals, values, outDir);
    const resultJson = serializeResult(result);
    const files: Record<string, string | Uint8Array> = {
      'result.json': resultJson,
      'concepts.csv': resultToConceptsCsv(result),
      'themes.csv': resultToThemesCsv(result),
      // map.html holds result.json's own bytes, so it is what `leximap render --format html` makes of result.json.
      ...renderMapFiles(result, { title, json: resultJson }),
      ...compared,
    };
    await writeOutputs(outDir, files, { replace: true });
    progress.done();
    if (!quiet && !json) for (const s of result.skipped ?? []) process.stderr.write(`leximap: left out ${s.path}: ${s.reason}\n`);
    for (const line of [...(quiet ? [] : encodingNotes(result)), ...speakerWarnings(result, options.excludeSpeakers ?? [])]) process.stderr.write(`leximap: ${line}\n`);
    if (!quiet) for (const warning of result.warnings ?? []) process.stderr.write(`leximap: warning: ${warning}\n`);
    if (json) {
      process.stdout.write(JSON.stringify({ out: outDir, files: Object.keys(files), corpus: result.corpus, concepts: result.concepts.filter((c) => c.kind !== 'tag').map((c) => ({ label: c.label, count: c.count, theme: c.theme })), themes: result.themes.map((t) => ({ name: t.name, members: t.members.length, relevance: t.relevance })), stress: result.layout.stress, rareSpeakers: rareSpeakers(result) }) + '\n');
    } else if (!quiet) {
      process.stdout.write(summarize(result, outDir, Object.keys(files)) + '\n');
    }
  } finally {
    progress.done();
  }
  return 0;
}
