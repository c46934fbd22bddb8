import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceWords, type Word } from '../../../src/text/languages/sentenceWords.ts';

/** The reference: every word-like segment with a letter, from ICU over the whole text. */
function reference(text: string, segmenter: Intl.Segmenter): Word[] {
  const out: Word[] = [];
  for (const w of segmenter.segment(text)) if (w.isWordLike && /\p{L}/u.test(w.segment)) out.push({ text: w.segment, start: w.index, end: w.index + w.segment.length });
  return out;
}

/** Pieces of text in many scripts, with what UAX #29 treats specially: apostrophes, full stops, digits, marks, format characters, spaces of every kind. */
const PIECES = [
  'a', 'Z', 'é', 'ß', 'ø', 'ñ', 'ı', 'İ', 'ﬁ', 'ª', 'ʼ', 'ǅ', 'Ω', 'ς', 'ж', 'Ё', 'ա', 'ა', 'ש', 'וּ', 'ה', 'ע', 'ل', 'ب', 'ـ', 'ی', '٣', '۵',
  'ก', 'น้ำ', 'ภาษา', '日本', '語', 'カタカナ', 'ひら', '한국', '中文', 'ລາວ', 'ខ្មែរ', 'မြန်',
  '\u0301', '\u05B4', '\u064E', '\u200D', '\u200C', '\u00AD', '\uFEFF', '\u2060',
  ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u202F', '\u2009', '\u3000',
  "'", '’', '.', ',', ':', '·', '-', '_', '׳', '״', '״ל', '3', '12', '3.14', '1,000', '@', '#', '(', ')', '"', '«', '»', '!', '?', '😀', '👍🏽', '👩‍💻', '🇩🇰',
];

describe('sentenceWords', () => {
  it('sentenceWords(…) gives the words of hand-checked sentences in Danish, Hebrew, Arabic and Thai, with their spans', () => {
    const da = new Intl.Segmenter('da', { granularity: 'word' });
    expect(sentenceWords("Forslaget blev vedtaget af Folketinget i går, siger Thorning-Schmidt's 2. udvalg.", da).map((w) => [w.text, w.start, w.end])).toStrictEqual([
      ['Forslaget', 0, 9], ['blev', 10, 14], ['vedtaget', 15, 23], ['af', 24, 26], ['Folketinget', 27, 38], ['i', 39, 40], ['går', 41, 44], ['siger', 46, 51], ['Thorning', 52, 60], ["Schmidt's", 61, 70], ['udvalg', 74, 80],
    ]);
    const he = new Intl.Segmenter('he', { granularity: 'word' });
    expect(sentenceWords('חברי הכנסת, צה״ל והמדינה.', he).map((w) => w.text)).toStrictEqual(['חברי', 'הכנסת', 'צה״ל', 'והמדינה']);
    const th = new Intl.Segmenter('th', { granularity: 'word' });
    expect(sentenceWords('ภาษาไทย ง่าย', th).map((w) => w.text)).toStrictEqual(['ภาษา', 'ไทย', 'ง่าย']);
  });

  it('sentenceWords(…) gives what Intl.Segmenter gives over the whole sentence, for random text in many scripts', () => {
    const segmenters = ['da', 'he', 'ar', 'th', 'ja', 'en'].map((l) => new Intl.Segmenter(l, { granularity: 'word' }));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.nat({ max: segmenters.length - 1 }), (pieces, s) => {
        const text = pieces.join('');
        expect(sentenceWords(text, segmenters[s]!)).toStrictEqual(reference(text, segmenters[s]!));
      }),
      { numRuns: 3000, seed: 19 },
    );
  });
});
