/**
 * The text stage: its tasks on the pool, or one after the other in this thread (one shard's text
 * in memory at a time), each result handed on in task order, which is document order.
 */
import type { Pool } from './pool.ts';
import { failureError, runTextTask, type TextTask, type TextTaskResult } from './tasks.ts';

/**
 * Runs the tasks and calls `onResult` with each result in task order, as soon as it and the ones
 * before it are in: the caller merges while later tasks still run, and lets each result go. A file
 * that fails ends the run with its error once the tasks before it are done, so that the error names
 * the first bad file in document order whatever the number of workers. Tasks start in order, so that
 * wait is at most the shards already running. (The caller stops the pool.)
 */
export async function runTextTasks(
  tasks: readonly TextTask[],
  pool: Pool | undefined,
  onResult: (result: TextTaskResult, index: number) => void,
  /** Without a pool: each file of task `index` as it is tokenised (see runTextTask). */
  onFile?: (index: number, file: number, words: number) => void,
): Promise<void> {
  const runs = pool ? tasks.map((task) => pool.run<TextTaskResult>(task)) : undefined;
  // Every run gets a handler, so the ones rejected when the pool stops are not unhandled.
  for (const run of runs ?? []) run.catch(() => {});
  for (let i = 0; i < tasks.length; i++) {
    const result = await (runs ? runs[i]! : runTextTask(tasks[i]!, onFile && ((file, words) => onFile(i, file, words))));
    if (result.failure) throw failureError(result.failure);
    onResult(result, i);
  }
}
