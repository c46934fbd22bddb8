import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusDetailed } from '../../src/read/readCorpus.ts';
import { readDocuments } from '../../src/read/readDocuments.ts';
import type { ReaderNote } from '../../src/read/Reader.ts';
import type { SourceFile } from '../../src/read/SourceFile.ts';
import { tableDocuments } from '../../src/read/tableDocuments.ts';
import { g, makeQdpx, NS } from '../qda/makeQdpx.ts';
import { tempDir } from '../fixtures/tempDir.ts';

function source(path: string): SourceFile {
  const file = path.split('/').pop()!;
  const name = file.slice(0, file.lastIndexOf('.'));
  return { path, relativePath: file, id: file, name, tags: [`file:${name}`] };
}

describe('reader notes', () => {
  it('readDocuments(…) notes a .qdpx source whose text file is missing, with its coded selections, instead of dropping it silently', async () => {
    const qde = `<?xml version="1.0"?><Project xmlns="${NS}" name="p"><CodeBook><Codes><Code guid="${g(1)}" name="C" isCodable="true"/></Codes></CodeBook><Sources>
      <TextSource guid="${g(50)}" name="Here" plainTextPath="internal://here.txt"/>
      <TextSource guid="${g(51)}" name="Gone" plainTextPath="internal://gone.txt">
        <PlainTextSelection guid="${g(100)}" startPosition="0" endPosition="3"><Coding guid="${g(200)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
        <PlainTextSelection guid="${g(101)}" startPosition="4" endPosition="8"><Coding guid="${g(201)}"><CodeRef targetGUID="${g(1)}"/></Coding></PlainTextSelection>
      </TextSource></Sources></Project>`;
    const path = join(await tempDir(), 'project.qdpx');
    await writeFile(path, makeQdpx(qde, { 'sources/here.txt': 'Some text here.' }));
    const notes: ReaderNote[] = [];
    const documents = await readDocuments(source(path), {}, notes);
    expect(documents.map((d) => d.name)).toStrictEqual(['Here']);
    expect(notes).toStrictEqual([{ path, reason: 'source "Gone" with 2 coded selections left out: source text "internal://gone.txt" is not in the project' }]);
    // …and it reaches the list of what was left out, without --skip-bad-files.
    expect((await readCorpusDetailed([path])).skipped).toStrictEqual([{ path, reason: notes[0]!.reason, code: 'E_PARSE' }]);
  });

  it('tableDocuments(…) makes no tags of a column with a different value in every row, and says so', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ row: i + 2, cells: [String(1000 + i), i % 2 ? 'north' : 'south', `Answer number ${i} about the library.`] }));
    const notes: ReaderNote[] = [];
    const documents = tableDocuments({ header: ['id', 'site', 'text'], rows }, source('survey.csv'), {}, notes);
    expect(documents[0]!.tags).toStrictEqual(['file:survey', 'site:south']);
    expect(notes).toStrictEqual([{ path: 'survey.csv', reason: 'column "id" has a different value in each row, so it is not made tags (a tag groups rows)' }]);
  });

  it('tableDocuments(…) keeps a distinct column of a small table as tags (one participant per row)', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ row: i + 2, cells: [`P${i}`, `Answer ${i} about the library.`] }));
    const notes: ReaderNote[] = [];
    expect(tableDocuments({ header: ['participant', 'text'], rows }, source('t.csv'), {}, notes)[0]!.tags).toStrictEqual(['file:t', 'participant:P0']);
    expect(notes).toStrictEqual([]);
  });

  it('readDocuments(…) notes a run of characters too long to be a word, where it is and how long', async () => {
    const path = join(await tempDir(), 'blob.txt');
    await writeFile(path, `Some words first.\n\n${'A'.repeat(400_000)}\n\nMore words after.`);
    const notes: ReaderNote[] = [];
    const [document] = await readDocuments(source(path), {}, notes);
    expect(document!.text.length).toBe(400_038);
    expect(notes).toStrictEqual([{ path, reason: 'a run of over 1000 characters without a space, the longest 400000 at character 19, left out of the analysis (no word is that long)' }]);
  });
});
