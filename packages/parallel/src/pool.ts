/**
 * The worker pool: piscina over node:worker_threads, started once per run. Workers run the
 * TypeScript sources directly: under `tsx` they inherit its loader through `process.execArgv`;
 * elsewhere (vitest, plain node with another loader) the tsx loader is added to their execArgv.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Task } from './tasks.ts';

const WORKER = new URL('./worker.ts', import.meta.url);

/**
 * Young-generation size of a worker's heap. Tokenising makes many short-lived objects; V8's
 * default (48 MB) scavenges them so often that a larger one tokenised 8.5 M words of court
 * transcripts ~13 % faster on 2 workers (10.6–11.6 s against 12.3–14.0 s, alternating runs). It is
 * the size `node --max-semi-space-size=64` gives the main thread (three semi-spaces), which the
 * `leximap` script passes, so that `--workers 1` (in this thread) is tuned alike.
 */
export const YOUNG_GENERATION_MB = 192;

/** execArgv that lets a worker import `.ts` files, or undefined to inherit the parent's. */
function workerExecArgv(): string[] | undefined {
  if (process.execArgv.some((arg) => /(^|[\\/@])tsx([\\/@]|$)/.test(arg))) return undefined;
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [...process.execArgv, '--import', loader];
}

export interface Pool {
  readonly threads: number;
  run<R>(task: Task, transferList?: ArrayBuffer[]): Promise<R>;
  /**
   * Stops every worker. With `settle`, first waits for the tasks still running (reads ahead
   * nobody needs any more); without, stops them where they are (an error, Ctrl-C). Safe to call twice.
   */
  close(settle?: boolean): Promise<void>;
}

export function startPool(threads: number): Pool {
  const execArgv = workerExecArgv();
  const piscina = new Piscina({
    filename: WORKER.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    concurrentTasksPerWorker: 1,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    ...(execArgv === undefined ? {} : { execArgv }),
  });
  // A task that answers while the pool is being destroyed is reported as an 'error' event; the run is over by then.
  piscina.on('error', () => {});
  const running = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  return {
    threads,
    run: <R>(task: Task, transferList?: ArrayBuffer[]) => {
      const result = piscina.run(task, transferList ? { transferList } : {}) as Promise<R>;
      running.add(result);
      const done = (): void => void running.delete(result);
      result.then(done, done);
      return result;
    },
    close: (settle = false) =>
      (closing ??= (settle ? Promise.allSettled(running) : Promise.resolve()).then(() => piscina.destroy()).then(() => undefined)),
  };
}
