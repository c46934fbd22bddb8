/**
 * The reading's invariants (test/readingChecks.ts) on real corpora in ../shared/data: PDPilot
 * (with and without the interviewer), 30 QMSum meetings, and 30 Supreme Court arguments.
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze, type Document } from '@leximap/core';
import { readCorpus } from '@leximap/io';
import { learningFigures, mapProblems, readingProblems } from '../readingChecks.ts';

const data = resolve(import.meta.dirname, '../../../shared/data/corpora');

/** A transcript document of `Speaker: text` turns, one paragraph each. */
function transcript(id: string, turns: { speaker: string; text: string }[]): Document {
  let text = '';
  const paragraphs: Document['paragraphs'] = [];
  for (const t of turns) {
    const speaker = t.speaker.replace(/[^\p{L}\p{N} ]/gu, '').trim() || 'Unknown';
    const start = text.length;
    text += t.text.replace(/\s+/g, ' ').trim();
    paragraphs.push({ speaker, start, end: text.length });
    text += '\n';
  }
  return { id, name: id, tags: [], text, paragraphs };
}

describe('the reading on real corpora', () => {
  it('PDPilot, with and without the interviewer: no duplicate, filler, title, direction or speaker concept, themes drawn apart; with all turns thesauri learn', async () => {
    const corpus = await readCorpus([resolve(data, 'pdpilot-interviews/transcripts_txt')]);
    for (const excludeSpeakers of [[], ['Dan']]) {
      const result = await analyze(corpus, { excludeSpeakers });
      expect(readingProblems(result)).toEqual([]);
      expect(mapProblems(result)).toEqual([]);
      if (excludeSpeakers.length > 0) continue;
      // Without the interviewer's turns PDPilot learns less (44 % of concepts with 3+ terms, docs/validity.md).
      expect(learningFigures(result).learning).toBeGreaterThanOrEqual(0.7);
      expect(learningFigures(result).evidence).toBeGreaterThanOrEqual(0.1);
    }
  });

  it('QMSum meetings: no duplicate, filler, title, direction or speaker concept', async () => {
    const folder = resolve(data, 'qmsum/data/ALL/train');
    const documents = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .filter((_, i) => i % 5 === 0)
      .slice(0, 30)
      .map((f) => {
        const meeting = JSON.parse(readFileSync(resolve(folder, f), 'utf8')) as { meeting_transcripts: { speaker: string; content: string }[] };
        return transcript(f, meeting.meeting_transcripts.map((t) => ({ speaker: t.speaker, text: t.content })));
      });
    const result = await analyze({ documents }, { stability: 0 });
    expect(readingProblems(result)).toEqual([]);
    expect(mapProblems(result)).toEqual([]);
  });

  it('Supreme Court arguments: no duplicate, filler, title, (Laughter.) or speaker concept', async () => {
    const lines = createInterface({ input: createReadStream(resolve(data, 'scotus-oyez/scotus-oyez-2020-2025.jsonl.gz')).pipe(createGunzip()) });
    const documents: Document[] = [];
    for await (const line of lines) {
      if (!line) continue;
      const t = JSON.parse(line) as { id: string; turns: { speaker: string | null; text: string }[] };
      documents.push(transcript(t.id, t.turns.map((turn) => ({ speaker: turn.speaker ?? 'Unknown', text: turn.text }))));
      if (documents.length === 30) break;
    }
    lines.close();
    const result = await analyze({ documents }, { stability: 0 });
    expect(readingProblems(result)).toEqual([]);
    expect(mapProblems(result)).toEqual([]);
    expect(result.concepts.map((c) => c.label)).not.toContain('Laughter');
  });
});
