import { describe, expect, it } from 'vitest';
import type { Document } from '@leximap/core';
import { readPdf } from '../../src/read/readPdf.ts';
import { makePdf, type PdfLine } from '../fixtures/makePdf.ts';
import { sourceFor, utf8 } from '../fixtures/source.ts';

function turns(doc: Document): { content: string; speaker?: string }[] {
  return doc.paragraphs.map((p) => ({ content: doc.text.slice(p.start, p.end), ...(p.speaker === undefined ? {} : { speaker: p.speaker }) }));
}

/** Lines 12 units apart from `top` down, a paragraph gap of 24 before the lines given as null. */
function column(top: number, lines: (string | null)[]): PdfLine[] {
  const out: PdfLine[] = [];
  let y = top;
  for (const line of lines) {
    if (line === null) y -= 12;
    else {
      out.push({ text: line, y });
      y -= 12;
    }
  }
  return out;
}

const LONG = 'and this line is long enough to reach the right edge, as a wrapped line does';

describe('readPdf', () => {
  it('readPdf(…) reads the text layer: lines, paragraphs at gaps and at speaker markers, page numbers and repeated lines left out', async () => {
    const page1 = [
      ...column(800, ['Interview', 'Dan: How did you start?', null, `Participant: I started ${LONG}`, 'of my village.', null, `Dan: And then you went on ${LONG}`]),
      { text: '1/2', y: 20, x: 540 },
      { text: '1', y: 800, x: 20 },
    ];
    const page2 = [
      ...column(800, [`Dan: And then you went on ${LONG}`, 'for years?', null, 'Participant: Yes.']),
      { text: '2/2', y: 20, x: 540 },
    ];
    const [doc] = await readPdf(makePdf([page1, page2]), sourceFor('P1.pdf'));
    expect(turns(doc!)).toStrictEqual([
      { content: 'Interview' },
      { content: 'How did you start?', speaker: 'Dan' },
      { content: `I started ${LONG}\nof my village.`, speaker: 'Participant' },
      { content: `And then you went on ${LONG}\nfor years?`, speaker: 'Dan' },
      { content: 'Yes.', speaker: 'Participant' },
    ]);
    expect(doc!.text).not.toMatch(/1\/2|2\/2/);
  });

  it('readPdf(…) drops a running header repeated on most pages, digits aside', async () => {
    const answers = ['Yes.', 'No, never.', 'Sometimes, on Sundays.'];
    const pages = [1, 2, 3].map((n) => [{ text: `Study transcript, page ${n}`, y: 820 }, ...column(780, [`Dan: Question ${n}?`, null, `Participant: ${answers[n - 1]}`])]);
    const [doc] = await readPdf(makePdf(pages), sourceFor('header.pdf'));
    expect(doc!.text).not.toContain('Study transcript');
    expect(turns(doc!).map((t) => t.speaker)).toStrictEqual(['Dan', 'Participant', 'Dan', 'Participant', 'Dan', 'Participant']);
  });

  it('readPdf(…) rejects a file that is not a PDF, a broken PDF, an encrypted PDF and one without text, each in one line', async () => {
    await expect(readPdf(utf8('Dan: this is a text file named .pdf'), sourceFor('fake.pdf'))).rejects.toMatchObject({
      code: 'E_PARSE',
      message: 'fake.pdf: not a PDF file (no %PDF- header); export it from its application again',
    });
    await expect(readPdf(utf8('%PDF-1.4\n1 0 obj << /Type /Catalog'), sourceFor('broken.pdf'))).rejects.toMatchObject({
      code: 'E_PARSE',
      message: expect.stringMatching(/^broken\.pdf: not a readable PDF \(.+\); export it from its application again$/),
    });
    await expect(readPdf(makePdf([column(800, ['Dan: secret'])], { encrypted: true }), sourceFor('locked.pdf'))).rejects.toMatchObject({
      code: 'E_PARSE',
      message: 'locked.pdf: this PDF is encrypted (it needs a password); save an unprotected copy and read that',
    });
    await expect(readPdf(makePdf([[]]), sourceFor('scan.pdf'))).rejects.toThrow('scan.pdf: this PDF has no text layer (a scan?); run text recognition (OCR) on it first');
  });

  it('readPdf(…) leaves the bytes it was given intact', async () => {
    const bytes = makePdf([column(800, ['Dan: Hello.'])]);
    const copy = bytes.slice();
    await readPdf(bytes, sourceFor('a.pdf'));
    expect(bytes).toStrictEqual(copy);
  });
});
