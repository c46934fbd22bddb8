/**
 * `leximap analyze PATH... [-o DIR]`: reads the files, runs the pipeline, writes result.json,
 * concepts.csv, themes.csv (and the map files) atomically, and prints a short summary. With
 * `--codes`, the codes become tag concepts on the map and the comparison is written as
 * `leximap compare` writes it (the same compare.json bytes).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { basename, extname, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { LeximapError, validateResult, type Document, type LeximapResult, type TagSpan } from '@leximap/core';
import { codeTags, compare, comparisonFiles } from '@leximap/compare';
import { analyzeFiles, type Progress } from '@leximap/parallel';
import { readCorpus, readManualCoding, resultToConceptsCsv, resultToThemesCsv, serializeResult, writeOutputs, type ManualCoding } from '@leximap/io';
import { renderMapFiles } from '@leximap/render';
import { COMPARE_FLAGS, compareOptions, documentTexts, locatedWarning } from './compare.ts';
import { ANALYSIS_FLAGS, analysisOptions } from '../options.ts';
import { recordInputs } from '../inputs.ts';
import { createProgress } from '../progress.ts';
import { encodingNotes, rareSpeakers, speakerWarnings, summarize } from '../summary.ts';

export const ANALYZE_HELP = `Usage: leximap analyze PATH... [-o DIR] [options]

Reads .txt, .md, .docx, .odt, .pdf, .vtt, .srt, .csv, .xlsx and .qdpx files and folders
(folders and file names become tags),
learns concepts, codes every block, lays out the map and writes result.json, concepts.csv,
themes.csv, map.svg and map.html into DIR.

Options:
  -o, --out DIR              output folder (default: leximap-out)
  --title TEXT               the corpus name, title of its maps (default: the input folder and file names)
  --seed N                   seed of the random layout starts (default 1)
  --concepts N|auto          number of learned concepts (default auto)
  --block-sentences N        sentences per block (default 2)
  --theme-size X             theme size 0–1: larger, fewer themes (default 0.33)
  --themes K|auto            a fixed number of themes (default auto: from the theme size)
  --stability N|auto         re-learn on N resamples leaving out 10 % of the documents and report
                             what holds (default auto: 10 up to 20 000 blocks; 0 = off)
  --learning-threshold X     minimum evidence weight (default 1.5)
  --coding-threshold X       score that codes a block (default 4)
  --min-blocks N             minimum blocks of a candidate term (default max(3, blocks/2000))
  --exclude-speaker NAME     keep a speaker's turns out of learning (repeatable, or a,b)
  --layout gaussian|linear   map distances from similarity: √(−ln S) or 1 − S (default gaussian)
  --stopwords FILE           extra stop words (one per line; -word keeps a word)
  --merge FILE               merge terms (learning = learn, learner)
  --seeds FILE               add (label: term, term), delete (-term) or freeze (=label) concepts;
                             a seed keeps a term the caps left out (the summary and result.json
                             list the most frequent such terms and why)
  --no-merge-variants        keep inflected forms apart
  --no-names                 no name detection
  --text-column NAME         CSV/XLSX column with the text
  --codes FILE               manual codes (.qdpx, .qdc, MAXQDA .xlsx/.csv): tag concepts on the map,
                             and the comparison files of leximap compare (see its --help for
                             --overlap, --alpha, --min-lift, --min-share, --rounds)
  --workers N                worker threads (default: number of cores, 1 under 8 MB of files; 1 = in-process)
  --skip-bad-files           skip unreadable files and list them in the result
  --follow-symlinks          follow symbolic links that lead out of the given folders
  --no-cache                 read and tokenise again instead of reusing the text stage of an earlier
                             run on the same files and text options (cache: $LEXIMAP_CACHE_DIR,
                             else $XDG_CACHE_HOME/leximap, else ~/.cache/leximap)
  --timings                  record seconds per stage in result.json (breaks byte-identity)
  --json                     print the result summary as JSON on stdout
  --quiet                    no progress, no summary
  --progress                 show progress even when stderr is not a terminal
  --sentiment                score each block's sentiment (VADER; English) per concept, theme and tag
  --lang auto|xx             language: auto (default) detects each document's; xx (ISO 639-1: en, da, es, he …) reads all as one
`;

/** `onProgress` hears the stages and the pipeline's progress (as `leximap serve` re-runs a result). */
export async function runAnalyze(argv: string[], hooks: { onProgress?: (p: Progress) => void } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...ANALYSIS_FLAGS,
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      'text-column': { type: 'string' },
      codes: { type: 'string' },
      ...COMPARE_FLAGS,
      workers: { type: 'string' },
      'skip-bad-files': { type: 'boolean' },
      'follow-symlinks': { type: 'boolean' },
      timings: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      progress: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new LeximapError('E_USAGE', 'analyze needs at least one file or folder (leximap analyze PATH... -o DIR)');
  if (values.out !== undefined && values.out.trim() === '') throw new LeximapError('E_USAGE', '-o/--out: got "", expected a folder');
  const outDir = values.out ?? 'leximap-out';
  const options = await analysisOptions(values);
  const progress = createProgress(!values.quiet && !values.json, values.progress ?? false);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  // More workers than cores only cost memory (each holds its own engine and model, ~100 MB).
  const cores = availableParallelism();
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= cores)) {
    throw new LeximapError('E_USAGE', `--workers: got "${values.workers}", expected a whole number from 1 to ${cores} (the cores of this machine)`);
  }
  // The output folder is never read as input, even when it lies inside an input folder.
  const read = { ...(values['text-column'] === undefined ? {} : { textColumn: values['text-column'] }), exclude: [outDir], ...(values['follow-symlinks'] ? { followSymlinks: true } : {}) };
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
    if (values.codes !== undefined) {
      const project = ['.qdpx', '.qdc'].includes(extname(values.codes).toLowerCase());
      documents = (await readCorpus(positionals, { ...read, skipBadFiles: values['skip-bad-files'] ?? false })).documents;
      coding = await readManualCoding(values.codes, project ? {} : { documents });
      tagSpans = codeTags(coding, { documents: documents.map((d) => ({ id: d.id, name: d.name })) as LeximapResult['documents'] });
    }
    const output = await analyzeFiles(positionals, {
      ...options,
      ...read,
      ...(workers === undefined ? {} : { workers }),
      ...(tagSpans ? { tagSpans } : {}),
      skipBadFiles: values['skip-bad-files'] ?? false,
      cache: !values['no-cache'],
      onProgress: (p) => {
        progress.update(p);
        hooks.onProgress?.(p);
      },
    });
    result = output.result;
    if (values.timings) result.timings = output.timings;
    let compared: Record<string, string | Uint8Array> = {};
    if (coding && values.codes !== undefined) {
      progress.stage('compare');
      // Compared as `leximap compare` would read it back from result.json (floats rounded), so both give the same bytes.
      const stored = validateResult(JSON.parse(serializeResult(result)));
      const texts = documentTexts(stored, documents);
      result.comparison = compare({ result: stored, coding, texts }, comparing);
      const warning = locatedWarning(result.comparison, coding);
      if (warning && !values.quiet) {
        progress.done();
        process.stderr.write(warning);
      }
      const isProject = extname(values.codes).toLowerCase() === '.qdpx';
      compared = comparisonFiles(stored, result.comparison, texts, isProject ? { project: await readFile(values.codes), projectFile: basename(values.codes) } : {});
    }
    progress.stage('write');
    const title = values.title ?? positionals.map((p) => basename(resolve(p))).join(', ');
    result.title = title;
    result.inputs = recordInputs(positionals, values, outDir);
    const files: Record<string, string | Uint8Array> = {
      'result.json': serializeResult(result),
      'concepts.csv': resultToConceptsCsv(result),
      'themes.csv': resultToThemesCsv(result),
      ...renderMapFiles(result, { title }),
      ...compared,
    };
    await writeOutputs(outDir, files);
    progress.done();
    if (!values.quiet && !values.json) for (const s of result.skipped ?? []) process.stderr.write(`leximap: left out ${s.path}: ${s.reason}\n`);
    for (const line of [...(values.quiet ? [] : encodingNotes(result)), ...speakerWarnings(result, options.excludeSpeakers ?? [])]) process.stderr.write(`leximap: ${line}\n`);
    if (!values.quiet) for (const warning of result.warnings ?? []) process.stderr.write(`leximap: warning: ${warning}\n`);
    if (values.json) {
      process.stdout.write(JSON.stringify({ out: outDir, files: Object.keys(files), corpus: result.corpus, concepts: result.concepts.filter((c) => c.kind !== 'tag').map((c) => ({ label: c.label, count: c.count, theme: c.theme })), themes: result.themes.map((t) => ({ name: t.name, members: t.members.length, relevance: t.relevance })), stress: result.layout.stress, rareSpeakers: rareSpeakers(result) }) + '\n');
    } else if (!values.quiet) {
      process.stdout.write(summarize(result, outDir, Object.keys(files)) + '\n');
    }
  } finally {
    progress.done();
  }
  return 0;
}
