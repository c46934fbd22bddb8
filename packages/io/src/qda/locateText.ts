/**
 * Finds a coded segment's text in a document, ignoring whitespace (tools re-wrap lines and
 * collapse spaces when they export segments). A strict pass compares every other character;
 * a loose pass also folds case, typographic quotes and dashes; a last pass, given the document's
 * paragraphs, also leaves out what lies between them — speaker markers and timestamps — so that a
 * segment coded across a turn ("How did that feel? It felt like …") is found when its export
 * dropped the next speaker's marker. When the text occurs more than once, the occurrence nearest
 * the expected line wins (MAXQDA paragraph numbers are lines of a plain-text transcript).
 */

/** A document prepared for searching: its text with whitespace removed, and where each character came from. */
export interface SearchableText {
  strict: string;
  loose: string;
  /** UTF-16 index in the original text of each character of `strict`/`loose`. */
  origin: Int32Array;
  /** `loose` without what lies outside the paragraphs (speaker markers), and its origins; when paragraphs were given. */
  content?: { loose: string; origin: Int32Array };
  /** UTF-16 index where each line starts. */
  lineStarts: number[];
}

const SPACE = /\s/;

/** `text` prepared for searching; with its `paragraphs` (UTF-16 spans, in order), also for segments across turns. */
export function searchableText(text: string, paragraphs?: readonly { start: number; end: number }[]): SearchableText {
  const strict: string[] = [];
  const loose: string[] = [];
  const origin: number[] = [];
  const content: string[] = [];
  const contentOrigin: number[] = [];
  const lineStarts = [0];
  let p = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') lineStarts.push(i + 1);
    if (SPACE.test(ch)) continue;
    const folded = foldChar(ch);
    strict.push(ch);
    loose.push(folded);
    origin.push(i);
    if (paragraphs) {
      while (p < paragraphs.length && paragraphs[p]!.end <= i) p++;
      if (p < paragraphs.length && paragraphs[p]!.start <= i) {
        content.push(folded);
        contentOrigin.push(i);
      }
    }
  }
  const searchable: SearchableText = { strict: strict.join(''), loose: loose.join(''), origin: Int32Array.from(origin), lineStarts };
  if (paragraphs) searchable.content = { loose: content.join(''), origin: Int32Array.from(contentOrigin) };
  return searchable;
}

/** Case, quote and dash folding that keeps one UTF-16 unit per unit. */
function foldChar(ch: string): string {
  if (/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/.test(ch)) return "'";
  if (/[\u201C\u201D\u201E\u201F\u2033]/.test(ch)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(ch)) return '-';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/**
 * The UTF-16 span `[start, end)` of `segment` in the document, or undefined; `loose` when found only
 * after folding, `acrossTurns` when only after leaving out speaker markers (the span covers them).
 */
export function locateText(doc: SearchableText, segment: string, nearLine?: number): { start: number; end: number; loose: boolean; acrossTurns: boolean } | undefined {
  let key = '';
  for (const ch of segment) if (!SPACE.test(ch)) key += ch;
  if (key === '') return undefined;
  const folded = Array.from(key, (c) => (c.length === 1 ? foldChar(c) : c)).join('');
  const passes = [
    { haystack: doc.strict, origin: doc.origin, needle: key, loose: false, acrossTurns: false },
    { haystack: doc.loose, origin: doc.origin, needle: folded, loose: true, acrossTurns: false },
    ...(doc.content ? [{ haystack: doc.content.loose, origin: doc.content.origin, needle: folded, loose: true, acrossTurns: true }] : []),
  ];
  for (const { haystack, origin, needle, loose, acrossTurns } of passes) {
    let best = -1;
    let bestDistance = Infinity;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      if (nearLine === undefined) {
        best = at;
        break;
      }
      const distance = Math.abs(lineOf(doc, origin[at] as number) - nearLine);
      if (distance < bestDistance) {
        best = at;
        bestDistance = distance;
      }
    }
    if (best >= 0) return { start: origin[best] as number, end: (origin[best + needle.length - 1] as number) + 1, loose, acrossTurns };
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
