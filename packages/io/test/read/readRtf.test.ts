import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RTF_BYTES, readRtf } from '../../src/read/readRtf.ts';
import { readTextFile } from '../../src/read/readTextFile.ts';
import { sourceFor } from '../fixtures/source.ts';

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const turns = (doc: { text: string; paragraphs: { start: number; end: number; speaker?: string }[] }): [string | undefined, string][] =>
  doc.paragraphs.map((p) => [p.speaker, doc.text.slice(p.start, p.end)]);

/** Word's layout, written by hand: every table and destination a reader must leave out, and the escapes it must decode. */
const WORD = String.raw`{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\deff0{\fonttbl{\f0\froman\fcharset0\fprq2 Times New Roman;}{\f1\fswiss\fcharset204\fprq2 Arial Cyr;}{\f2\fnil\fcharset2 Symbol;}}
{\colortbl;\red0\green0\blue0;\red255\green0\blue0;}{\stylesheet{\ql \f0\fs24 \snext0 Normal;}{\s1\b\fs32 heading 1;}}
{\*\listtable{\list\listtemplateid1{\listlevel{\leveltext\'01\u-3913 ?;}}}}{\*\rsidtbl \rsid123}
{\info{\title Interview 3}{\author Ana Souza}{\creatim\yr2024\mo3\dy5}}{\*\generator Microsoft Word 16;}
{\header \pard\qr Confidential\par}{\footer \pard\qc Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}
\pard\plain\s1\b Interview 3\par
\pard\plain {\b Interviewer:} How did you st{\*\bkmkstart q1}art{\*\bkmkend q1}?{\*\atnid AS}{\*\annotation \pard a comment\par}\par
Amara: With a photo of the caf\'e9{\footnote \pard\plain a footnote\par}, na\u239\'3fve\tab and \u8220?happy\u8221?.\line Same turn {\v hidden text}\u55357?\u56832? \'96 {\pict\pngblip\picw10 89504e470d0a1a0a}{\*\shppict{\pict\pngblip 0000}}{\nonshppict{\pict\wmetafile8 0101}}done.\par
{\pntext\f2\'b7\tab}{\listtext\pard \'b7\tab}Interviewer: Visit {\field{\*\fldinst HYPERLINK "https://example.org"}{\fldrslt example.org}} or {\f1 \'cf\'f0\'e8\'e2\'e5\'f2}?\par
\uc2 Amara: Stra\u223\'df\'dfe\uc0\u8212  and a non\_breaking hyphen, \{braces\} and a back\\slash.\par
\trowd\cellx4000\cellx8000\pard\intbl Cell one\cell Cell two\cell\row
\pard Last words\
on a TextEdit line}
`;

describe('readRtf', () => {
  it("readRtf(…) keeps the body text of Word's layout: \\uN with its fallback skipped, \\'hh in the font's code page, no tables, info, header, notes, pictures or hidden text", async () => {
    const [doc] = await readRtf(latin1(WORD), sourceFor('P03.rtf'));
    expect(doc!.text).toBe(
      'Interview 3\n\n' +
        'Interviewer: How did you start?\n\n' +
        'Amara: With a photo of the café, naïve\tand \u201Chappy\u201D.\nSame turn 😀 \u2013 done.\n\n' +
        'Interviewer: Visit example.org or Привет?\n\n' +
        'Amara: Straße\u2014 and a non\u2011breaking hyphen, {braces} and a back\\slash.\n\n' +
        'Cell one\n\nCell two\n\n' +
        'Last words\n\non a TextEdit line\n\n',
    );
    expect(turns(doc!)).toStrictEqual([
      [undefined, 'Interview 3'],
      ['Interviewer', 'How did you start?'],
      ['Amara', 'With a photo of the café, naïve\tand \u201Chappy\u201D.\nSame turn 😀 \u2013 done.'],
      ['Interviewer', 'Visit example.org or Привет?'],
      ['Amara', 'Straße\u2014 and a non\u2011breaking hyphen, {braces} and a back\\slash.'],
      ['Amara', 'Cell one'],
      ['Amara', 'Cell two'],
      ['Amara', 'Last words'],
      ['Amara', 'on a TextEdit line'],
    ]);
  });

  it('readRtf(…) of a LibreOffice RTF gives the paragraphs and speakers of the .txt it was saved from', async () => {
    const rtf = await readFile(resolve(import.meta.dirname, '../fixtures/text/P05-lucia-libreoffice.rtf'));
    const txt = await readFile(resolve(import.meta.dirname, '../../../../examples/interviews/organisers/P05-lucia.txt'));
    const [fromRtf] = await readRtf(rtf, sourceFor('P05-lucia.rtf'));
    const [fromTxt] = await readTextFile(txt, sourceFor('P05-lucia.txt'));
    const squash = (pairs: [string | undefined, string][]): [string | undefined, string][] => pairs.map(([s, t]) => [s, t.replace(/\s+/g, ' ')]);
    expect(fromRtf!.paragraphs.length).toBeGreaterThan(20);
    expect(squash(turns(fromRtf!))).toStrictEqual(squash(turns(fromTxt!)));
    expect(fromRtf!.text).toContain('Lucía');
  });

  it('readRtf(…) rejects what is not RTF, unbalanced groups, bad escapes and unknown code pages, each in one line naming the file', async () => {
    const cases: [string, string, RegExp][] = [
      ['notes.rtf', 'Interviewer: plain text saved as .rtf', /^notes\.rtf: not an RTF file \(it does not start with \{\\rtf\)/],
      ['early.rtf', '{\\rtf1 Dan: one} Dan: two}', /^early\.rtf: not a readable RTF file \(unbalanced groups: a "\}" closes the document before its end\)/],
      ['cut.rtf', '{\\rtf1 Dan: one {\\b two', /^cut\.rtf: not a readable RTF file \(unbalanced groups: the file ends inside a group/],
      ['hex.rtf', "{\\rtf1 caf\\'zz}", /^hex\.rtf: not a readable RTF file \(a \\' escape without two hexadecimal digits\)/],
      ['cp.rtf', "{\\rtf1\\ansi\\ansicpg9999 caf\\'e9}", /^cp\.rtf: not a readable RTF file \(text in code page 9999, which leximap cannot decode\)/],
      ['u.rtf', '{\\rtf1 \\u99999999999 x}', /^u\.rtf: not a readable RTF file \(.*code point/i],
    ];
    for (const [file, content, message] of cases) {
      const error = await readRtf(latin1(content), sourceFor(file)).then(() => undefined, (e: unknown) => e);
      expect(error, file).toMatchObject({ code: 'E_PARSE', message: expect.stringMatching(message) });
      expect((error as Error).message, file).not.toContain('\n');
    }
  });

  it('readRtf(…) refuses hostile files before they cost memory: deep nesting, a \\bin longer than the file, a file over the size limit', async () => {
    const deep = `{\\rtf1 ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}`;
    await expect(readRtf(latin1(deep), sourceFor('deep.rtf'))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT', message: expect.stringMatching(/^deep\.rtf: .*groups nested deeper than 1000/) });
    await expect(readRtf(latin1('{\\rtf1 a\\bin2000000000 xx}'), sourceFor('bin.rtf'))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT', message: expect.stringMatching(/^bin\.rtf: .*a \\bin longer than the file/) });
    const huge = new Uint8Array(MAX_RTF_BYTES + 1);
    await expect(readRtf(huge, sourceFor('huge.rtf'))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT', message: `huge.rtf: this RTF file has ${MAX_RTF_BYTES + 1} bytes, more than the limit of ${MAX_RTF_BYTES}` });
  });

  it('readRtf(…) reads an empty document as no text, and accepts line breaks and NULs after the last "}"', async () => {
    const [empty] = await readRtf(latin1('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}'), sourceFor('empty.rtf'));
    expect(empty!.text).toBe('');
    const [tail] = await readRtf(latin1('{\\rtf1 Dan: done.\\par}\r\n\0'), sourceFor('tail.rtf'));
    expect(turns(tail!)).toStrictEqual([['Dan', 'done.']]);
  });
});
