/**
 * `leximap analyze PATH... [-o DIR]`: reads the files, runs the pipeline, writes result.json,
 * concepts.csv, themes.csv (and the map files) atomically, and prints a short summary.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { basename, extname, resolve } from 'node:path';
import { LeximapError, type Document, type LeximapResult, type ResultDocument, type TagSpan } from '@leximap/core';
import { codeTags, compare } from '@leximap/compare';
import { analyzeFiles } from '@leximap/parallel';
import { readCorpus, readManualCoding, resultToConceptsCsv, resultToThemesCsv, serializeResult, writeOutputs, type ManualCoding } from '@leximap/io';
import { renderMapFiles } from '@leximap/render';
import { compareCsv, compareSummary } from './compare.ts';
import { ANALYSIS_FLAGS, analysisOptions } from '../options.ts';
import { createProgress } from '../progress.ts';
import { summarize } from '../summary.ts';

export const ANALYZE_HELP = `Usage: leximap analyze PATH... [-o DIR] [options]

Reads .txt, .md, .docx, .csv, .xlsx files and folders (folders and file names become tags),
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
  --stopwords FILE           extra stop words (one per line; -word keeps a word)
  --merge FILE               merge terms (learning = learn, learner)
  --seeds FILE               add (label: term, term), delete (-term) or freeze (=label) concepts;
                             a seed keeps a term the caps left out (the summary and result.json
                             list the most frequent such terms and why)
  --no-merge-variants        keep inflected forms apart
  --no-names                 no name detection
  --text-column NAME         CSV/XLSX column with the text
  --codes FILE               manual codes (.qdpx, .qdc, MAXQDA .xlsx/.csv) shown as tag concepts
  --workers N                worker threads (default: number of cores, 1 under 8 MB of files; 1 = in-process)
  --skip-bad-files           skip unreadable files and list them in the result
  --follow-symlinks          follow symbolic links that lead out of the given folders
  --timings                  record seconds per stage in result.json (breaks byte-identity)
  --json                     print the result summary as JSON on stdout
  --quiet                    no progress, no summary
  --progress                 show progress even when stderr is not a terminal
  --lang en                  language (only English)
`;

export async function runAnalyze(argv: string[]): Promise<number> {
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
      workers: { type: 'string' },
      'skip-bad-files': { type: 'boolean' },
      'follow-symlinks': { type: 'boolean' },
      timings: { type: 'boolean' },
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
  let result: LeximapResult;
  try {
    progress.stage('read');
    // Manual codes: a table's segments are located in the documents, so those are read here too.
    let coding: ManualCoding | undefined;
    let tagSpans: TagSpan[] | undefined;
    let documents: readonly Document[] | undefined;
    if (values.codes !== undefined) {
      const project = ['.qdpx', '.qdc'].includes(extname(values.codes).toLowerCase());
      if (!project) documents = (await readCorpus(positionals, read)).documents;
      coding = await readManualCoding(values.codes, documents ? { documents } : {});
      documents ??= coding.documents;
      tagSpans = codeTags(coding, documents ? { documents: documents as unknown as ResultDocument[] } : undefined);
    }
    const output = await analyzeFiles(positionals, {
      ...options,
      ...read,
      ...(workers === undefined ? {} : { workers }),
      ...(tagSpans ? { tagSpans } : {}),
      skipBadFiles: values['skip-bad-files'] ?? false,
      onProgress: (p) => progress.update(p),
    });
    result = output.result;
    for (const warning of result.warnings ?? []) process.stderr.write(`leximap: warning: ${warning}\n`);
    if (values.timings) result.timings = output.timings;
    if (coding) result.comparison = compare(result, coding);
    progress.stage('write');
    const title = values.title ?? positionals.map((p) => basename(resolve(p))).join(', ');
    result.title = title;
    const files: Record<string, string | Uint8Array> = {
      'result.json': serializeResult(result),
      'concepts.csv': resultToConceptsCsv(result),
      'themes.csv': resultToThemesCsv(result),
      ...renderMapFiles(result, { title }),
    };
    if (result.comparison) {
      const texts = new Map((documents ?? []).map((d) => [d.id, { name: d.name, text: d.text }]));
      files['compare.csv'] = compareCsv(result, result.comparison);
      files['summary.md'] = compareSummary(result, result.comparison, texts);
    }
    await writeOutputs(outDir, files);
    progress.done();
    if (!values.quiet && !values.json) for (const s of result.skipped ?? []) process.stderr.write(`leximap: left out ${s.path}: ${s.reason}\n`);
    if (values.json) {
      process.stdout.write(JSON.stringify({ out: outDir, files: Object.keys(files), corpus: result.corpus, concepts: result.concepts.filter((c) => c.kind !== 'tag').map((c) => ({ label: c.label, count: c.count, theme: c.theme })), themes: result.themes.map((t) => ({ name: t.name, members: t.members.length, relevance: t.relevance })), stress: result.layout.stress }) + '\n');
    } else if (!values.quiet) {
      process.stdout.write(summarize(result, outDir, Object.keys(files)) + '\n');
    }
  } finally {
    progress.done();
  }
  return 0;
}
