import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSeeds, readSeeds } from '../../src/config/readSeeds.ts';

describe('readSeeds', () => {
  it('readSeeds(…) reads added concepts, removed seeds and frozen concepts', async () => {
    expect(await readSeeds(fileURLToPath(new URL('../fixtures/config/seeds.txt', import.meta.url)))).toStrictEqual({
      add: [
        { label: 'Mentoring', terms: ['mentor', 'mentee'] },
        { label: 'Photos', terms: ['photo', 'picture'] },
      ],
      remove: ['people'],
      freeze: ['Mentoring'],
    });
  });

  it('parseSeeds(…) keeps multi-word labels and terms and joins a repeated label', () => {
    expect(parseSeeds('Wiki contests: Wiki Loves Monuments\nWiki contests: photo contest, Wiki Loves Monuments')).toStrictEqual({
      add: [{ label: 'Wiki contests', terms: ['Wiki Loves Monuments', 'photo contest'] }],
      remove: [],
      freeze: [],
    });
  });

  it('parseSeeds(…) rejects a line that is no edit with E_PARSE naming file and line', () => {
    expect(() => parseSeeds('Mentoring: mentor\nmentee\n', 's.txt')).toThrow(expect.objectContaining({
      code: 'E_PARSE',
      file: 's.txt',
      message: 's.txt: line 2: got "mentee", expected "label: term, term", "-term" or "=label"',
    }));
    expect(() => parseSeeds(': mentor')).toThrow('line 1: got ": mentor"');
    expect(() => parseSeeds('Mentoring:')).toThrow('line 1: got "Mentoring:"');
    expect(() => parseSeeds('=')).toThrow('line 1: got "="');
  });
});
