import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordInputs, rerunArguments } from '../src/inputs.ts';

describe('recordInputs / rerunArguments', () => {
  const values = { out: 'runs/a', workers: '2', quiet: true, json: undefined, merge: 'lists/merge.txt', 'exclude-speaker': ['Interviewer', 'Host'], 'no-names': true, seed: '7', 'no-merge-variants': false };

  it('recordInputs(…) keeps the analysis flags, drops -o, --workers and the printing flags, and makes paths relative to the output folder', () => {
    expect(recordInputs(['data/interviews', '/abs/notes.txt'], values, 'runs/a')).toEqual({
      paths: ['../../data/interviews', `${'../'.repeat(resolve('runs/a').split('/').length - 1)}abs/notes.txt`],
      options: { 'exclude-speaker': ['Interviewer', 'Host'], merge: '../../lists/merge.txt', 'no-names': true, seed: '7' },
    });
  });

  it('rerunArguments(…) gives analyze the same paths and flags from the result folder, with the replaced ones', () => {
    const inputs = recordInputs(['data/interviews'], values, 'runs/a');
    expect(rerunArguments(inputs, resolve('runs/a'), '/tmp/b', { seeds: '/tmp/b.seeds.txt' })).toEqual([
      resolve('data/interviews'),
      '--exclude-speaker=Interviewer',
      '--exclude-speaker=Host',
      `--merge=${resolve('lists/merge.txt')}`,
      '--no-names',
      '--seed=7',
      '--seeds=/tmp/b.seeds.txt',
      '-o',
      '/tmp/b',
      '--quiet',
    ]);
  });
});
