/**
 * The stability report checked from outside the engine, as a user would check it: the full run of
 * `leximap analyze FOLDER`, then one run of the command on the folder less the documents of each
 * of the report's folds (`leftOut`, seed 1; the files linked into a temporary folder, sub-folders
 * kept, so folder tags stay), each compared with the full run: theme ARI over the concepts it finds
 * again (by label or seed, as the report matches them) and the Jaccard index of the concept sets.
 * The report itself re-learns from the full run's term statistics (the text is read once), so the
 * two differ only where a document left out changes what the text stage decides (names, variants).
 *
 *     pnpm build && pnpm exec tsx scripts/rerun-stability.ts FOLDER [--runs 10] [-- analyze options]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adjustedRand } from '../packages/core/src/stability/adjustedRand.ts';
import { leftOut } from '../packages/core/src/stability/resample.ts';
import type { LeximapResult } from '../packages/core/src/index.ts';

const CLI = resolve(import.meta.dirname, '../apps/cli/dist/leximap.js');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '10' } } });
const [folder, ...extra] = positionals;
if (folder === undefined) {
  process.stderr.write('usage: pnpm exec tsx scripts/rerun-stability.ts FOLDER [--runs 10] [-- analyze options]\n');
  process.exit(2);
}
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'leximap-rerun-'));

function analyze(dir: string, out: string): LeximapResult {
  execFileSync(process.execPath, ['--max-semi-space-size=64', CLI, 'analyze', dir, '-o', out, '--quiet', ...extra], { stdio: 'inherit' });
  return JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as LeximapResult;
}

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
try {
  const full = analyze(folder, join(work, 'full'));
  const concepts = full.concepts.filter((c) => c.kind !== 'tag');
  const aris: number[] = [];
  const jaccards: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = new Set(leftOut(full.documents.length, r, 1));
    const dir = join(work, `in-${r}`);
    full.documents.forEach((d, i) => {
      if (out.has(i)) return;
      const to = join(dir, d.id);
      mkdirSync(dirname(to), { recursive: true });
      symlinkSync(resolve(folder, d.id), to);
    });
    const again = analyze(dir, join(work, `out-${r}`)).concepts.filter((c) => c.kind !== 'tag');
    const themeOf = new Map<string, number>();
    for (const c of again) for (const term of [c.label, ...c.seeds]) if (!themeOf.has(term)) themeOf.set(term, c.theme);
    const a: number[] = [];
    const b: number[] = [];
    for (const c of concepts) {
      const term = [c.label, ...c.seeds].find((t) => themeOf.has(t));
      if (term === undefined) continue;
      a.push(c.theme);
      b.push(themeOf.get(term)!);
    }
    aris.push(adjustedRand(a, b));
    jaccards.push(a.length / Math.max(concepts.length, again.length, concepts.length + again.length - a.length));
    console.log(`run ${r + 1}: left out ${[...out].map((i) => full.documents[i]!.id).join(', ')}; themes ARI ${aris[r]!.toFixed(3)}, concepts Jaccard ${jaccards[r]!.toFixed(3)}`);
  }
  console.log(`re-runs: themes ARI ${mean(aris).toFixed(3)} (${Math.min(...aris).toFixed(2)}–${Math.max(...aris).toFixed(2)}), concepts Jaccard ${mean(jaccards).toFixed(3)}`);
  if (full.stability) console.log(`the report: themes ARI ${full.stability.themeAri.mean.toFixed(3)}, concepts Jaccard ${full.stability.conceptJaccard.mean.toFixed(3)} over ${full.stability.runs} resamples`);
} catch (error) {
  // The command has said what went wrong (a bad folder, a bad option): exit with its status, no stack.
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number') throw error;
  process.exitCode = status;
} finally {
  rmSync(work, { recursive: true, force: true });
}
