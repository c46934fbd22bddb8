/** `text` between code-point offsets `[start, end)`. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  if (!/[\uD800-\uDBFF]/.test(text)) return text.slice(start, end);
  let unit = 0;
  let point = 0;
  let from = -1;
  while (unit < text.length && point < end) {
    if (point === start) from = unit;
    const c = text.charCodeAt(unit);
    unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
    point++;
  }
  if (from < 0) from = unit;
  return text.slice(from, unit);
}
