import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, buildTextModel, loadLanguageTools, sliceCodePoints, languageProfile, mergeShards, publishedStopWords, resolveOptions, type Corpus, type LeximapResult } from '@leximap/core';
import { serializeResult } from '@leximap/io';
import { analyzeFiles } from '@leximap/parallel';
import { readParlamint } from './parlamint.ts';

/** Function words of a language: listed by both stop lists, folded as the text stage folds them. */
function functionWords(lang: string): Set<string> {
  const lists = publishedStopWords(languageProfile(lang)!);
  const other = new Set(lists.stopword.map((w) => w.toLocaleLowerCase(lang)));
  return new Set(lists.stopwordsIso.map((w) => w.toLocaleLowerCase(lang)).filter((w) => other.has(w)));
}

/** Inflected forms of one stem, both in the corpus (found with grep in its files). */
const MERGED: Record<string, [form: string, into: string][]> = {
  DK: [
    ['forslaget', 'forslag'],
    ['regeringen', 'regering'],
  ],
  ES: [
    ['leyes', 'ley'],
    ['comunidades', 'comunidad'],
    ['autonomías', 'autonomía'],
  ],
};

describe.each([
  ['DK', 'da'],
  ['ES', 'es'],
  ['IL', 'he'],
])('ParlaMint %s (../shared/data/corpora/parlamint)', (folder, lang) => {
  let corpus: Corpus;
  let result: LeximapResult;
  beforeAll(async () => {
    corpus = readParlamint(folder);
    result = await analyze(corpus);
    await loadLanguageTools();
  });

  it(`analyze(…) detects ${lang} in every document and records it per document and in the parameters`, () => {
    expect(result.parameters.lang).toBe(lang);
    expect(result.parameters.langRequested).toBe('auto');
    expect(result.parameters.languages).toEqual({ [lang]: corpus.documents.length });
    expect(result.documents.map((d) => d.lang)).toEqual(corpus.documents.map(() => lang));
    expect(result.warnings).toBeUndefined();
  });

  it('analyze(…) has no function word (in both stop lists) among the top 30 concepts', () => {
    const stop = functionWords(lang);
    expect(stop.size).toBeGreaterThan(50);
    const top = result.concepts.filter((c) => c.kind !== 'tag').slice(0, 30);
    expect(top.length).toBeGreaterThanOrEqual(20);
    expect(top.map((c) => c.label).filter((label) => stop.has(label.toLocaleLowerCase(lang)))).toEqual([]);
  });
});

describe.each(['DK', 'ES'])('ParlaMint %s, stemmed', (folder) => {
  it('buildTextModel(…) merges inflected forms by the Snowball stem', async () => {
    const corpus = readParlamint(folder);
    const stats = mergeShards(await buildTextModel(corpus.documents, resolveOptions()));
    const blockText = (b: number): string => sliceCodePoints(corpus.documents[stats.blocks.doc[b]!]!.text, stats.blocks.start[b]!, stats.blocks.end[b]!);
    // Some term is in every block with either form (lower case, so a word, not a name): the merged one.
    for (const forms of MERGED[folder]!) {
      const pattern = new RegExp(`(?<!\\p{L})(?:${forms.join('|')})(?!\\p{L})`, 'u');
      const withForm = forms.map((form) => new RegExp(`(?<!\\p{L})${form}(?!\\p{L})`, 'u'));
      const blocks = [...stats.blocks.doc.keys()].filter((b) => pattern.test(blockText(b)));
      for (const test of withForm) expect(blocks.some((b) => test.test(blockText(b)))).toBe(true);
      let common: Set<number> | undefined;
      for (const b of blocks) {
        const terms = new Set(stats.blockTerms.subarray(stats.blockTermStarts[b], stats.blockTermStarts[b + 1]));
        common = common ? new Set([...common].filter((t) => terms.has(t))) : terms;
      }
      expect([...common!].map((t) => stats.terms[t])).toHaveLength(1);
    }
  });
});

describe('ParlaMint with the worker pool', () => {
  let dir: string;
  beforeAll(() => {
    // The speeches as .txt files, one per paragraph, with their IDs dropped (as the README says).
    dir = mkdtempSync(join(tmpdir(), 'leximap-parlamint-'));
    for (const folder of ['DK', 'ES', 'IL']) {
      mkdirSync(join(dir, folder));
      for (const d of readParlamint(folder).documents) {
        writeFileSync(join(dir, folder, `${d.name}.txt`), d.paragraphs.map((p) => d.text.slice(p.start, p.end)).join('\n\n'));
      }
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('analyzeFiles(three languages) gives the same bytes on 1 and 2 workers, tags lang:xx and warns of the mix', async () => {
    const one = await analyzeFiles([dir], { workers: 1 });
    const two = await analyzeFiles([dir], { workers: 2 });
    expect(serializeResult(two.result)).toBe(serializeResult(one.result));
    const result = one.result;
    expect(result.parameters.lang).toBe('mul');
    expect(result.parameters.languages).toEqual({ da: 7, es: 7, he: 4 });
    expect(result.documents.every((d) => d.tags.includes(`lang:${d.lang}`))).toBe(true);
    expect(result.concepts.filter((c) => c.kind === 'tag' && c.category === 'lang').map((c) => c.label).sort()).toEqual(['da', 'es', 'he']);
    expect(result.warnings?.[0]).toMatch(/^the documents are in 3 languages/);
  });
});
