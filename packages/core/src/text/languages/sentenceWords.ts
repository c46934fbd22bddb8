/**
 * The words of a sentence as `Intl.Segmenter` gives them (Unicode UAX #29 word boundaries, by
 * dictionary where a script has no spaces), without asking ICU about most of them. ICU's segment
 * iterator costs about 200 ns a character, and more on longer strings (each step is linear in the
 * string's length: 840 ns a character at 10,000 characters), and it was most of the segmenter
 * stage's time. But UAX #29 always breaks around an ASCII space, tab or line break (rules WB3a,
 * WB3b, WB999: nothing joins across one), except that a combining mark or format character after
 * one clings to it (WB4); and a run of letters of an alphabet (ALetter and Hebrew_Letter: Latin,
 * Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic), with combining marks, is never broken
 * (WB4, WB5); punctuation such as `,` `.` `(` `»` at either end of a chunk joins nothing (the
 * rules that join it, WB6–WB7c and WB11–WB12, need a letter or digit on both sides; the
 * apostrophe, which WB7a joins to a Hebrew letter before it, is not one of them). So the sentence
 * is cut at ASCII whitespace, that punctuation is taken off each chunk's ends, a chunk that is
 * then such a run is one word as it stands, and only the other chunks (digits, apostrophes, inner
 * punctuation, other scripts) go to the segmenter, each alone — which gives the same words as
 * segmenting the whole sentence. A
 * sentence with a mark or format character right after whitespace goes to the segmenter whole.
 */

/** A word of a sentence: its text and its UTF-16 span in the sentence. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** The elided article or pronoun taken off its front, lower case (`l` of `l'école`); see segmenterShard's `dropElisions`. */
  elided?: string;
}

const LETTER = /\p{L}/u;
/** A chunk that UAX #29 keeps as one word: a letter of an alphabet, then letters of alphabets and combining marks. */
const ALPHABETIC_RUN = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Georgian}\p{sc=Hebrew}\p{sc=Arabic}](?:(?=[\p{L}\p{M}])[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Georgian}\p{sc=Hebrew}\p{sc=Arabic}\p{M}])*$/u;
const LETTER_FIRST = /^\p{L}/u;
/** Punctuation that UAX #29 never joins at a chunk's edge (no letter or digit beyond it). */
const EDGE = new Set(Array.from(',.;:!?"()[]{}«»„“”‘’¿¡…', (c) => c.charCodeAt(0)));
const CHUNK = /[^ \t\n\r\f\v]+/g;
/** Whitespace followed by what UAX #29 joins to it (WB4). */
const CLINGS = /\s[\p{M}\p{Cf}]/u;

/** Appends the segmenter's word-like segments that contain a letter. */
function segmentWords(text: string, offset: number, segmenter: Intl.Segmenter, out: Word[]): void {
  for (const w of segmenter.segment(text)) {
    if (w.isWordLike && LETTER.test(w.segment)) out.push({ text: w.segment, start: offset + w.index, end: offset + w.index + w.segment.length });
  }
}

/** The word-like segments of `text` that contain a letter, as `segmenter` (a word segmenter) gives them. */
export function sentenceWords(text: string, segmenter: Intl.Segmenter): Word[] {
  const out: Word[] = [];
  if (CLINGS.test(text)) {
    segmentWords(text, 0, segmenter, out);
    return out;
  }
  CHUNK.lastIndex = 0;
  for (let m = CHUNK.exec(text); m !== null; m = CHUNK.exec(text)) {
    const chunk = m[0];
    let a = 0;
    let b = chunk.length;
    while (a < b && EDGE.has(chunk.charCodeAt(a))) a++;
    while (b > a && EDGE.has(chunk.charCodeAt(b - 1))) b--;
    const core = a === 0 && b === chunk.length ? chunk : chunk.slice(a, b);
    if (LETTER_FIRST.test(core) && ALPHABETIC_RUN.test(core)) out.push({ text: core, start: m.index + a, end: m.index + b });
    else if (a < b) segmentWords(chunk, m.index, segmenter, out);
  }
  return out;
}
