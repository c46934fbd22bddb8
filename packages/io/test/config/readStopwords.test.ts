import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStopwords, readStopwords } from '../../src/config/readStopwords.ts';

describe('readStopwords', () => {
  it('readStopwords(…) adds words and phrases, removes -words, skips comments and blank lines', async () => {
    expect(await readStopwords(fileURLToPath(new URL('../fixtures/config/stopwords.txt', import.meta.url)))).toStrictEqual({ add: ['yeah', 'kind of'], remove: ['people'] });
  });

  it('parseStopwords(…) lists a repeated word once', () => {
    expect(parseStopwords('yeah\r\nyeah\n-okay\n-okay')).toStrictEqual({ add: ['yeah'], remove: ['okay'] });
  });

  it('parseStopwords(…) rejects a line that is not a word with E_PARSE naming file and line', () => {
    expect(() => parseStopwords('yeah\n\num, uh\n', 'stop.txt')).toThrow(expect.objectContaining({
      code: 'E_PARSE',
      file: 'stop.txt',
      message: 'stop.txt: line 3: got "um, uh", expected one word per line, or -word to keep a word',
    }));
    expect(() => parseStopwords('-\n')).toThrow('line 1: got "-", expected one word per line');
  });

  it('readStopwords(…) rejects a missing file with E_NOT_FOUND', async () => {
    await expect(readStopwords('no/such/stopwords.txt')).rejects.toMatchObject({ code: 'E_NOT_FOUND', file: 'no/such/stopwords.txt' });
  });
});
