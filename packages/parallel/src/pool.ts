/**
 * The worker pool: piscina over node:worker_threads, started once per run. In the compiled
 * command (apps/cli/dist) workers run the compiled worker beside it, plain JavaScript, with the
 * parent's execArgv less what a worker cannot take. From the TypeScript sources (vitest, tsx)
 * they run worker.ts: under `tsx` they inherit its loader through `process.execArgv`; elsewhere
 * the tsx loader is added to their execArgv.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Piscina, queueOptionsSymbol } from 'piscina';
import { COMPILED } from '@leximap/core';
import type { Task } from './tasks.ts';

/** The compiled worker sits beside the compiled code that imports this (apps/cli/tsup.config.ts). */
/**
 * From the sources (vitest, tsx), workers run the worker the build made from those same sources
 * (`pnpm test`'s global setup and `pnpm leximap` run scripts/build.mjs first): workers loading the
 * TypeScript through tsx's loader failed to load worker.ts at all once the text stage imported
 * the language packages (ERR_UNKNOWN_FILE_EXTENSION in every worker), while the built worker runs.
 * Without a build, worker.ts under tsx is the fallback.
 */
const BUILT_WORKER = new URL('../../../apps/cli/dist/worker.js', import.meta.url);
const USE_BUILT = !COMPILED && existsSync(fileURLToPath(BUILT_WORKER));
const WORKER = COMPILED ? new URL('./worker.js', import.meta.url) : USE_BUILT ? BUILT_WORKER : new URL('./worker.ts', import.meta.url);

/**
 * Young-generation size of a worker's heap. Tokenising makes many short-lived objects; V8's
 * default (48 MB) scavenges them so often that a larger one tokenised 8.5 M words of court
 * transcripts ~13 % faster on 2 workers (10.6–11.6 s against 12.3–14.0 s, alternating runs). It is
 * the size `node --max-semi-space-size=64` gives the main thread (three semi-spaces), which the
 * `leximap` script passes, so that `--workers 1` (in this thread) is tuned alike.
 */
export const YOUNG_GENERATION_MB = 192;

const TSX = /(^|[\\/@])tsx([\\/@]|$)/;

let workerArgs: string[] | undefined;

/**
 * The workers' execArgv: the parent's without tsx's loader (the compiled worker needs none, and
 * with it tsx would transform every module again; for the sources it is added back once) and
 * without what a worker cannot take: Node rejects V8 flags such as --max-semi-space-size in a
 * worker's execArgv (the young generation is set by `resourceLimits` instead), nor the parent's
 * `-e` script. Worked out once per process.
 */
function workerExecArgv(): string[] {
  if (workerArgs) return workerArgs;
  const args: string[] = [];
  const parent = process.execArgv;
  for (let i = 0; i < parent.length; i++) {
    if (['--import', '--require', '-r', '--loader', '--experimental-loader'].includes(parent[i]!) && TSX.test(parent[i + 1] ?? '')) i++;
    // The parent's own script (`node -e`), which a worker loading a file refuses.
    else if (['-e', '--eval', '-p', '--print', '--input-type'].includes(parent[i]!)) i++;
    else if (!TSX.test(parent[i]!) && !parent[i]!.startsWith('--input-type=')) args.push(parent[i]!);
  }
  const invalid = invalidWorkerArgs(args);
  const kept = args.filter((a) => !invalid.includes(a));
  const valid = invalidWorkerArgs(kept).length === 0 ? kept : [];
  return (workerArgs = COMPILED || USE_BUILT ? valid : [...valid, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]);
}

/** The flags of `execArgv` that Node refuses for a worker (it names them when a worker is made with them). */
function invalidWorkerArgs(execArgv: string[]): string[] {
  if (execArgv.length === 0) return [];
  try {
    void new Worker('', { eval: true, execArgv }).terminate();
    return [];
  } catch (error) {
    const named = /invalid execArgv flags: (.+)$/.exec(error instanceof Error ? error.message : '');
    return named ? named[1]!.split(', ') : execArgv;
  }
}

type Balancer = NonNullable<NonNullable<ConstructorParameters<typeof Piscina>[0]>['loadBalancer']>;

/** The mark of a task that may wait in a busy worker (piscina's queue options, seen by the balancer; not sent to the worker). */
export const HOLD_NEXT = { holdNext: true };

/**
 * Gives a task to an idle worker; a text task, when none is idle, to a worker running one task,
 * which holds it and starts it the moment that one is done, instead of waiting for this thread
 * to hear of it and send another (3–7 ms per shard, up to 30 ms while this thread merges a
 * shard). Tokenising is synchronous, so two text tasks never tokenise at once; at most their
 * file reads overlap. Other tasks wait here for the first free worker, as before: a worker busy
 * with the layout does not hold a quotes' task that another, free sooner, could take. The
 * workers' idle time in the text stage, timed in the workers (three runs each, same result
 * bytes): on 8.1 M generated words 0.42–0.78 core-seconds, against 0.74–1.17 with neither this
 * nor the smaller last shards of planShards.ts; on 8.5 M court words 0.56–0.68, against 0.80–0.89
 * with those shards alone.
 */
export const balancer: Balancer = (task, workers) => {
  let holder = null;
  for (const worker of workers) {
    if (worker.currentUsage === 0) return worker;
    if (holder === null && worker.currentUsage === 1 && task[queueOptionsSymbol] === HOLD_NEXT) holder = worker;
  }
  return holder;
};

export interface Pool {
  readonly threads: number;
  run<R>(task: Task, transferList?: ArrayBuffer[]): Promise<R>;
  /** Stops every worker, and any task still running where it is (an error, Ctrl-C). Safe to call twice. */
  close(): Promise<void>;
}

export async function startPool(threads: number): Promise<Pool> {
  const execArgv = workerExecArgv();
  const piscina = new Piscina({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    // A running task, and the next text shard when the balancer gives one to a busy worker.
    concurrentTasksPerWorker: 2,
    loadBalancer: balancer,
    // Tasks start in the order they were given. Without this, piscina moves the task after the one
    // a freed worker takes to the back of its queue (nobody else is free to take it), which ran the
    // text shards in a shuffled order: shards done early waited for late ones to be merged in
    // document order (the merging piled up at the end, and the shards in between stayed in memory).
    stricterFIFO: true,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    execArgv,
  });
  // A task that answers while the pool is being destroyed is reported as an 'error' event; the run is over by then.
  piscina.on('error', () => {});
  let closing: Promise<void> | undefined;
  return {
    threads,
    run: <R>(task: Task, transferList?: ArrayBuffer[]) =>
      piscina.run(task.kind === 'text' ? { ...task, [queueOptionsSymbol]: HOLD_NEXT } : task, transferList ? { transferList } : {}) as Promise<R>,
    close: () => (closing ??= piscina.destroy().then(() => undefined)),
  };
}
