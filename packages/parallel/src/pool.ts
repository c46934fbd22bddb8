/**
 * The worker pool: piscina over node:worker_threads, started once per run. Workers run the
 * bundled worker (workerBundle.ts), plain JavaScript, with the parent's execArgv less tsx's
 * loader. When there is no bundle they run the TypeScript sources: under `tsx` they inherit its
 * loader through `process.execArgv`; elsewhere (vitest, plain node with another loader) the tsx
 * loader is added to their execArgv.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Piscina, queueOptionsSymbol } from 'piscina';
import type { Task } from './tasks.ts';
import { bundledWorker } from './workerBundle.ts';

const WORKER = new URL('./worker.ts', import.meta.url);

/**
 * Young-generation size of a worker's heap. Tokenising makes many short-lived objects; V8's
 * default (48 MB) scavenges them so often that a larger one tokenised 8.5 M words of court
 * transcripts ~13 % faster on 2 workers (10.6–11.6 s against 12.3–14.0 s, alternating runs). It is
 * the size `node --max-semi-space-size=64` gives the main thread (three semi-spaces), which the
 * `leximap` script passes, so that `--workers 1` (in this thread) is tuned alike.
 */
export const YOUNG_GENERATION_MB = 192;

const TSX = /(^|[\\/@])tsx([\\/@]|$)/;

/** execArgv that lets a worker import `.ts` files, or undefined to inherit the parent's. */
function sourceExecArgv(): string[] | undefined {
  if (process.execArgv.some((arg) => TSX.test(arg))) return undefined;
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [...process.execArgv, '--import', loader];
}

let bundleArgs: string[] | undefined;

/**
 * The parent's execArgv for bundled workers: without tsx's loader (the bundle needs none; with it,
 * tsx would transform every module again) and without what a worker cannot take: Node rejects V8
 * flags such as --max-semi-space-size in a worker's execArgv (the young generation is set by
 * `resourceLimits` instead). Worked out once per process.
 */
function bundleExecArgv(): string[] {
  if (bundleArgs) return bundleArgs;
  const args: string[] = [];
  const parent = process.execArgv;
  for (let i = 0; i < parent.length; i++) {
    if (['--import', '--require', '-r', '--loader', '--experimental-loader'].includes(parent[i]!) && TSX.test(parent[i + 1] ?? '')) i++;
    else if (!TSX.test(parent[i]!)) args.push(parent[i]!);
  }
  const invalid = invalidWorkerArgs(args);
  const kept = args.filter((a) => !invalid.includes(a));
  return (bundleArgs = invalidWorkerArgs(kept).length === 0 ? kept : []);
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
  const bundle = await bundledWorker();
  const execArgv = bundle ? bundleExecArgv() : sourceExecArgv();
  const piscina = new Piscina({
    filename: bundle ?? WORKER.href,
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
    ...(execArgv === undefined ? {} : { execArgv }),
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
