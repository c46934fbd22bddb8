/**
 * REFI-QDA positions are Unicode code points with an exclusive end (REFI-QDA 1.5, §
 * PlainTextSelection), but tools differ: some count a CR LF pair as one character, some count
 * UTF-16 code units. The mode of a source is detected by which reading puts the most selection
 * ends on word boundaries; only modes that differ for the text are tried, so a plain ASCII LF
 * text is always read the standard way.
 */
import type { OffsetMode } from './manualCoding.ts';

const MODES: OffsetMode[] = ['codepoints', 'utf16', 'crlf1', 'utf16-crlf1'];
const WORD = /[\p{L}\p{N}_]/u;

/** For each tool position k of `text` under `mode`, the UTF-16 index where it falls (length = tool length + 1). */
export function toolPositions(text: string, mode: OffsetMode): Int32Array {
  const crlf1 = mode === 'crlf1' || mode === 'utf16-crlf1';
  const units = mode === 'utf16' || mode === 'utf16-crlf1';
  const out: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    out.push(i);
    const c = text.charCodeAt(i);
    if (crlf1 && c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (!units && c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i += 1;
  }
  out.push(n);
  return Int32Array.from(out);
}

/** The offset modes that give different positions for `text` (always `codepoints` first). */
export function candidateModes(text: string): OffsetMode[] {
  const astral = /[\uD800-\uDBFF]/.test(text);
  const crlf = text.includes('\r\n');
  return MODES.filter((mode) => (mode === 'codepoints' ? true : mode === 'utf16' ? astral : mode === 'crlf1' ? crlf : astral && crlf));
}

/** True when UTF-16 index `p` of `text` is the start or end of a word (or of the text). */
export function onWordBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const before = text.charCodeAt(p - 1);
  if (before >= 0xd800 && before <= 0xdbff) return false;
  if (before === 13 && text.charCodeAt(p) === 10) return false;
  return !WORD.test(text[p - 1] ?? '') || !WORD.test(text[p] ?? '');
}

export interface OffsetDetection {
  mode: OffsetMode;
  positions: Int32Array;
  /** Share of starts and ends (of selections in range) on word boundaries. */
  onBoundary: number;
}

/**
 * Picks the offset mode of a source from its selections. A selection out of range under a mode
 * counts against it; ties keep the earlier mode (the standard first).
 */
export function detectOffsetMode(text: string, selections: { start: number; end: number }[]): OffsetDetection {
  let best: OffsetDetection | undefined;
  for (const mode of candidateModes(text)) {
    const positions = toolPositions(text, mode);
    const max = positions.length - 1;
    let hits = 0;
    for (const { start, end } of selections) {
      if (start < 0 || end < start || end > max) continue;
      if (onWordBoundary(text, positions[start] ?? 0)) hits++;
      if (onWordBoundary(text, positions[end] ?? 0)) hits++;
    }
    const onBoundary = selections.length === 0 ? 1 : hits / (2 * selections.length);
    if (!best || onBoundary > best.onBoundary) best = { mode, positions, onBoundary };
  }
  return best as OffsetDetection;
}

/** Maps UTF-16 indices of `text` to code point indices (identity when the text has no astral characters). */
export function unitToCodePoint(text: string): (unit: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (unit) => unit;
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      table[i + 1] = cp;
      i++;
    }
    cp++;
  }
  table[text.length] = cp;
  return (unit) => table[unit] ?? cp;
}

/** Maps code point indices of `text` to UTF-16 indices. */
export function codePointToUnit(text: string): (codePoint: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const positions = toolPositions(text, 'codepoints');
  return (cp) => positions[cp] ?? text.length;
}
