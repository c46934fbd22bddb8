/**
 * JavaScript strings index by UTF-16 code units; the result contract and REFI-QDA count Unicode
 * code points. Converts ascending UTF-16 offsets of one text to code points in a single scan.
 */

/** True when the text has a surrogate pair, i.e. code units and code points differ. */
export function hasAstral(text: string): boolean {
  return /[\uD800-\uDBFF]/.test(text);
}

/**
 * Code-point offsets of `offsets` (UTF-16, ascending or not). Allocation-free when the text has
 * no astral characters (then both units agree and the input is returned).
 */
export function toCodePoints(text: string, offsets: Uint32Array): Uint32Array {
  if (!hasAstral(text)) return offsets;
  // prefix[i] = number of low surrogates before unit i, i.e. units − code points
  const out = new Uint32Array(offsets.length);
  const order = Array.from(offsets.keys()).sort((a, b) => offsets[a]! - offsets[b]!);
  let unit = 0;
  let lows = 0;
  for (const k of order) {
    const target = offsets[k]!;
    for (; unit < target; unit++) {
      const c = text.charCodeAt(unit);
      if (c >= 0xdc00 && c <= 0xdfff && unit > 0) {
        const p = text.charCodeAt(unit - 1);
        if (p >= 0xd800 && p <= 0xdbff) lows++;
      }
    }
    out[k] = target - lows;
  }
  return out;
}
