/**
 * `pnpm bench`: throughput (words/s), peak RSS and speed-up over one worker of the whole pipeline
 * (files → result), each beside bare wink-nlp on the same text in the same process, alone and on
 * as many threads at once as the most workers (the machine's own bound of the speed-up).
 *
 *   pnpm bench                 generated ~8 M words, and the 1990s court transcripts (8.5 M) when present
 *   pnpm bench --full          also generated ~2 M words, and court transcripts at 15.8 and 27.3 M words;
 *                              3 repetitions
 *   pnpm bench --generated N   only a generated corpus of about N million words
 *   pnpm bench --workers 1,2   worker counts to run (default 1,2)
 *   pnpm bench --repeat R      runs per corpus and worker count, medians reported (default 1; 3 with --full)
 *   pnpm bench --languages N   only the ParlaMint samples (Danish, Spanish, Hebrew) repeated to about N
 *                              million words each, beside a generated English corpus of the same size
 *
 * Corpora are written once under the system's temporary folder (never into the repository).
 * Times are printed, never checked: the benchmark reports, CI does not gate on it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate.ts';
import { parlamintAvailable, writeParlamint } from './parlamint.ts';
import { SCOTUS_FILES, scotusAvailable, writeScotus } from './scotus.ts';

interface Corpus {
  name: string;
  folders: string[];
  words: number;
  files: number;
}

interface Run {
  workers: number;
  seconds: number;
  cpuSeconds: number;
  rssMb: number;
  /** One-minute load average before and after the run (other processes on the machine skew times). */
  load: [number, number];
  bareSeconds?: number;
  bareThreadsSeconds?: number;
  timings: Record<string, number>;
  corpus: { blocks: number; terms: number; tokens: number };
  concepts: number;
  stress: number;
}

const ROOT = join(tmpdir(), 'leximap-bench');

/** A folder prepared once, with its word count kept beside it. */
async function prepared(folder: string, make: () => Promise<{ files: number; words: number }>): Promise<{ files: number; words: number }> {
  const marker = `${folder}.json`;
  if (existsSync(marker)) return JSON.parse(await readFile(marker, 'utf8')) as { files: number; words: number };
  await rm(folder, { recursive: true, force: true });
  const made = await make();
  await writeFile(marker, JSON.stringify(made));
  return made;
}

async function generated(millions: number): Promise<Corpus> {
  const documents = Math.round((millions * 1e6) / 3000);
  const folder = join(ROOT, `generated-${documents}`);
  const { files, words } = await prepared(folder, () => writeCorpus(folder, { documents, seed: 1 }));
  return { name: `generated (seed 1, ${documents} interviews)`, folders: [folder], words, files };
}

async function parlamint(folder: string, millions: number): Promise<Corpus> {
  const out = join(ROOT, `parlamint-${folder}-${millions}M`);
  const { files, words } = await prepared(out, () => writeParlamint(folder, out, millions * 1e6));
  return { name: `parlamint ${folder}`, folders: [out], words, files };
}

async function scotus(decades: number): Promise<Corpus> {
  const folders: string[] = [];
  let words = 0;
  let files = 0;
  for (const file of SCOTUS_FILES.slice(0, decades)) {
    const folder = join(ROOT, file.replace('.jsonl.gz', ''));
    const made = await prepared(folder, () => writeScotus(file, folder));
    folders.push(folder);
    words += made.words;
    files += made.files;
  }
  const years = ['1990–1999', '1990–2009', '1990–2019', '1990–2025'][decades - 1];
  return { name: `scotus-oyez ${years}`, folders, words, files };
}

function runOnce(folders: string[], workers: number, bare: number, nodeFlags: string[], extra: string[] = []): Promise<Run> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const bareArgs = bare > 0 ? ['--bare', '--bare-threads', String(bare)] : [];
  // The young-generation size the `leximap` script sets (see YOUNG_GENERATION_MB in @leximap/parallel).
  const args = ['--expose-gc', '--max-semi-space-size=64', ...nodeFlags, '--import', tsx, resolve(import.meta.dirname, 'run.ts'), ...folders, '--workers', String(workers), ...bareArgs, ...extra];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').pop()!) as Run) : fail(new Error(`benchmark run exited with ${code}`))));
  });
}

const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The run of median time (the lower middle one of an even count). */
function medianRun(runs: readonly Run[]): Run {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[(runs.length - 1) >> 1]!;
}

/** `median×` or, over several repetitions, `median× (min–max)`. */
function ratio(xs: readonly number[]): string {
  if (xs.length === 0) return '';
  const m = `${fmt(median(xs), 2)}×`;
  return xs.length === 1 ? m : `${m} (${fmt(Math.min(...xs), 2)}–${fmt(Math.max(...xs), 2)})`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { full: { type: 'boolean' }, generated: { type: 'string' }, languages: { type: 'string' }, workers: { type: 'string' }, repeat: { type: 'string' }, prof: { type: 'boolean' } },
  });
  const workerCounts = (values.workers ?? '1,2').split(',').map(Number);
  const repeat = Number(values.repeat ?? (values.full ? 3 : 1));
  if (!workerCounts.every((w) => Number.isInteger(w) && w >= 1) || !Number.isInteger(repeat) || repeat < 1) {
    throw new Error('--workers takes worker counts like 1,2 and --repeat a whole number from 1');
  }
  const corpora: Corpus[] = [];
  if (values.languages !== undefined) {
    if (!parlamintAvailable()) throw new Error('../shared/data/corpora/parlamint not found: --languages needs it');
    const millions = Number(values.languages);
    corpora.push(await generated(millions));
    for (const folder of ['DK', 'ES', 'IL']) corpora.push(await parlamint(folder, millions));
  } else if (values.generated !== undefined) corpora.push(await generated(Number(values.generated)));
  else {
    if (values.full) corpora.push(await generated(2));
    corpora.push(await generated(8));
    if (scotusAvailable()) for (const decades of values.full ? [1, 2, 4] : [1]) corpora.push(await scotus(decades));
    else console.log('(../shared/data/corpora/scotus-oyez not found: court transcripts skipped)');
  }
  const nodeFlags = values.prof ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'profiles')}`] : [];
  const most = Math.max(...workerCounts);

  const cpu = cpus()[0];
  console.log(`machine: ${cpus().length} × ${cpu?.model.trim() ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GB RAM, Node ${process.version}, ${process.platform}; ${repeat} repetition(s)`);
  const rows: string[] = [];
  const stages: string[] = [];
  for (const corpus of corpora) {
    // Repetitions go round the worker counts, so that the runs compared are close in time.
    const runs = new Map<number, Run[]>(workerCounts.map((w) => [w, []]));
    for (let r = 0; r < repeat; r++) {
      for (const workers of workerCounts) runs.get(workers)!.push(await runOnce(corpus.folders, workers, workers === 1 && r === 0 ? most : 0, nodeFlags));
    }
    const ones = runs.get(1);
    const bare = ones?.[0];
    for (const workers of workerCounts) {
      const list = runs.get(workers)!;
      const run = medianRun(list);
      const rate = corpus.words / run.seconds;
      const bareRate = workers === 1 && bare?.bareSeconds ? corpus.words / bare.bareSeconds : undefined;
      const speedUps = ones && workers !== 1 ? list.map((w, r) => ones[r]!.seconds / w.seconds) : [];
      // The text stage alone (reading and tokenising, with the workers' start on a pool): the part that bare wink-nlp bounds.
      const textSpeedUps = ones && workers !== 1 ? list.map((w, r) => ones[r]!.timings.text! / w.timings.text!) : [];
      const ceiling = workers === most && workers > 1 && bare?.bareSeconds && bare.bareThreadsSeconds ? [bare.bareSeconds / bare.bareThreadsSeconds] : [];
      rows.push(
        `| ${corpus.name} | ${fmt(corpus.words / 1e6, 1)} M | ${workers} | ${fmt(run.seconds, 1)} s | ${fmt(rate / 1000)} k | ${fmt(Math.max(...list.map((x) => x.rssMb)))} MB | ${bareRate ? `${fmt(bareRate / 1000)} k` : ''} | ${bareRate ? `${fmt((100 * rate) / bareRate)} %` : ''} | ${ratio(speedUps)} | ${ratio(textSpeedUps)} | ${ratio(ceiling)} | ${fmt(run.cpuSeconds, 1)} s | ${fmt(run.load[0], 1)}→${fmt(run.load[1], 1)} | ${fmt(run.corpus.blocks)} / ${run.concepts} |`,
      );
      stages.push(`| ${corpus.name} | ${workers} | ${Object.entries(run.timings).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')} |`);
      console.log(rows[rows.length - 1]);
    }
  }
  console.log(`\n| corpus | words | workers | time | words/s | peak RSS | bare wink-nlp words/s | pipeline / bare | speed-up vs 1 worker | text stage speed-up | bare wink-nlp speed-up on ${most} threads | CPU time | load avg | blocks / concepts |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('\nSeconds per stage (the run of median time):\n\n| corpus | workers | stages |\n|---|---|---|');
  for (const row of stages) console.log(row);

  // DESIGN's map target: a 200-concept map lays out in under 1 s. The court transcripts have
  // that many concepts; a generated corpus has fewer (its vocabulary is smaller), and says so.
  if (values.languages !== undefined) return;
  const wide = corpora.find((c) => c.name.startsWith('scotus')) ?? corpora[corpora.length - 1]!;
  const map = await runOnce(wide.folders, 1, 0, nodeFlags, ['--concepts', '200']);
  console.log(
    `\nLayout of a large map: ${map.concepts} concepts (${wide.name}, --concepts 200, 1 worker): layout and refine stages ${fmt(map.timings.layout! + map.timings.refine!, 2)} s ` +
      `(similarity, MDS, 4 SMACOF starts, legibility run), stress ${fmt(map.stress, 3)}; whole run ${fmt(map.seconds, 1)} s`,
  );
}

await main();
