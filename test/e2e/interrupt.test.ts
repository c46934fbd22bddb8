/**
 * "Written whole or not at all" under signals: a real `leximap analyze` run is sent SIGINT or
 * SIGTERM at many moments (spread over the run, and just after its temporary folder appears, i.e.
 * while it writes), each time over a folder holding an earlier run's output. Afterwards the
 * folder must hold exactly the old set or exactly the new one, and nothing else may be left
 * beside it. Bounded: trials stop being started after TIME_BUDGET_MS.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const examples = join(root, 'examples/interviews');
const TIME_BUDGET_MS = 75_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  /** Whether the kill was sent after the run's temporary folder appeared. */
  whileWriting: boolean;
}

function analyze(out: string, seed: string, kill?: { signal: NodeJS.Signals; afterMs?: number; afterTempMs?: number }): Promise<Run> {
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/cli/src/main.ts'), 'analyze', examples, '--exclude-speaker', 'Interviewer', '--seed', seed, '--workers', '1', '--quiet', '-o', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let whileWriting = false;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  if (kill?.afterMs !== undefined) timer = setTimeout(() => child.kill(kill.signal), kill.afterMs);
  if (kill?.afterTempMs !== undefined) {
    const parent = resolve(out, '..');
    const prefix = `.${relative(parent, out)}.tmp-`;
    poll = setInterval(() => {
      if (readdirSync(parent).some((name) => name.startsWith(prefix))) {
        clearInterval(poll);
        whileWriting = true;
        timer = setTimeout(() => child.kill(kill.signal), kill.afterTempMs);
      }
    }, 1);
  }
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      done({ code, signal, stderr, ms: performance.now() - began, whileWriting });
    });
  });
}

/** Every file below `dir` (hidden ones too) with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, bytes]) => b.get(name) === bytes);
}

describe('leximap analyze interrupted', () => {
  const parent = mkdtempSync(join(tmpdir(), 'leximap-interrupt-'));
  const oldSet = join(parent, 'old');
  const newSet = join(parent, 'new');
  let before: Map<string, string>;
  let after: Map<string, string>;
  let fullMs = 0;

  beforeAll(async () => {
    const first = await analyze(oldSet, '1');
    const second = await analyze(newSet, '2');
    expect([first.code, first.stderr, second.code, second.stderr]).toEqual([0, '', 0, '']);
    before = snapshot(oldSet);
    after = snapshot(newSet);
    fullMs = second.ms;
  }, 120_000);

  it('analyze leaves the old output or the new one, whole, whatever the moment of SIGINT or SIGTERM', async () => {
    expect(same(before, after)).toBe(false);
    const trials: { signal: NodeJS.Signals; afterMs?: number; afterTempMs?: number }[] = [];
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    [0, 1, 2, 4, 8, 15].forEach((ms, i) => trials.push({ signal: signals[i % 2]!, afterTempMs: ms }));
    [0.15, 0.35, 0.55, 0.75, 0.9, 0.97, 1.02].forEach((f, i) => trials.push({ signal: signals[(i + 1) % 2]!, afterMs: Math.round(f * fullMs) }));
    const out = join(parent, 'out');
    const began = performance.now();
    const outcomes: string[] = [];
    let duringWrite = 0;
    for (const trial of trials) {
      if (performance.now() - began > TIME_BUDGET_MS) break;
      rmSync(out, { recursive: true, force: true });
      cpSync(oldSet, out, { recursive: true });
      const run = await analyze(out, '2', trial);
      const now = snapshot(out);
      const outcome = same(now, before) ? 'old' : same(now, after) ? 'new' : 'mix';
      outcomes.push(`${trial.signal} ${trial.afterMs ?? `temp+${trial.afterTempMs}`} ms → ${outcome} (exit ${run.code ?? run.signal})`);
      expect(outcome, outcomes.join('\n')).not.toBe('mix');
      // Nothing beside the folder: no temporary or old folder left.
      expect(readdirSync(parent).sort(), outcomes.join('\n')).toEqual(['new', 'old', 'out']);
      // Interrupted runs end as the signal would have, or finish; they never report an error.
      if (run.code !== 0) expect(run.signal ?? run.code, outcomes.join('\n')).toBeOneOf([trial.signal, 130, 143]);
      if (run.whileWriting) duringWrite++;
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(8);
    expect(duringWrite).toBeGreaterThanOrEqual(3);
  }, 150_000);
});
