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
 * this thread (a pool's main thread, a text-cache hit, a given `lang`) need not pay.
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

export function detectLanguage(text: string, fallback: string): DetectedLanguage {
  if (eld === undefined) throw new Error('detectLanguage: await loadLanguageDetector() first');
  const windows = text.length <= WINDOW ? 1 : Math.min(WINDOWS, Math.ceil(text.length / WINDOW));
  const step = windows === 1 ? 0 : (text.length - WINDOW) / (windows - 1);
  const sums = new Map<string, number>();
  let reliable = false;
  for (let w = 0; w < windows; w++) {
    const from = Math.round(w * step);
    const result = eld.detect(text.slice(from, from + WINDOW));
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
