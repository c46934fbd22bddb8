/**
 * `leximap compare RESULT --codes FILE`: holds a result's concepts against manual codes
 * (.qdpx, .qdc, MAXQDA coded segments .xlsx/.csv, plain document,code,segment .csv) and writes
 * the comparison files (`comparisonFiles`: compare.json, compare.csv, summary.md, glossary.md,
 * leximap-concepts.qdpx) and result.json with the comparison in it, atomically: the same files
 * `leximap analyze --codes` writes, so the viewer shows the comparison either way.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { LeximapError, type ComparisonResult, type Document, type LeximapResult } from '@leximap/core';
import { compare, comparisonFiles, type CompareOptions, type DocumentTexts } from '@leximap/compare';
import { readCorpus, readManualCoding, serializeResult, writeOutputs, type ManualCoding } from '@leximap/io';
import { flag, text, type Values } from '../commandTable.ts';
import { openResult } from '../openResult.ts';

/** The compare options from parsed flags; a bad value is a usage error naming the option. */
export function compareOptions(values: Values): Partial<CompareOptions> {
  const out: Partial<CompareOptions> = {};
  const overlap = text(values, 'overlap');
  if (overlap !== undefined) {
    if (overlap !== 'any' && overlap !== 'half') throw new LeximapError('E_USAGE', `--overlap: got "${overlap}", expected any or half`);
    out.overlap = overlap;
  }
  const number = (name: string, ok: (x: number) => boolean, expected: string): number | undefined => {
    const given = text(values, name);
    if (given === undefined) return undefined;
    const x = Number(given);
    if (given.trim() === '' || !ok(x)) throw new LeximapError('E_USAGE', `--${name}: got "${given}", expected ${expected}`);
    return x;
  };
  const alpha = number('alpha', (x) => x > 0 && x <= 1, 'a number above 0 and at most 1');
  const minLift = number('min-lift', (x) => x >= 0 && Number.isFinite(x), 'a number ≥ 0');
  const minShare = number('min-share', (x) => x >= 0 && x <= 1, 'a number from 0 to 1');
  const rounds = number('rounds', (x) => Number.isInteger(x) && x >= 0 && x <= 100000, 'a whole number from 0 to 100000');
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

export async function runCompare(values: Values, positionals: string[]): Promise<number> {
  const codesPath = text(values, 'codes');
  if (!codesPath) throw new LeximapError('E_USAGE', 'compare needs --codes FILE (a .qdpx, .qdc, .xlsx or .csv of manual codes)');
  const options = compareOptions(values);

  const resultPath = positionals[0]!;
  const { result: stored, out: outDir } = await openResult(resultPath, text(values, 'out'), '.');
  // A result analysed with --codes already holds a comparison; this one replaces it.
  const { comparison: _previous, ...result } = stored;
  const isProject = extname(codesPath).toLowerCase() === '.qdpx';
  let documents: readonly Document[] | undefined;
  let coding: ManualCoding;
  if (isProject || extname(codesPath).toLowerCase() === '.qdc') {
    coding = await readManualCoding(codesPath);
    documents = coding.documents;
  } else {
    documents = await resultDocuments(result, resultPath);
    coding = await readManualCoding(codesPath, { documents, missingDocuments: flag(values, 'skip-missing-documents') ? 'skip' : 'error' });
  }
  documents ??= await resultDocuments(result, resultPath).catch(() => undefined);
  const texts = documentTexts(result, documents);
  const comparison = compare({ result, coding, texts }, options);
  const warning = locatedWarning(comparison, coding);
  if (warning && !flag(values, 'quiet')) process.stderr.write(warning);

  const files = comparisonFiles(result, comparison, texts, isProject ? { project: await readFile(codesPath), projectFile: basename(codesPath) } : {});
  files['result.json'] = serializeResult({ ...result, comparison });
  await writeOutputs(outDir, files);
  const exported = files['leximap-concepts.qdpx'];
  const qdpx = text(values, 'qdpx');
  if (qdpx) {
    if (!exported) throw new LeximapError('E_NOT_FOUND', 'the document texts are needed for --qdpx; keep the analysed files where they were');
    await writeOutputs(dirname(qdpx), { [basename(qdpx)]: exported });
  }
  if (flag(values, 'json')) process.stdout.write(files['compare.json'] as string);
  else if (!flag(values, 'quiet')) process.stdout.write(`${files['summary.md'] as string}\nWrote ${Object.keys(files).join(', ')} to ${outDir}\n`);
  return 0;
}

/**
 * Where a document's file is from here. The result records the path as the analysis was given it
 * (relative to the folder it ran in) and its inputs relative to the result's own folder, so a
 * compare run from another folder (the output folder, say) finds the file under the input whose
 * last folders are the path's first ones (`examples/interviews` + `/P01.txt`), or under an input
 * given as `.`. A path found nowhere is returned as it is, for the reader to name.
 */
export function locateDocument(path: string, inputs: readonly string[], resultDir: string): string {
  if (isAbsolute(path) || existsSync(path)) return path;
  const parts = path.split(/[\\/]/);
  for (const input of inputs) {
    const root = resolve(resultDir, input);
    const tail = root.split(sep);
    for (let k = Math.min(parts.length, tail.length); k >= 0; k--) {
      if (tail.slice(tail.length - k).join('/') !== parts.slice(0, k).join('/')) continue;
      const candidate = join(root, ...parts.slice(k));
      if (existsSync(candidate)) return candidate;
    }
  }
  return path;
}

/** Re-reads the analysed documents from the paths the result records (a project's sources from the project). */
async function resultDocuments(result: LeximapResult, resultPath: string): Promise<Document[]> {
  const inputs = result.inputs?.paths ?? [];
  const located = (path: string): string => locateDocument(path, inputs, dirname(resultPath));
  const paths = [...new Set(result.documents.map((doc) => doc.path?.replace(/#.*$/, '')).filter((p): p is string => Boolean(p)).map(located))];
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

