import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, relayout } from '@leximap/core';
import { readCorpus, serializeResult } from '@leximap/io';

const examples = resolve(import.meta.dirname, '../../examples/interviews');

describe('relayout', () => {
  it('relayout(result, mode) gives the bytes of an analysis run with that layout mode, either way', async () => {
    const corpus = await readCorpus([examples]);
    const gaussian = await analyze(corpus, { layoutMode: 'gaussian' });
    const linear = await analyze(corpus, { layoutMode: 'linear' });
    expect(linear.concepts[0]!.x).not.toBe(gaussian.concepts[0]!.x);
    expect(serializeResult(relayout(gaussian, 'linear'))).toBe(serializeResult(linear));
    expect(serializeResult(relayout(linear, 'gaussian'))).toBe(serializeResult(gaussian));
  }, 120_000);
});
