import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTextShard, DEFAULTS, loadNlp, mergeShards, ShardMerger, type Document } from '../../src/index.ts';

await loadNlp();

/** One document of `Speaker: text` lines. */
function doc(id: string, lines: string[]): Document {
  const text = lines.join('\n');
  const paragraphs: Document['paragraphs'] = [];
  let pos = 0;
  for (const line of lines) {
    const colon = line.indexOf(': ');
    paragraphs.push({ speaker: line.slice(0, colon), start: pos + colon + 2, end: pos + line.length });
    pos += line.length + 1;
  }
  return { id, name: id, tags: [], text, paragraphs };
}

// "Marta" opens a sentence in the first document (pending) and is confirmed as a name only in the
// last; "Photos" opens one and is never a name elsewhere (it falls back to the word "photo").
const documents = [
  doc('a', ['Interviewer: Who helped you?', 'Ines: Marta helped me with the archive. Photos of the archive were scanned by volunteers.']),
  doc('b', ['Interviewer: And the library?', 'Ines: The library lent us scanners. The volunteers scanned photos every weekend.']),
  doc('c', ['Tomas: We met at the library.', 'Tomas: The archive grew.']),
  doc('d', ['Interviewer: Who else?', 'Tomas: I worked with Marta on the scanners and the archive.']),
];

describe('ShardMerger', () => {
  const whole = mergeShards([buildTextShard(documents, DEFAULTS)]);

  it('resolves a sentence-initial name by a later shard, and a never-confirmed one to its word', () => {
    const separate = mergeShards(documents.map((d) => buildTextShard([d], DEFAULTS)));
    const marta = separate.terms.indexOf('Marta');
    const firstBlock = Array.from(separate.blockTerms.subarray(separate.blockTermStarts[1], separate.blockTermStarts[2]), (t) => separate.terms[t]);
    expect(firstBlock).toEqual(expect.arrayContaining(['Marta', 'photo', 'archive']));
    expect(firstBlock).not.toContain('Photos');
    expect(separate.df[marta]).toBe(2);
  });

  it('mergeShards(any cut of the documents into shards) is the same TermStats as one shard', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: documents.length - 1 }), { maxLength: documents.length - 1 }), (cuts) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), documents.length];
        const merger = new ShardMerger();
        for (let i = 0; i + 1 < bounds.length; i++) merger.add(buildTextShard(documents.slice(bounds[i], bounds[i + 1]), DEFAULTS));
        expect(merger.finish()).toEqual(whole);
      }),
      { numRuns: 20 },
    );
  });
});
