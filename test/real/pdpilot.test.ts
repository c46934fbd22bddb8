import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type LeximapResult } from '@leximap/core';
import { readCorpus } from '@leximap/io';

const transcripts = resolve(import.meta.dirname, '../../../shared/data/corpora/pdpilot-interviews/transcripts_txt');

describe('analyze on the PDPilot interviews (../shared/data)', () => {
  let result: LeximapResult;
  let learned: string[];

  beforeAll(async () => {
    const corpus = await readCorpus([transcripts]);
    result = await analyze(corpus);
    learned = result.concepts.filter((c) => c.kind !== 'tag').map((c) => c.label);
  });

  it('finds what the interviews are about: plots, models, data, features, clusters', () => {
    for (const concept of ['plot', 'model', 'data', 'cluster']) expect(learned).toContain(concept);
    expect(learned.some((l) => /^(feature|importance|variable)$/.test(l))).toBe(true);
  });

  it('has no filler words and no interviewer name among the concepts', () => {
    for (const filler of ['yeah', 'okay', 'um', 'Um', 'uh', 'thing', 'like', 'know', 'kind', 'sort', 'Dan', 'dan', 'Participant']) expect(learned).not.toContain(filler);
  });

  it('tags the speakers and keeps them apart from learned concepts', () => {
    expect(result.speakers).toEqual(expect.arrayContaining(['Dan', 'Participant']));
    const speakers = result.concepts.filter((c) => c.category === 'speaker').map((c) => c.label);
    expect(speakers).toEqual(expect.arrayContaining(['Dan', 'Participant'])); // the data also has one 'Particpant:'
    for (const s of speakers) expect(learned).not.toContain(s);
  });

  it('groups the concepts into several themes', () => {
    expect(result.themes.length).toBeGreaterThanOrEqual(3);
    for (const t of result.themes) expect(learned).toContain(t.name);
  });
});
