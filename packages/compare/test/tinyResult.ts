/**
 * A hand-built result for the compare tests: three documents, seven blocks of 10 code points,
 * two learned concepts and one tag concept, one theme. Block sets:
 *   alpha = {0, 5}, beta = {2, 3, 4}; documents A = blocks 0–3, B = 4–5, C = 6.
 */
import type { LeximapResult } from '@leximap/core';
import type { ManualCoding } from '@leximap/io';

export function tinyResult(): LeximapResult {
  const blockConcepts: number[][] = [[0], [], [1], [1], [1], [0], []];
  const conceptStarts = [0];
  for (const list of blockConcepts) conceptStarts.push((conceptStarts.at(-1) as number) + list.length);
  const concept = (id: number, label: string, kind: 'word' | 'tag', quotes: number[]) => ({
    id, label, kind, count: 0, relevance: 1, connectedness: 0, x: 0, y: 0, theme: kind === 'tag' ? -1 : 0, seeds: [], thesaurus: [], quotes,
    ...(kind === 'tag' ? { category: 'code' } : {}),
  });
  return {
    schemaVersion: 6,
    generator: { name: 'leximap', version: 'test', nlpModel: 'none' },
    parameters: { seed: 7 } as LeximapResult['parameters'],
    corpus: { documents: 3, paragraphs: 7, sentences: 7, blocks: 7, tokens: 0, terms: 0, candidates: 0 },
    speakers: [],
    documents: [
      { id: 'A.txt', name: 'A', tags: [], speakers: [], blockStart: 0, blockEnd: 4, length: 40 },
      { id: 'B.txt', name: 'B', tags: [], speakers: [], blockStart: 4, blockEnd: 6, length: 20 },
      { id: 'C.txt', name: 'C', tags: [], speakers: [], blockStart: 6, blockEnd: 7, length: 10 },
    ],
    blocks: {
      document: [0, 0, 0, 0, 1, 1, 2],
      paragraph: [0, 1, 2, 3, 0, 1, 0],
      start: [0, 10, 20, 30, 0, 10, 0],
      end: [10, 20, 30, 40, 10, 20, 10],
      speaker: [-1, -1, -1, -1, -1, -1, -1],
      conceptStarts,
      concepts: blockConcepts.flat(),
      scores: blockConcepts.flat().map(() => 1),
      excluded: [0, 0, 0, 0, 0, 0, 0],
    },
    concepts: [concept(0, 'alpha', 'word', [5, 0]), concept(1, 'beta', 'word', [2]), concept(2, 'Top > X', 'tag', [])],
    themes: [{ id: 0, name: 'alpha', parent: 0, members: [0, 1], connectivity: 1, relevance: 1, rank: 0, colour: '#ff0000', x: 0, y: 0, radius: 1 }],
    cooccurrence: { a: [], b: [], count: [] },
    quotes: { pairs: [], excerpts: [] },
    layout: { mode: 'gaussian', stress: 0, stresses: [0], bestStart: 0 },
  };
}

/**
 * Codes X (Top > X): A[5,12) (half of block 0, a fifth of block 1) and B[0,10) (block 4);
 * Y (Other > Y): A[25,40) (half of block 2, all of block 3); Z (Top > Z): a segment in a
 * document the result lacks; one unresolved segment.
 */
export function tinyCoding(): ManualCoding {
  const code = (id: string, path: string[], parentId?: string) => ({ id, name: path.at(-1) as string, path, codable: true, ...(parentId ? { parentId } : {}) });
  return {
    format: 'csv',
    source: 'codes/tiny.csv',
    codes: [code('Top', ['Top']), code('X', ['Top', 'X'], 'Top'), code('Z', ['Top', 'Z'], 'Top'), code('Other', ['Other']), code('Y', ['Other', 'Y'], 'Other')],
    segments: [
      { codeId: 'X', document: 'A.txt', start: 5, end: 12, text: '' },
      { codeId: 'X', document: 'B', start: 0, end: 10, text: '' },
      { codeId: 'Y', document: 'A.txt', start: 25, end: 40, text: '' },
      { codeId: 'Z', document: 'D.txt', start: 0, end: 5, text: '' },
    ],
    unresolved: [{ codeId: 'Y', document: 'A', text: 'gone', reason: 'segment text not found in "A"' }],
    located: 0.8,
    notes: [],
  };
}
