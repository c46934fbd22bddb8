/**
 * Finds a coded segment's text in a document, ignoring whitespace (tools re-wrap lines and
 * collapse spaces when they export segments). A strict pass compares every other character;
 * a loose pass also folds case, typographic quotes and dashes. When the text occurs more than
 * once, the occurrence nearest the expected line wins (MAXQDA paragraph numbers are lines of a
 * plain-text transcript).
 */

/** A document prepared for searching: its text with whitespace removed, and where each character came from. */
export interface SearchableText {
  strict: string;
  loose: string;
  /** UTF-16 index in the original text of each character of `strict`/`loose`. */
  origin: Int32Array;
  /** UTF-16 index where each line starts. */
  lineStarts: number[];
}

const SPACE = /\s/;

export function searchableText(text: string): SearchableText {
  const strict: string[] = [];
  const loose: string[] = [];
  const origin: number[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') lineStarts.push(i + 1);
    if (SPACE.test(ch)) continue;
    strict.push(ch);
    loose.push(foldChar(ch));
    origin.push(i);
  }
  return { strict: strict.join(''), loose: loose.join(''), origin: Int32Array.from(origin), lineStarts };
}

/** Case, quote and dash folding that keeps one UTF-16 unit per unit. */
function foldChar(ch: string): string {
  if (/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/.test(ch)) return "'";
  if (/[\u201C\u201D\u201E\u201F\u2033]/.test(ch)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(ch)) return '-';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** The UTF-16 span `[start, end)` of `segment` in the searchable text, or undefined. */
export function locateText(doc: SearchableText, segment: string, nearLine?: number): { start: number; end: number; loose: boolean } | undefined {
  let key = '';
  for (const ch of segment) if (!SPACE.test(ch)) key += ch;
  if (key === '') return undefined;
  for (const loose of [false, true]) {
    const haystack = loose ? doc.loose : doc.strict;
    const needle = loose ? Array.from(key, (c) => (c.length === 1 ? foldChar(c) : c)).join('') : key;
    let best = -1;
    let bestDistance = Infinity;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      if (nearLine === undefined) {
        best = at;
        break;
      }
      const distance = Math.abs(lineOf(doc, doc.origin[at] as number) - nearLine);
      if (distance < bestDistance) {
        best = at;
        bestDistance = distance;
      }
    }
    if (best >= 0) return { start: doc.origin[best] as number, end: (doc.origin[best + needle.length - 1] as number) + 1, loose };
  }
  return undefined;
}

/** 1-based line number of UTF-16 index `p`. */
function lineOf(doc: SearchableText, p: number): number {
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.lineStarts[mid] as number) <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
