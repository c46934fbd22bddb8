import { describe, expect, it } from 'vitest';
import { codeTags } from '../src/codeTags.ts';
import { tinyCoding, tinyResult } from './tinyResult.ts';

describe('codeTags', () => {
  it('codeTags(coding) turns segments into code tag spans labelled by the code path', () => {
    expect(codeTags(tinyCoding())[0]).toEqual({ label: 'Top > X', category: 'code', document: 'A.txt', start: 5, end: 12 });
  });
  it('codeTags(coding, result) maps document names to the result ids and drops documents it lacks', () => {
    const tags = codeTags(tinyCoding(), tinyResult());
    expect(tags.map((t) => [t.label, t.document])).toEqual([
      ['Top > X', 'A.txt'],
      ['Top > X', 'B.txt'],
      ['Other > Y', 'A.txt'],
    ]);
  });
});
