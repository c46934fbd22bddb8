/**
 * `pnpm bench:agreement`: how far the learned concepts agree with manual codes, beside chance.
 * Runs `leximap analyze --codes` as a user would (a child process of the CLI) on the PDPilot
 * interviews with their MAXQDA coded segments (interviewer Dan excluded; ../shared/data, when
 * present) and on the example interviews with their example coding, then prints every headline
 * figure of compare.json beside its chance level (the mean over the permutation rounds and the
 * 95th percentile), the matched pairs, and the seconds the run took (noisy on a shared machine;
 * printed, never checked).
 *
 *   pnpm bench:agreement              both corpora, 200 rounds
 *   pnpm bench:agreement --rounds N   another number of permutation rounds
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ComparisonResult } from '@leximap/core';

const ROOT = resolve(import.meta.dirname, '../..');
const PDPILOT = resolve(ROOT, '../shared/data/corpora/pdpilot-interviews');

interface Case {
  name: string;
  args: string[];
  available: boolean;
}

const CASES: Case[] = [
  {
    name: 'PDPilot (7 interviews, MAXQDA codes, --exclude-speaker Dan)',
    args: [join(PDPILOT, 'transcripts_txt'), '--exclude-speaker', 'Dan', '--codes', join(PDPILOT, 'coded_segments.csv')],
    available: existsSync(join(PDPILOT, 'coded_segments.csv')),
  },
  {
    name: 'examples (12 interviews, examples/coding)',
    args: [join(ROOT, 'examples/interviews'), '--exclude-speaker', 'Interviewer', '--codes', join(ROOT, 'examples/coding/coded-segments.csv')],
    available: true,
  },
];

const LABELS: Record<string, string> = {
  matches: 'matched pairs',
  coverage: 'coverage',
  kappa: 'κ over matched pairs',
  jaccard: 'Jaccard over matched pairs',
  f1: 'best-match F1',
  documentKappa: 'document κ',
};

function main(): void {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
  const rounds = values.rounds ?? '200';
  const out = mkdtempSync(join(tmpdir(), 'leximap-agreement-'));
  try {
    for (const c of CASES) {
      if (!c.available) {
        process.stdout.write(`${c.name}: skipped (data not found)\n\n`);
        continue;
      }
      const dir = join(out, String(CASES.indexOf(c)));
      const began = performance.now();
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/cli/src/main.ts'), 'analyze', ...c.args, '--rounds', rounds, '-o', dir, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      const seconds = (performance.now() - began) / 1000;
      const comparison = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as ComparisonResult;
      const codes = comparison.codes.filter((code) => code.segments > 0).length;
      process.stdout.write(`${c.name}\n  ${codes} codes with located segments (${(100 * comparison.located).toFixed(1)}% of segments located), ${codes - comparison.unmatchedCodes.length} matched; ${comparison.uncoveredConcepts.length} concepts no code covers; ${comparison.evidence?.tests ?? 0} tests; ${rounds} rounds; ${seconds.toFixed(1)} s end to end\n`);
      for (const f of comparison.figures ?? []) {
        const fmt = (x: number): string => (f.id === 'coverage' ? `${(100 * x).toFixed(1)} %` : f.id === 'matches' ? x.toFixed(f.value === x ? 0 : 1) : x.toFixed(3));
        process.stdout.write(`  ${LABELS[f.id]?.padEnd(28) ?? f.id} ${fmt(f.value).padStart(8)}   chance ${fmt(f.chance).padStart(8)}   95th percentile ${fmt(f.chanceHigh).padStart(8)}\n`);
      }
      process.stdout.write('\n');
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

main();
