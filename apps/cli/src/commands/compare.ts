/**
 * `leximap compare RESULT --codes FILE`: holds a result's concepts against manual codes
 * (.qdpx, .qdc, MAXQDA coded segments .xlsx/.csv, plain document,code,segment .csv) and writes
 * compare.json, compare.csv, summary.md and leximap-concepts.qdpx (the concepts as codes, merged
 * into a copy of the user's project when the codes came from one) atomically.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { LeximapError, type ComparisonResult, type Document, type LeximapResult } from '@leximap/core';
import { compare, exportConcepts, type DocumentTexts } from '@leximap/compare';
import { readCorpus, readManualCoding, readResult, roundNumber, toCsv, writeOutputs, type ManualCoding } from '@leximap/io';

export const COMPARE_HELP = `Usage: leximap compare RESULT --codes FILE [-o DIR] [--json] [--qdpx OUT]

Holds the concepts of RESULT (a result.json) against manual codes and writes compare.json,
compare.csv, summary.md and leximap-concepts.qdpx into DIR.

Options:
  --codes FILE               manual codes: .qdpx, .qdc, MAXQDA coded segments .xlsx/.csv,
                             or a document,code,segment .csv (code paths Parent\\Child or Parent > Child)
  -o, --out DIR              output folder (default: the folder of RESULT)
  --qdpx OUT                 also write the concepts-as-codes project to OUT
  --overlap any|half         a block carries a code when a segment overlaps it by ≥ 1 character
                             (any, default) or covers ≥ 50% of it (half)
  --min-jaccard X            Jaccard index a code's assigned concept needs to count as matched (default 0.05)
  --skip-missing-documents   report segments of documents the result lacks instead of failing
  --json                     print compare.json on stdout instead of the summary
  --quiet                    print nothing
`;

export async function runCompare(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      codes: { type: 'string' },
      out: { type: 'string', short: 'o' },
      qdpx: { type: 'string' },
      overlap: { type: 'string' },
      'min-jaccard': { type: 'string' },
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
  const overlap = values.overlap ?? 'any';
  if (overlap !== 'any' && overlap !== 'half') throw new LeximapError('E_USAGE', `--overlap: got "${overlap}", expected any or half`);
  const minJaccard = values['min-jaccard'] === undefined ? undefined : Number(values['min-jaccard']);
  if (minJaccard !== undefined && !(minJaccard >= 0 && minJaccard <= 1)) throw new LeximapError('E_USAGE', `--min-jaccard: got "${values['min-jaccard']}", expected a number from 0 to 1`);

  const resultPath = positionals[0] as string;
  const result = await readResult(resultPath);
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
  const comparison = compare(result, coding, { overlap, ...(minJaccard === undefined ? {} : { minJaccard }) });

  documents ??= await resultDocuments(result, resultPath).catch(() => undefined);
  const texts = documentTexts(result, documents);
  const files: Record<string, string | Uint8Array> = {
    'compare.json': `${JSON.stringify(comparison, (_key, value: unknown) => (typeof value === 'number' ? roundNumber(value) : value), 2)}\n`,
    'compare.csv': compareCsv(result, comparison),
  };
  const summary = compareSummary(result, comparison, texts);
  files['summary.md'] = summary;
  let exported: Uint8Array | undefined;
  if (texts.size === result.documents.length) {
    const project = isProject ? await readFile(codesPath) : undefined;
    exported = exportConcepts(result, texts, { project, projectFile: basename(codesPath) });
    files['leximap-concepts.qdpx'] = exported;
  }
  const outDir = values.out ?? dirname(resultPath);
  await writeOutputs(outDir, files);
  if (values.qdpx) {
    if (!exported) throw new LeximapError('E_NOT_FOUND', 'the document texts are needed for --qdpx; keep the analysed files where they were');
    await writeOutputs(dirname(values.qdpx), { [basename(values.qdpx)]: exported });
  }
  if (values.json) process.stdout.write(files['compare.json'] as string);
  else if (!values.quiet) process.stdout.write(`${summary}\nWrote ${Object.keys(files).join(', ')} to ${outDir}\n`);
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
function documentTexts(result: LeximapResult, documents: readonly Document[] | undefined): Map<string, { name: string; text: string }> {
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

function label(result: LeximapResult, concept: number): string {
  return result.concepts[concept]?.label ?? `#${concept}`;
}

/** One row per code: its blocks, best concept, assigned concept and whether it is matched. */
export function compareCsv(result: LeximapResult, comparison: ComparisonResult): string {
  const best = new Map(comparison.bestMatch.map((m) => [m.code, m]));
  const assigned = new Map(comparison.assignment.map((m) => [m.code, m]));
  const unmatched = new Set(comparison.unmatchedCodes.map((u) => u.code));
  const rows: (string | number | undefined)[][] = [
    ['code', 'top_level', 'segments', 'blocks', 'blocks_half', 'best_concept', 'best_jaccard', 'best_kappa', 'assigned_concept', 'assigned_jaccard', 'assigned_kappa', 'matched'],
  ];
  comparison.codes.forEach((code, index) => {
    const b = best.get(index);
    const a = assigned.get(index);
    rows.push([
      code.path.join(' > '),
      code.path[0],
      code.segments,
      code.blocks,
      code.blocksHalf,
      b ? label(result, b.concept) : undefined,
      b?.jaccard,
      b?.kappa,
      a ? label(result, a.concept) : undefined,
      a?.jaccard,
      a?.kappa,
      code.segments === 0 ? undefined : unmatched.has(index) ? 'no' : 'yes',
    ]);
  });
  return toCsv(rows);
}

/** The readable report: coverage, top matches, unmatched codes and uncovered concepts with a quote each. */
export function compareSummary(result: LeximapResult, comparison: ComparisonResult, texts: DocumentTexts): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const num = (x: number): string => x.toFixed(3);
  const quote = (block: number | undefined): string => {
    if (block === undefined) return '';
    const doc = result.documents[result.blocks.document[block] as number];
    const text = doc ? texts.get(doc.id)?.text : undefined;
    if (!doc || text === undefined) return '';
    const chars = Array.from(text).slice(result.blocks.start[block], result.blocks.end[block]).join('').replace(/\s+/g, ' ').trim();
    const short = chars.length > 220 ? `${chars.slice(0, 217)}…` : chars;
    return ` — “${short}” (${doc.name})`;
  };
  const codeName = (code: number): string => comparison.codes[code]?.path.join(' > ') ?? `#${code}`;
  const coded = comparison.codes.filter((c) => c.segments > 0).length;
  const matched = coded - comparison.unmatchedCodes.length;
  const lines: string[] = [];
  lines.push(`# leximap compare: ${comparison.source}`, '');
  lines.push(`- Segments located: ${pct(comparison.located)}`);
  lines.push(`- Codes with segments: ${coded}; matched to a concept: ${matched}`);
  lines.push(`- Coverage (manually coded blocks inside matched concepts): ${pct(comparison.coverage)}`);
  lines.push(`- Document-level presence κ over matched pairs: ${num(comparison.documentKappa)}`);
  lines.push('', '## Top matches (one-to-one assignment)', '', '| Code | Concept | Jaccard | κ |', '|---|---|---|---|');
  const top = [...comparison.assignment].sort((a, b) => b.jaccard - a.jaccard || a.code - b.code).slice(0, 15);
  for (const m of top) lines.push(`| ${escapeCell(codeName(m.code))} | ${escapeCell(label(result, m.concept))} | ${num(m.jaccard)} | ${num(m.kappa)} |`);
  if (comparison.themeCells.length > 0) {
    lines.push('', '## Themes and top-level codes (best pair per theme)', '', '| Theme | Top-level code | Jaccard | κ |', '|---|---|---|---|');
    const bestPerTheme = new Map<number, ComparisonResult['themeCells'][number]>();
    for (const cell of comparison.themeCells) {
      const seen = bestPerTheme.get(cell.theme);
      if (!seen || cell.jaccard > seen.jaccard) bestPerTheme.set(cell.theme, cell);
    }
    for (const [theme, cell] of [...bestPerTheme].sort((a, b) => a[0] - b[0])) {
      lines.push(`| ${escapeCell(result.themes[theme]?.name ?? `#${theme}`)} | ${escapeCell(cell.code)} | ${num(cell.jaccard)} | ${num(cell.kappa)} |`);
    }
  }
  lines.push('', `## Codes without an automatic counterpart (${comparison.unmatchedCodes.length})`, '');
  for (const u of comparison.unmatchedCodes.slice(0, 20)) lines.push(`- ${codeName(u.code)}${quote(u.quotes[0])}`);
  if (comparison.unmatchedCodes.length > 20) lines.push(`- … and ${comparison.unmatchedCodes.length - 20} more (compare.csv)`);
  lines.push('', `## Concepts no code covers (${comparison.uncoveredConcepts.length})`, '');
  for (const u of comparison.uncoveredConcepts.slice(0, 20)) lines.push(`- ${label(result, u.concept)}${quote(u.quotes[0])}`);
  if (comparison.notes.length > 0) {
    lines.push('', '## Notes', '');
    for (const note of comparison.notes) lines.push(`- ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
