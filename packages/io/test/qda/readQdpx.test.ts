import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdpx } from '../../src/qda/readQdpx.ts';
import { g, makeQdpx, NS, oneSourceProject } from './makeQdpx.ts';

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

function thrown(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

const FULL = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${NS}" name="full">
  <Users><User guid="${g(90)}" name="Ann"/></Users>
  <CodeBook><Codes>
    <Code guid="${g(1)}" name="Mentoring" isCodable="false" color="#ff0000">
      <Description>Getting help</Description>
      <Code guid="${g(2)}" name="Finding a mentor" isCodable="true"/>
    </Code>
    <Code guid="${g(3)}" name="Tools &amp; &#233;dits" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${g(70)}" name="age" typeOfVariable="Integer"/></Variables>
  <Cases><Case guid="${g(60)}" name="P1"><VariableValue><VariableRef targetGUID="${g(70)}"/><IntegerValue>34</IntegerValue></VariableValue><SourceRef targetGUID="${g(50)}"/></Case></Cases>
  <Sources>
    <TextSource guid="${g(50)}" name="P1.txt" plainTextPath="P1.txt">
      <PlainTextSelection guid="${g(100)}" startPosition="6" endPosition="12"><Coding guid="${g(200)}"><CodeRef targetGUID="${g(2)}"/></Coding><Coding guid="${g(201)}"><CodeRef targetGUID="${g(3)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(101)}" startPosition="0" endPosition="5"><Coding guid="${g(202)}"><CodeRef targetGUID="${g(60)}"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="${g(51)}" name="Inline"><PlainTextContent>  two words</PlainTextContent>
      <PlainTextSelection guid="${g(102)}" startPosition="2" endPosition="5"><Coding guid="${g(203)}"><CodeRef targetGUID="${g(9)}"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="${g(52)}" name="Gone" plainTextPath="internal://missing.txt">
      <PlainTextSelection guid="${g(103)}" startPosition="0" endPosition="3"><Coding guid="${g(204)}"><CodeRef targetGUID="${g(2)}"/></Coding></PlainTextSelection>
    </TextSource>
  </Sources>
  <Sets><Set guid="${g(80)}" name="Wave 1"><MemberCode targetGUID="${g(3)}"/><MemberSource targetGUID="${g(50)}"/></Set></Sets>
</Project>`;

describe('readQdpx', () => {
  const project = readQdpx(makeQdpx(FULL, { 'Sources/P1.txt': '\uFEFFHello mentor world\n' }, 'Any Name.qde'), { file: 'full.qdpx' });

  it('readQdpx(…) reads the nested code tree with isCodable, colours, descriptions and decoded entities', () => {
    expect(project.codes).toEqual([
      { id: g(1), name: 'Mentoring', path: ['Mentoring'], codable: false, colour: '#FF0000', description: 'Getting help' },
      { id: g(2), name: 'Finding a mentor', path: ['Mentoring', 'Finding a mentor'], parentId: g(1), codable: true },
      { id: g(3), name: 'Tools & édits', path: ['Tools & édits'], codable: true },
    ]);
  });
  it('readQdpx(…) turns each coding of a selection into a segment, BOM stripped, from a bare path under Sources/', () => {
    expect(project.segments).toEqual([
      { codeId: g(2), document: 'P1.txt', start: 6, end: 12, text: 'mentor', selectionId: g(100) },
      { codeId: g(3), document: 'P1.txt', start: 6, end: 12, text: 'mentor', selectionId: g(100) },
    ]);
    expect(project.documents?.map((d) => [d.id, d.name, d.text])).toEqual([
      ['P1.txt', 'P1', 'Hello mentor world\n'],
      ['Inline', 'Inline', '  two words'],
    ]);
  });
  it('readQdpx(…) does not read codings that point at cases as codes (NVivo)', () => {
    expect(project.notes).toContain('1 codings point at cases, not codes (NVivo case classification); they are not read as codes');
  });
  it('readQdpx(…) reports unknown codes and sources without text as unresolved, and the located share', () => {
    expect(project.unresolved.map((u) => [u.document, u.reason])).toEqual([
      ['Inline', `coded with unknown code GUID ${g(9)}`],
      ['Gone', 'source text "internal://missing.txt" is not in the project'],
    ]);
    expect(project.located).toBe(0.5);
  });
  it('readQdpx(…) reads users, sets and cases, and tags documents with them', () => {
    expect(project.users).toEqual([{ id: g(90), name: 'Ann' }]);
    expect(project.sets).toEqual([{ id: g(80), name: 'Wave 1', codes: [g(3)], documents: ['P1.txt'] }]);
    expect(project.cases).toEqual([{ id: g(60), name: 'P1', documents: ['P1.txt'], variables: { age: '34' } }]);
    expect(project.documents?.[0]?.tags).toEqual(['set:Wave 1', 'case:P1']);
  });
  it('readQdpx(…) reads an older namespace and namespace prefixes the same way', () => {
    const qde = `<q:Project xmlns:q="urn:QDA-XML:project:0:10" name="old"><q:CodeBook><q:Codes><q:Code guid="${g(1)}" name="A" isCodable="true"/></q:Codes></q:CodeBook></q:Project>`;
    expect(readQdpx(makeQdpx(qde)).codes.map((c) => c.name)).toEqual(['A']);
  });
});

describe('readQdpx offsets', () => {
  it('readQdpx(…) reads standard code point offsets, astral characters counted once', () => {
    const text = 'I 😀 love tea';
    const coding = readQdpx(oneSourceProject(text, [[4, 8, g(1)]]));
    expect(coding.offsets?.[0]?.mode).toBe('codepoints');
    expect(coding.segments[0]).toMatchObject({ start: 4, end: 8, text: 'love' });
  });
  it('readQdpx(…) detects UTF-16 unit offsets when they fall on word boundaries and code points do not', () => {
    const text = 'I 😀 love tea and 😀 cake';
    // UTF-16: "love" = [5, 9), "cake" = [21, 25); read as code points they would cut words.
    const coding = readQdpx(oneSourceProject(text, [[5, 9, g(1)], [21, 25, g(1)]]));
    expect(coding.offsets?.[0]?.mode).toBe('utf16');
    expect(coding.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [4, 8, 'love'],
      [19, 23, 'cake'],
    ]);
  });
  it('readQdpx(…) detects a CR LF pair counted as one character', () => {
    const text = 'first line\r\nsecond line\r\nthird words here';
    // CRLF as 1: "second" = [11, 17), "third" = [23, 28).
    const coding = readQdpx(oneSourceProject(text, [[11, 17, g(1)], [23, 28, g(1)]]));
    expect(coding.offsets?.[0]?.mode).toBe('crlf1');
    expect(coding.segments.map((s) => s.text)).toEqual(['second', 'third']);
  });
  it('readQdpx(…) keeps CR LF counted as two when that puts selections on word boundaries', () => {
    const text = 'first line\r\nsecond line\r\nthird words here';
    const coding = readQdpx(oneSourceProject(text, [[12, 18, g(1)], [25, 30, g(1)]]));
    expect(coding.offsets?.[0]?.mode).toBe('codepoints');
    expect(coding.segments.map((s) => s.text)).toEqual(['second', 'third']);
  });
});

describe('readQdpx bad input', () => {
  it('readQdpx(…) refuses bytes that are not a zip with E_BAD_QDPX naming the file', () => {
    const error = thrown(() => readQdpx(new TextEncoder().encode('not a zip at all'), { file: 'x.qdpx' }));
    expect(codeOf(error)).toBe('E_BAD_QDPX');
    expect(error.message).toMatch(/^x\.qdpx: is not a zip archive/);
  });
  it('readQdpx(…) refuses a zip without a .qde', () => {
    const error = thrown(() => readQdpx(zipSync({ 'readme.txt': new Uint8Array([65]) }), { file: 'x.qdpx' }));
    expect(codeOf(error)).toBe('E_BAD_QDPX');
    expect(error.message).toMatch(/no \.qde project file/);
  });
  it('readQdpx(…) refuses a zip bomb before inflating it', () => {
    const bomb = zipSync({ 'project.qde': new Uint8Array(0), 'sources/big.txt': new Uint8Array(20 * 2 ** 20) });
    const error = thrown(() => readQdpx(bomb, { file: 'bomb.qdpx' }));
    expect(codeOf(error)).toBe('E_UNSAFE_INPUT');
    expect(error.message).toMatch(/^bomb\.qdpx: zip entry "sources\/big\.txt" would inflate \d+ bytes to 20971520/);
  });
  it('readQdpx(…) refuses a project over the total size limit', () => {
    const error = thrown(() => readQdpx(oneSourceProject('some text', []), { limits: { maxTotalBytes: 100 } }));
    expect(codeOf(error)).toBe('E_UNSAFE_INPUT');
    expect(error.message).toMatch(/more than the limit of 100/);
  });
  it('readQdpx(…) refuses XML entity expansion (billion laughs)', () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]><Project xmlns="${NS}" name="&b;"/>`;
    const error = thrown(() => readQdpx(makeQdpx(qde)));
    expect(codeOf(error)).toBe('E_UNSAFE_INPUT');
  });
  it('readQdpx(…) refuses external entities', () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="${NS}" name="&x;"/>`;
    const error = thrown(() => readQdpx(makeQdpx(qde)));
    expect(codeOf(error)).toBe('E_UNSAFE_INPUT');
    expect(error.message).toMatch(/has a DOCTYPE with an internal subset/);
  });
  it('readQdpx(…) refuses an internal subset hidden behind a "<" in the DOCTYPE\'s SYSTEM literal', () => {
    // The probe's 46 KB project: 20,000 references to a 10 k-character entity made a 200 M-character
    // source and crashed Node; a smaller one shows the same hole without the crash.
    const qde = `<?xml version="1.0"?><!DOCTYPE Project SYSTEM "<P>" [<!ENTITY big "${'x'.repeat(100)}">]><Project xmlns="${NS}" name="p"><Description>${'&big;'.repeat(20)}</Description></Project>`;
    const error = thrown(() => readQdpx(makeQdpx(qde), { file: 'laughs.qdpx' }));
    expect(codeOf(error)).toBe('E_UNSAFE_INPUT');
    expect(error.message).toMatch(/^laughs\.qdpx!project\.qde: has a DOCTYPE with an internal subset/);
  });
  it('readQdpx(…) reads a project whose DOCTYPE has no internal subset, brackets inside its literals', () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE Project SYSTEM "a[b].dtd"><Project xmlns="${NS}" name="p &amp; q"/>`;
    expect(readQdpx(makeQdpx(qde)).codes).toEqual([]);
  });
  it('readQdpx(…) refuses duplicate GUIDs naming both elements', () => {
    const codes = `<Code guid="${g(1)}" name="A" isCodable="true"/><Code guid="${g(1).toLowerCase()}" name="B" isCodable="true"/>`;
    const error = thrown(() => readQdpx(oneSourceProject('text', [], codes), { file: 'dup.qdpx' }));
    expect(codeOf(error)).toBe('E_BAD_QDPX');
    expect(error.message).toBe(`dup.qdpx: duplicate GUID ${g(1)}: used by code "A" and by code "B"; every GUID must be unique`);
  });
  it('readQdpx(…) refuses a selection past the end of its source', () => {
    const error = thrown(() => readQdpx(oneSourceProject('short', [[2, 40, g(1)]]), { file: 'p.qdpx' }));
    expect(codeOf(error)).toBe('E_BAD_QDPX');
    expect(error.message).toBe(`p.qdpx: selection ${g(100)} in "doc.txt" ends at 40, past the end of the source (5 characters); the project and its sources do not match`);
  });
  it('readQdpx(…) says a negative start is negative, and a start after its end is after its end', () => {
    const project = readQdpx(oneSourceProject('some text here', [[-50, 400, g(1)], [9, 4, g(1)]]), { file: 'p.qdpx' });
    expect(project.unresolved.map((u) => u.reason)).toEqual([`selection ${g(100)} has a negative start position -50`, `selection ${g(101)} starts at 9, after its end at 4`]);
  });
  it('readQdpx(…) refuses malformed XML with E_BAD_QDPX', () => {
    expect(codeOf(thrown(() => readQdpx(makeQdpx('<Project><Users></Project>'))))).toBe('E_BAD_QDPX');
  });
});
