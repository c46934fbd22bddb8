import { describe, expect, it } from 'vitest';
import { LeximapError } from '@leximap/core';
import type { Pool } from '../src/pool.ts';
import { runTextTasks } from '../src/runTextTasks.ts';
import type { Task, TextTask, TextTaskResult } from '../src/tasks.ts';

const task = (path: string): TextTask => ({ kind: 'text', sources: [{ id: path, name: path, path, relativePath: path, tags: [] }], options: {} as TextTask['options'], read: {}, skipBadFiles: false });

/** A pool whose tasks answer in reverse order: later shards first. `bad` files fail. */
function reversePool(tasks: readonly TextTask[], bad: ReadonlySet<string>): Pool {
  return {
    threads: tasks.length,
    run: <R>(t: Task) => {
      const path = (t as TextTask).sources[0]!.path;
      const answer: TextTaskResult = { shards: [], documents: [{ id: path, name: path, tags: [] }], documentSource: new Uint32Array(1), skipped: [] };
      if (bad.has(path)) answer.failure = { path, code: 'E_ENCODING', reason: 'is not UTF-8' };
      const delay = (tasks.length - tasks.indexOf(t as TextTask)) * 10;
      return new Promise<R>((done) => setTimeout(() => done(answer as R), delay));
    },
    close: async () => {},
  };
}

describe('runTextTasks', () => {
  it('names the first bad file in document order, though a later one failed first', async () => {
    const tasks = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map(task);
    const done: string[] = [];
    const error = await runTextTasks(tasks, reversePool(tasks, new Set(['b.txt', 'd.txt'])), (r) => done.push(r.documents[0]!.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeximapError);
    expect((error as LeximapError).file).toBe('b.txt');
    expect((error as LeximapError).message).toBe('b.txt: is not UTF-8');
    // d.txt failed first, but only what comes before b.txt was handed on.
    expect(done).toEqual(['a.txt']);
  });

  it('hands the results on in task order, though later tasks answered first', async () => {
    const tasks = ['a.txt', 'b.txt', 'c.txt'].map(task);
    const done: string[] = [];
    await runTextTasks(tasks, reversePool(tasks, new Set()), (r, i) => done.push(`${i} ${r.documents[0]!.id}`));
    expect(done).toEqual(['0 a.txt', '1 b.txt', '2 c.txt']);
  });
});
