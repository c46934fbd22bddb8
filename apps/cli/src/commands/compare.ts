/**
 * `leximap compare RESULT --codes FILE`: holds a result's concepts against manual codes
 * (.qdpx, .qdc, MAXQDA coded segments .xlsx/.csv, plain document,code,segment .csv) and writes
 * the comparison files (`comparisonFiles`: compare.json, compare.csv, summary.md, glossary.md,
 * leximap-concepts.qdpx) and result.json with the comparison in it, atomically: the same files
 * `leximap analyze --codes` writes, so the viewer shows the comparison either way.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { LeximapError, type ComparisonResult, type Document, type LeximapResult } from '@leximap/core';
import { compare, comparisonFiles, type CompareOptions, type DocumentTexts } from '@leximap/compare';
import { readCorpus, readManualCoding, readResult, serializeResult, writeOutputs, type ManualCoding } from '@leximap/io';

export const COMPARE_HELP = `Usage: leximap compare RESULT --codes FILE [-o DIR] [--json] [--qdpx OUT]

Holds the concepts of RESULT (a result.json) against manual codes and writes compare.json,
compare.csv, summary.md, glossary.md, leximap-concepts.qdpx and result.json (with the
comparison, for the viewer) into DIR.

Options:
  --codes FILE               manual codes: .qdpx, .qdc, MAXQDA coded segments .xlsx/.csv,
                             or a document,code,segment .csv (code paths Parent\\Child or Parent > Child)
  -o, --out DIR              output folder (default: the folder of RESULT)
  --qdpx OUT                 also write the concepts-as-codes project to OUT
  --overlap any|half         a block carries a code when a segment overlaps it by ≥ 1 character
                             (any, default) or covers ≥ 50% of it (half)
  --alpha X                  largest Benjamini–Hochberg q-value of a match (default 0.05)
  --min-lift X               smallest lift of a match (default 2)
  --min-share X              smallest share of the smaller side's blocks a match shares (default 0.2)
  --rounds N                 permutation rounds of the chance levels (default 200; 0 = none)
  --skip-missing-documents   report segments of documents the result lacks instead of failing
  --json                     print compare.json on stdout instead of the summary
  --quiet                    print nothing
`;

/** The compare options shared by `compare` and `analyze --codes`. */
export const COMPARE_FLAGS = {
  overlap: { type: 'string' },
  alpha: { type: 'string' },
  'min-lift': { type: 'string' },
  'min-share': { type: 'string' },
  rounds: { type: 'string' },
} as const;

/** The compare options from parsed flags; a bad value is a usage error naming the option. */
export function compareOptions(values: { overlap?: string; alpha?: string; 'min-lift'?: string; 'min-share'?: string; rounds?: string }): Partial<CompareOptions> {
  const out: Partial<CompareOptions> = {};
  if (values.overlap !== undefined) {
    if (values.overlap !== 'any' && values.overlap !== 'half') throw new LeximapError('E_USAGE', `--overlap: got "${values.overlap}", expected any or half`);
    out.overlap = values.overlap;
  }
  const number = (flag: string, text: string | undefined, ok: (x: number) => boolean, expected: string): number | undefined => {
    if (text === undefined) return undefined;
    const x = Number(text);
    if (text.trim() === '' || !ok(x)) throw new LeximapError('E_USAGE', `--${flag}: got "${text}", expected ${expected}`);
    return x;
  };
  const alpha = number('alpha', values.alpha, (x) => x > 0 && x <= 1, 'a number above 0 and at most 1');
  const minLift = number('min-lift', values['min-lift'], (x) => x >= 0 && Number.isFinite(x), 'a number ≥ 0');
  const minShare = number('min-share', values['min-share'], (x) => x >= 0 && x <= 1, 'a number from 0 to 1');
  const rounds = number('rounds', values.rounds, (x) => Number.isInteger(x) && x >= 0 && x <= 100000, 'a whole number from 0 to 100000');
  if (alpha !== undefined) out.alpha = alpha;
  if (minLift !== undefined) out.minLift = minLift;
  if (minShare !== undefined) out.minShare = minShare;
  if (rounds !== undefined) out.rounds = rounds;
  return out;
}

/** Below this share of segments located, the terminal is warned: the figures then describe part of the coding only. */
export const LOCATED_WARNING = 0.9;

/** A warning line for stderr when fewer than 90 % of the segments were located, with the reasons; undefined otherwise. */
export function locatedWarning(comparison: ComparisonResult, coding: ManualCoding): string | undefined {
  if (comparison.located >= LOCATED_WARNING) return undefined;
  const total = coding.segments.length + coding.unresolved.length;
  const located = Math.round(comparison.located * total);
  const reasons = comparison.notes.filter((n) => /could not be located|documents the result does not have/.test(n));
  return `leximap: warning: only ${located} of ${total} coded segments (${(100 * comparison.located).toFixed(1)}%) were located in the analysed documents, so the comparison covers part of the coding only${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}\n`;
}

export async function runCompare(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      codes: { type: 'string' },
      out: { type: 'string', short: 'o' },
      qdpx: { type: 'string' },
      ...COMPARE_FLAGS,
      'skip-missing-documents': { type: 'boolean' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(COMPARE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new LeximapError('E_USAGE', `compare takes one result.json, got ${positionals.length}; see leximap compare --help`);
  if (!values.codes) throw new LeximapError('E_USAGE', 'compare needs --codes FILE (a .qdpx, .qdc, .xlsx or .csv of manual codes)');
  const options = compareOptions(values);

  const resultPath = positionals[0] as string;
  const stored = await readResult(resultPath);
  // A result analysed with --codes already holds a comparison; this one replaces it.
  const { comparison: _previous, ...result } = stored;
  const codesPath = values.codes;
  const isProject = extname(codesPath).toLowerCase() === '.qdpx';
  let documents: readonly Document[] | undefined;
  let coding: ManualCoding;
  if (isProject || extname(codesPath).toLowerCase() === '.qdc') {
    coding = await readManualCoding(codesPath);
    documents = coding.documents;
  } else {
    documents = await resultDocuments(result, resultPath);
    coding = await readManualCoding(codesPath, { documents, missingDocuments: values['skip-missing-documents'] ? 'skip' : 'error' });
  }
  documents ??= await resultDocuments(result, resultPath).catch(() => undefined);
  const texts = documentTexts(result, documents);
  const comparison = compare({ result, coding, texts }, options);
  const warning = locatedWarning(comparison, coding);
  if (warning && !values.quiet) process.stderr.write(warning);

  const files = comparisonFiles(result, comparison, texts, isProject ? { project: await readFile(codesPath), projectFile: basename(codesPath) } : {});
  files['result.json'] = serializeResult({ ...result, comparison });
  const outDir = values.out ?? dirname(resultPath);
  await writeOutputs(outDir, files);
  const exported = files['leximap-concepts.qdpx'];
  if (values.qdpx) {
    if (!exported) throw new LeximapError('E_NOT_FOUND', 'the document texts are needed for --qdpx; keep the analysed files where they were');
    await writeOutputs(dirname(values.qdpx), { [basename(values.qdpx)]: exported });
  }
  if (values.json) process.stdout.write(files['compare.json'] as string);
  else if (!values.quiet) process.stdout.write(`${files['summary.md'] as string}\nWrote ${Object.keys(files).join(', ')} to ${outDir}\n`);
  return 0;
}

/** Re-reads the analysed documents from the paths the result records (a project's sources from the project). */
async function resultDocuments(result: LeximapResult, resultPath: string): Promise<Document[]> {
  const paths = [...new Set(result.documents.map((doc) => doc.path?.replace(/#.*$/, '')).filter((p): p is string => Boolean(p)))];
  if (paths.length === 0) {
    throw new LeximapError('E_NOT_FOUND', 'records no document paths, so coded segments cannot be located; analyse the transcripts again with leximap analyze', { file: resultPath });
  }
  const corpus = await readCorpus(paths);
  return corpus.documents;
}

/** Document texts keyed by the result's document ids (matched by id, then name). */
export function documentTexts(result: LeximapResult, documents: readonly Document[] | undefined): Map<string, { name: string; text: string }> {
  const texts = new Map<string, { name: string; text: string }>();
  if (!documents) return texts;
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const byName = new Map(documents.map((doc) => [doc.name.toLowerCase(), doc]));
  for (const doc of result.documents) {
    const found = byId.get(doc.id) ?? byName.get(doc.name.toLowerCase());
    if (found && [...found.text].length === doc.length) texts.set(doc.id, { name: doc.name, text: found.text });
  }
  return texts;
}

