import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, decodeTextDetailed, findInvalidUtf8 } from '../../src/read/decodeText.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('decodeText(…) removes a UTF-8 byte-order mark and keeps everything else', () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62))).toBe('a\r\nb');
  });

  it('decodeText(…) reads UTF-16 with a byte-order mark', () => {
    expect(decodeText(Uint8Array.of(0xff, 0xfe, 0x61, 0x00, 0xe5, 0x00))).toBe('aå');
    expect(decodeText(Uint8Array.of(0xfe, 0xff, 0x00, 0x61, 0xd8, 0x3d, 0xde, 0x00))).toBe('a\u{1F600}');
  });

  it('decodeText(…) rejects a NUL byte as binary', () => {
    expect(() => decodeText(Uint8Array.of(0x61, 0x00), 'x.txt')).toThrow('x.txt: this is a binary file, not text (a NUL byte at offset 1); convert it to .txt, .docx or .csv first');
  });

  it('decodeText(…) rejects many control characters as binary but allows tabs and form feeds', () => {
    expect(() => decodeText(Uint8Array.of(1, 2, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68))).toThrow(/2 control characters in the first 10 bytes/);
    expect(decodeText(Uint8Array.of(0x09, 0x0c, 0x61, 0x0a))).toBe('\t\fa\n');
  });

  it('decodeTextDetailed(…) decodes Windows-1252 and Latin-1 with iconv-lite and says it detected them', () => {
    const text = 'Interviewer: Qu’est-ce que vous pensez de la façade du café, et de l’été à Noël? “Très” bien — naïve.';
    const decoded = decodeTextDetailed(iconv.encode(text, 'windows-1252'), 'w.txt');
    expect(decoded).toEqual({ text, encoding: 'windows-1252', detected: true });
    const latin = 'Teilnehmer: Wir haben über die Größe der Gärten gesprochen, und die Straße war schön.';
    expect(decodeTextDetailed(iconv.encode(latin, 'latin1'))).toEqual({ text: latin, encoding: 'ISO-8859-1', detected: true });
    expect(decodeText(Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x21))).toBe('Café!');
  });

  it('decodeTextDetailed(…) says UTF-8 and UTF-16 with a byte-order mark are not guesses', () => {
    expect(decodeTextDetailed(utf8('aé'))).toEqual({ text: 'aé', encoding: 'UTF-8', detected: false });
    expect(decodeTextDetailed(Uint8Array.of(0xff, 0xfe, 0x61, 0x00))).toEqual({ text: 'a', encoding: 'UTF-16LE', detected: false });
  });

  it('decodeTextDetailed(…) detects UTF-16 without a byte-order mark, either byte order', () => {
    const text = 'Dan: Hej å, this is UTF-16 without a mark.\n';
    const le = Uint8Array.from(Buffer.from(text, 'utf16le'));
    const be = Uint8Array.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(decodeTextDetailed(le)).toEqual({ text, encoding: 'UTF-16LE', detected: true });
    expect(decodeTextDetailed(be)).toEqual({ text, encoding: 'UTF-16BE', detected: true });
  });

  it('decodeText(…) still calls NUL bytes on both parities binary', () => {
    expect(() => decodeText(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 0, 3, 0, 0, 7, 0), 'image.txt')).toThrow(/image\.txt: this is a binary file/);
  });

  it('decodeText(…) rejects a file that mixes UTF-8 with invalid bytes, giving the byte offset', () => {
    expect(() => decodeText(Uint8Array.of(0x43, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0xe9, 0x21), 'mixed.txt')).toThrow(
      'mixed.txt: mixes UTF-8 with another encoding: byte 0xE9 at byte offset 6 is not UTF-8, although other characters are; re-save the file as UTF-8',
    );
  });

  it('findInvalidUtf8(…) finds overlong, surrogate, out-of-range and cut sequences', () => {
    expect(findInvalidUtf8(utf8('aé\u{1F600}€'))).toBe(-1);
    expect(findInvalidUtf8(Uint8Array.of(0x61, 0xc0, 0xaf))).toBe(1);
    expect(findInvalidUtf8(Uint8Array.of(0xe0, 0x80, 0xaf))).toBe(0);
    expect(findInvalidUtf8(Uint8Array.of(0x61, 0x62, 0xed, 0xa0, 0x80))).toBe(2);
    expect(findInvalidUtf8(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(findInvalidUtf8(Uint8Array.of(0x61, 0xe2, 0x82))).toBe(1);
    expect(findInvalidUtf8(Uint8Array.of(0x80))).toBe(0);
  });
});
