import { describe, expect, it } from 'vitest';
import { buildTextShard, DEFAULTS, mergeShards, NAME, sliceCodePoints, type Document } from '../../src/index.ts';

function doc(text: string, turns: { speaker?: string; start: number; end: number }[], id = 'd'): Document {
  return { id, name: id, tags: [], text, paragraphs: turns };
}

/** Paragraph spans of `Speaker: text` lines (a tiny stand-in for io's transcript parser). */
function turns(text: string): { speaker?: string; start: number; end: number }[] {
  const out: { speaker?: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const m = /^(\w+): /.exec(line);
    if (line.trim()) out.push({ ...(m ? { speaker: m[1] } : {}), start: pos + (m ? m[0].length : 0), end: pos + line.length });
    pos += line.length + 1;
  }
  return out;
}

describe('buildTextShard', () => {
  const text = [
    'Interviewer: How did you start editing?',
    'Amara: My mentor Lisa left a message on my talk page. She explained the policies. Then I joined an edit-a-thon in the library. The librarians were kind.',
    'Amara: Later Lisa asked me to run a workshop.',
  ].join('\n');
  const shard = buildTextShard([doc(text, turns(text))], DEFAULTS);
  const stats = mergeShards([shard]);
  const blocks = Array.from({ length: stats.blocks.doc.length }, (_, b) => ({
    text: text.slice(stats.blocks.start[b], stats.blocks.end[b]),
    terms: Array.from(stats.blockTerms.subarray(stats.blockTermStarts[b], stats.blockTermStarts[b + 1]), (t) => stats.terms[t]),
    speaker: stats.speakers[stats.blocks.speaker[b]!],
  }));

  it('buildTextShard(…) groups two sentences per block and never crosses a speaker turn', () => {
    expect(blocks.map((b) => b.text)).toEqual([
      'How did you start editing?',
      'My mentor Lisa left a message on my talk page. She explained the policies.',
      'Then I joined an edit-a-thon in the library. The librarians were kind.',
      'Later Lisa asked me to run a workshop.',
    ]);
    expect(blocks.map((b) => b.speaker)).toEqual(['Interviewer', 'Amara', 'Amara', 'Amara']);
  });

  it('buildTextShard(…) keeps lemmas of content words and drops stop words and fillers', () => {
    expect(blocks[1]!.terms).toEqual(expect.arrayContaining(['mentor', 'message', 'page', 'policy', 'Lisa']));
    expect(blocks[1]!.terms).not.toContain('she');
    expect(blocks[1]!.terms).not.toContain('left');
    expect(blocks[2]!.terms).toEqual(expect.arrayContaining(['library', 'librarian', 'join']));
  });

  it('buildTextShard(…) keeps names case-sensitive as name terms', () => {
    const lisa = stats.terms.indexOf('Lisa');
    expect(lisa).toBeGreaterThanOrEqual(0);
    expect(stats.kinds[lisa]).toBe(NAME);
    expect(stats.df[lisa]).toBe(2);
  });

  it('buildTextShard(…) resolves a sentence-initial capitalised word to a name only when it is one elsewhere', () => {
    const t = 'Amara: Kwame helped me a lot. I met Kwame at the meetup. Photos are what I love. I upload photos daily.';
    const s = mergeShards([buildTextShard([doc(t, turns(t))], { ...DEFAULTS, blockSentences: 1 })]);
    expect(s.df[s.terms.indexOf('Kwame')]).toBe(2);
    expect(s.df[s.terms.indexOf('Photos')]).toBe(0);
    expect(s.df[s.terms.indexOf('photo')]).toBe(2);
  });

  it('buildTextShard(…) excludes a speaker from learning but keeps the block', () => {
    const s = mergeShards([buildTextShard([doc(text, turns(text))], { ...DEFAULTS, excludeSpeakers: ['interviewer'] })]);
    expect(s.blocks.excluded[0]).toBe(1);
    expect(s.blockTermStarts[1]).toBe(0);
    expect(s.activeBlocks).toBe(3);
  });

  it('buildTextShard(…) gives offsets in code points that slice back to the block, with emoji and markup', () => {
    const t = 'Mei: I love 📷 photos (laughs) of the castle. Commons took them all.\nMei: [inaudible] The 🏰 contest was fun. We won a prize.';
    const s = mergeShards([buildTextShard([doc(t, turns(t))], DEFAULTS)]);
    const texts = Array.from({ length: s.blocks.doc.length }, (_, b) => sliceCodePoints(t, s.blocks.start[b]!, s.blocks.end[b]!));
    expect(texts).toEqual(['I love 📷 photos (laughs) of the castle. Commons took them all.', 'The 🏰 contest was fun. We won a prize.']);
    expect(s.terms).not.toContain('laugh');
    expect(s.terms).not.toContain('inaudible');
  });
});
