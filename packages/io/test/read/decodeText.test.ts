import { describe, expect, it } from 'vitest';
import { decodeText, findInvalidUtf8 } from '../../src/read/decodeText.ts';

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

  it('decodeText(…) rejects Latin-1 with E_ENCODING giving the byte offset', () => {
    expect(() => decodeText(Uint8Array.of(0x43, 0x61, 0x66, 0xe9, 0x21), 'latin1.txt')).toThrow(
      'latin1.txt: not valid UTF-8: byte 0xE9 at byte offset 3 is not UTF-8 (perhaps Latin-1 or Windows-1252); re-save the file as UTF-8',
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
