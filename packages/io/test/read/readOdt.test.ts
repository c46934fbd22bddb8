import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOdt } from '../../src/read/readOdt.ts';
import { sourceFor, utf8 } from '../fixtures/source.ts';

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"';

function odt(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content), ...extra });
}

describe('readOdt', () => {
  it('readOdt(…) reads paragraphs, headings, lists and table cells in order, with spaces, tabs and line breaks', async () => {
    const body = [
      '<text:h text:outline-level="1">Interview 3</text:h>',
      '<text:p>Interviewer: How did you <text:span text:style-name="T1">start</text:span>?<office:annotation><dc:creator>Ana</dc:creator><text:p>a comment</text:p></office:annotation></text:p>',
      '<text:p>Amara: With a photo<text:note><text:note-body><text:p>a footnote</text:p></text:note-body></text:note>.<text:s text:c="2"/>Then<text:tab/>more.<text:line-break/>Same turn &amp; line.</text:p>',
      '<text:list><text:list-item><text:p>Interviewer: And then?</text:p></text:list-item></text:list>',
      '<table:table><table:table-row><table:table-cell><text:p>Amara: A walk.</text:p></table:table-cell></table:table-row></table:table>',
    ].join('');
    const [doc] = await readOdt(odt(body), sourceFor('P03.odt'));
    expect(doc!.text).toBe('Interview 3\n\nInterviewer: How did you start?\n\nAmara: With a photo.  Then\tmore.\nSame turn & line.\n\nInterviewer: And then?\n\nAmara: A walk.\n\n');
    expect(doc!.paragraphs.map((p) => [p.speaker, doc!.text.slice(p.start, p.end)])).toStrictEqual([
      [undefined, 'Interview 3'],
      ['Interviewer', 'How did you start?'],
      ['Amara', 'With a photo.  Then\tmore.\nSame turn & line.'],
      ['Interviewer', 'And then?'],
      ['Amara', 'A walk.'],
    ]);
  });

  it('readOdt(…) refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ 'content.xml': new Uint8Array(4 * 2 ** 20).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(40_000);
    await expect(readOdt(bomb, sourceFor('bomb.odt'))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT', message: expect.stringMatching(/^bomb\.odt: .*zip bomb/) });
  });

  it('readOdt(…) rejects a file that is not a zip, a zip without content.xml, broken XML and a DOCTYPE, each in one line', async () => {
    await expect(readOdt(utf8('plain text named .odt'), sourceFor('fake.odt'))).rejects.toMatchObject({ code: 'E_PARSE', message: expect.stringMatching(/^fake\.odt: not a readable \.odt file/) });
    await expect(readOdt(zipSync({ 'word/document.xml': strToU8('<w/>') }), sourceFor('docx.odt'))).rejects.toThrow('docx.odt: not an OpenDocument text (no content.xml in the zip); open and re-save it in LibreOffice');
    await expect(readOdt(zipSync({ 'content.xml': strToU8('<office:document-content><text:p>open') }), sourceFor('cut.odt'))).rejects.toMatchObject({ code: 'E_PARSE', message: expect.stringMatching(/^cut\.odt: not a readable \.odt file \(content\.xml: /) });
    const xxe = zipSync({ 'content.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') });
    await expect(readOdt(xxe, sourceFor('xxe.odt'))).rejects.toMatchObject({ code: 'E_UNSAFE_INPUT' });
  });
});
