/**
 * The language of a document, by eld (Nito-ELD: byte n-gram scores over 60 languages, the
 * extra-small database). eld reads only the first 1000 characters it is given, so the document is
 * read in up to five windows of that size spread over its analysed text, and their scores are
 * summed: a transcript's header or a quoted passage then cannot decide alone. A document eld
 * cannot call reliably in any window (too short, or a tie of close languages) is given `fallback`.
 *
 * Why the extra-small database: importing it takes about 0.17 s against the small one's 0.31 s,
 * and every process and worker that detects pays it (a tenth of analysing the examples, whole
 * process). eld's own benchmark gives it 98.7 % on single sentences against 99.1 % for the
 * medium one; on whole documents read in five windows the two agreed on every one of 5,075
 * (the examples, PDPilot, 197 QMSum meetings, 302 court transcripts, 4,528 ParlaMint Danish,
 * Spanish and Hebrew sittings, this repository's fixtures), each called reliably.
 *
 * eld's tables are loaded on demand (`loadLanguageDetector`), which a run that detects nothing in
 * this thread (a pool's main thread, a text-cache hit, a given `lang`) need not pay, nor one whose
 * documents are all plainly English (`plainlyEnglish`), the common case, which is told without them.
 */
import type { eld as Eld } from 'eld/extrasmall';

let eld: typeof Eld | undefined;

/** Loads eld's language tables, once per thread; `detectLanguage` needs them loaded first. */
export async function loadLanguageDetector(): Promise<void> {
  eld ??= (await import('eld/extrasmall')).eld;
}

const WINDOW = 1000;
const WINDOWS = 5;

/** The detected language (ISO 639-1) and whether eld called it reliably. */
export interface DetectedLanguage {
  lang: string;
  reliable: boolean;
}

/** The windows of `text` a document's language is read from: up to five of eld's 1000 characters, spread over it. */
function windowsOf(text: string): string[] {
  const windows = text.length <= WINDOW ? 1 : Math.min(WINDOWS, Math.ceil(text.length / WINDOW));
  const step = windows === 1 ? 0 : (text.length - WINDOW) / (windows - 1);
  return Array.from({ length: windows }, (_, w) => {
    const from = Math.round(w * step);
    return text.slice(from, from + WINDOW);
  });
}

/**
 * English words of every paragraph that no other language eld knows writes as a word (not *is*,
 * *was*, *we*, *of*: Dutch and Afrikaans; not *are*, *be*: Romanian, Hungarian; not *in*, *to*,
 * *for*, *a*, *i*).
 */
const ENGLISH_MARKERS = new Set(['the', 'and', 'that', 'you', 'with', 'this', 'have', 'not', 'but', 'they', 'what', 'it']);

/**
 * Whether the windows eld would read are plainly English: at least 100 words, at least 6 % of them
 * English markers and 0.5 % *the*, and at most 2 % of words with a letter outside a–z (the
 * diacritics of every other Latin-script language). Such a document is English without eld, whose
 * tables cost about 0.2 s of each process and worker that loads them (a sixth of analysing the
 * examples, whole process). Measured on the 1,431 transcripts of 100 words or more that eld calls
 * English (the examples, PDPilot, QMSum's three domains, the court's 1990s and 2020–2025) and on
 * the ParlaMint Danish, Spanish and Hebrew sittings: the English ones have 9.9–25 % markers, 1.3 %
 * or more *the* and at most 1 % foreign words, the others at most 0.3 % markers and no *the*.
 * What is not plainly English (short, mixed, another language) goes to eld as before; on all of
 * these every document is called as before, and every result is the same bytes.
 */
export function plainlyEnglish(text: string): boolean {
  let words = 0;
  let markers = 0;
  let the = 0;
  let foreign = 0;
  for (const window of windowsOf(text)) {
    for (const [word] of window.matchAll(/\p{L}+/gu)) {
      words++;
      const lower = word.toLowerCase();
      if (ENGLISH_MARKERS.has(lower)) markers++;
      if (lower === 'the') the++;
      if (/[^a-z]/.test(lower)) foreign++;
    }
  }
  return words >= 100 && markers >= 0.06 * words && the >= 0.005 * words && foreign <= 0.02 * words;
}

export function detectLanguage(text: string, fallback: string): DetectedLanguage {
  if (eld === undefined) throw new Error('detectLanguage: await loadLanguageDetector() first');
  const sums = new Map<string, number>();
  let reliable = false;
  for (const window of windowsOf(text)) {
    const result = eld.detect(window);
    if (result.language === '') continue;
    if (result.isReliable()) reliable = true;
    for (const [lang, score] of Object.entries(result.getScores())) sums.set(lang, (sums.get(lang) ?? 0) + score);
  }
  let best = '';
  let bestScore = -Infinity;
  for (const [lang, score] of sums) {
    if (score > bestScore || (score === bestScore && lang < best)) {
      best = lang;
      bestScore = score;
    }
  }
  return reliable && best !== '' ? { lang: best, reliable } : { lang: fallback, reliable: false };
}
