import { describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { rareSpeakers } from '../src/summary.ts';

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
