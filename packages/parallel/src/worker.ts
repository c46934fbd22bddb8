/** The pool's worker: runs one task (see tasks.ts) and hands its typed arrays back as transferables. */
import { moveResult } from './transfer.ts';
import { runLayoutTask, runLearnTask, runMapTask, runResampleTask, runSpanTask, runTextTask, type Task } from './tasks.ts';

export default async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case 'text':
      return moveResult(await runTextTask(task));
    case 'learn':
      return moveResult(runLearnTask(task));
    case 'layout':
      return moveResult(runLayoutTask(task));
    case 'map':
      return moveResult(runMapTask(task));
    case 'spans':
      return runSpanTask(task);
    case 'resample':
      return runResampleTask(task);
  }
}
