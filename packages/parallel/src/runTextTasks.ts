/**
 * The text stage: its tasks on the pool, or one after the other in this thread (one shard's text
 * in memory at a time), results in task order, which is document order.
 */
import type { Pool } from './pool.ts';
import { failureError, runTextTask, type TextTask, type TextTaskResult } from './tasks.ts';

/**
 * Runs the tasks; `onDone` hears of each that succeeded, as it does. A file that fails ends the
 * run with its error once the tasks before it are done, so that the error names the first bad file
 * in document order whatever the number of workers. Tasks start in order, so that wait is at most
 * the shards already running. (The caller stops the pool.)
 */
export async function runTextTasks(tasks: readonly TextTask[], pool: Pool | undefined, onDone: (task: TextTask) => void): Promise<TextTaskResult[]> {
  const results: TextTaskResult[] = [];
  if (pool === undefined) {
    for (const task of tasks) {
      const result = await runTextTask(task);
      if (result.failure) throw failureError(result.failure);
      onDone(task);
      results.push(result);
    }
    return results;
  }
  let failed = false;
  const runs = tasks.map((task) =>
    pool.run<TextTaskResult>(task).then((result) => {
      failed ||= result.failure !== undefined;
      if (!failed) onDone(task);
      return result;
    }),
  );
  // Every run gets a handler, so the ones rejected when the pool stops are not unhandled.
  for (const run of runs) run.catch(() => {});
  for (const run of runs) {
    const result = await run;
    if (result.failure) throw failureError(result.failure);
    results.push(result);
  }
  return results;
}
