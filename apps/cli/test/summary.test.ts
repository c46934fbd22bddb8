import { describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { rareSpeakers, stabilityLines } from '../src/summary.ts';

/** A result with only what `rareSpeakers` reads: each document a list of turns, each turn one block of a speaker. */
function transcripts(speakers: string[], documents: Record<string, string[]>): LeximapResult {
  const document: number[] = [];
  const speaker: number[] = [];
  Object.values(documents).forEach((turns, d) => {
    for (const name of turns) {
      document.push(d);
      speaker.push(speakers.indexOf(name));
    }
  });
  return { speakers, documents: Object.keys(documents).map((name) => ({ name })), blocks: { document, speaker } } as unknown as LeximapResult;
}

describe('rareSpeakers', () => {
  const interviewer = Array.from({ length: 6 }, () => 'Interviewer');
  const many = (name: string) => Array.from({ length: 5 }, () => name);

  it('lists a rare speaker named like a frequent one, with the name it is probably a typo of', () => {
    const result = transcripts(['Interviewer', 'Amara', 'Intervewer', 'interviewer', 'Mr. Dauber', 'Mr. Dabor'], {
      P01: interviewer.flatMap((n) => [n, 'Amara']).concat(['Intervewer', 'Amara', 'interviewer']),
      board: [...many('Mr. Dauber').flatMap((n) => [n, 'Amara']), 'Mr. Dabor'],
    });
    expect(rareSpeakers(result)).toStrictEqual([
      { name: 'Intervewer', turns: 1, documents: ['P01'], like: 'Interviewer' },
      { name: 'interviewer', turns: 1, documents: ['P01'], like: 'Interviewer' },
      { name: 'Mr. Dabor', turns: 1, documents: ['board'], like: 'Mr. Dauber' },
    ]);
  });

  it('does not list numbered speakers, short names a letter apart, or rare speakers named like nobody', () => {
    const result = transcripts(['Speaker 1', 'Speaker 11', 'Tom', 'Tim', 'Malika', 'Jessica'], {
      board: [...many('Speaker 1').flatMap((n) => [n, 'Tom']), 'Speaker 11', 'Tim', 'Malika', 'Jessica', 'Malika'],
    });
    expect(rareSpeakers(result)).toStrictEqual([]);
  });
});

describe('stabilityLines', () => {
  const concept = (label: string, stability: number, themeStability?: number, kind = 'word') => ({ label, kind, stability, ...(themeStability === undefined ? {} : { themeStability }) });
  const spread = (mean: number) => ({ mean, min: mean - 0.1, max: mean + 0.1 });

  it('names the concepts found again in under half of the resamples, then those apart from most of their theme there', () => {
    const result = {
      stability: { runs: 10, leaveOut: 1, themeAri: spread(0.7), conceptJaccard: spread(0.9) },
      concepts: [concept('budget', 1, 0.9), concept('chapter', 0.9, 0.33), concept('jury', 0.3, 0.2), concept('people', 1), concept('Dan', 0, 0, 'tag')],
    } as unknown as LeximapResult;
    expect(stabilityLines(result)).toStrictEqual([
      '',
      'Stability over 10 resamples leaving out 1 document(s) each: themes ARI 0.70 (0.60–0.80), concepts Jaccard 0.90 (0.80–1.00)',
      '  found again in fewer than half of them: jury',
      "  with under half of their theme's other members in them: chapter",
    ]);
  });
});
