import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMerges, readMerges } from '../../src/config/readMerges.ts';

describe('readMerges', () => {
  it('readMerges(…) maps each term to the variants folded into it', async () => {
    expect(await readMerges(fileURLToPath(new URL('../fixtures/config/merges.txt', import.meta.url)))).toStrictEqual({
      learning: ['learn', 'learner', 'learners'],
      mentor: ['mentors', 'mentoring'],
    });
  });

  it('parseMerges(…) joins repeated heads and ignores a head listed as its own variant', () => {
    expect(parseMerges('photo = photos\nphoto = photo, picture, photos\n')).toStrictEqual({ photo: ['photos', 'picture'] });
  });

  it('parseMerges(…) keeps a __proto__ term as data', () => {
    const merges = parseMerges('__proto__ = x');
    expect(Object.getPrototypeOf(merges)).toBe(Object.prototype);
    expect(Object.entries(merges)).toStrictEqual([['__proto__', ['x']]]);
  });

  it('parseMerges(…) rejects a line without =, with an empty side, or with two =, naming the line', () => {
    expect(() => parseMerges('learning learn', 'm.txt')).toThrow('m.txt: line 1: got "learning learn", expected "term = variant, variant"');
    expect(() => parseMerges('# c\nlearning =', 'm.txt')).toThrow('m.txt: line 2: got "learning =", expected "term = variant, variant"');
    expect(() => parseMerges('a = b = c')).toThrow(expect.objectContaining({ code: 'E_PARSE' }));
    expect(() => parseMerges('a = b,, c')).toThrow(expect.objectContaining({ code: 'E_PARSE' }));
  });

  it('parseMerges(…) rejects a variant merged into two terms', () => {
    expect(() => parseMerges('learning = learn\nstudy = learn', 'm.txt')).toThrow(
      'm.txt: line 2: got "study = learn", expected each variant merged into one term only ("learn" is already merged into "learning")',
    );
  });
});
