import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeSentiment, validateResult, type LeximapResult } from '@leximap/core';
import { resultToConceptsCsv, resultToThemesCsv, serializeResult } from '@leximap/io';
import { analyzeFiles } from '@leximap/parallel';

const examples = resolve(import.meta.dirname, '../../examples/interviews');

describe('analyzeFiles(examples, { sentiment: true })', () => {
  let result: LeximapResult;
  let bytes: string;
  beforeAll(async () => {
    result = (await analyzeFiles([examples], { excludeSpeakers: ['Interviewer'], sentiment: true, workers: 1 })).result;
    bytes = serializeResult(result);
  });

  it('scores every block and summarises each concept over its coded blocks, without the excluded ones', () => {
    expect(() => validateResult(JSON.parse(bytes))).not.toThrow();
    expect(result.parameters.sentiment).toBe(true);
    const scores = Float64Array.from(result.blocks.sentiment!, (s) => s ?? NaN);
    expect(scores.length).toBe(result.corpus.blocks);
    const excluded = Uint8Array.from(result.blocks.excluded);
    const coded: number[][] = result.concepts.map(() => []);
    for (let b = 0; b < result.corpus.blocks; b++) for (let i = result.blocks.conceptStarts[b]!; i < result.blocks.conceptStarts[b + 1]!; i++) coded[result.blocks.concepts[i]!]!.push(b);
    for (const concept of result.concepts.filter((c) => c.kind !== 'tag')) expect(concept.sentiment).toEqual(summarizeSentiment(coded[concept.id]!, scores, excluded));
    const speaker = result.concepts.find((c) => c.kind === 'tag' && c.category === 'speaker' && c.label !== 'Interviewer')!;
    expect(speaker.sentiment!.blocks).toBe(speaker.count);
  });

  it('writes the sentiment columns into concepts.csv and themes.csv', () => {
    expect(resultToConceptsCsv(result).split('\n')[0]).toMatch(/,sentiment_mean,sentiment_positive_pct,sentiment_negative_pct,sentiment_blocks\r?$/);
    expect(resultToThemesCsv(result).split('\n')[0]).toMatch(/,sentiment_mean,sentiment_positive_pct,sentiment_negative_pct,sentiment_blocks\r?$/);
    const first = result.concepts[0]!.sentiment!;
    expect(resultToConceptsCsv(result).split('\n')[1]).toMatch(new RegExp(`,${Math.round(first.mean * 1000) / 1000},[0-9.]+,[0-9.]+,${first.blocks}\\r?$`));
  });

  it('gives the same bytes on 2 workers', async () => {
    const two = await analyzeFiles([examples], { excludeSpeakers: ['Interviewer'], sentiment: true, workers: 2 });
    expect(serializeResult(two.result)).toBe(bytes);
  });
});
