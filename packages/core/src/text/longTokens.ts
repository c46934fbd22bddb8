/**
 * Runs of characters without a space that are too long to be words (a base64 blob, a line of
 * `=====`, a whole file without spaces). wink-nlp's tokenizer takes time quadratic in the length
 * of such a run (a 400 k-character run took 78 s; 5 k characters 0.03–0.17 s), so they are
 * masked with spaces before it sees them: the text keeps its length and every offset stays right.
 * No word of any language comes near MAX_TOKEN_LENGTH; a run of 1,000 costs the tokenizer about
 * four times what as much ordinary text does.
 */

/** Longest run of non-space characters read as text, in UTF-16 code units. */
export const MAX_TOKEN_LENGTH = 1000;

/** Whether UTF-16 code unit `c` is white space: the set of the regexp class `\s`. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The runs of `text` longer than MAX_TOKEN_LENGTH, as half-open spans in UTF-16 code units.
 *
 * Such a run covers at least one position that is a multiple of MAX_TOKEN_LENGTH, so only the
 * runs through those positions are measured: in ordinary text about one character in a hundred is
 * read. The regexp `(?<!\S)\S{1001,}` read every one (0.20 s on the 27 M characters of 4.5 M court
 * words; this, 2–5 ms); the tests check this against it.
 */
export function findLongTokens(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let at = MAX_TOKEN_LENGTH; at < text.length; at += MAX_TOKEN_LENGTH) {
    if (isWhiteSpace(text.charCodeAt(at))) continue;
    let start = at;
    while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && !isWhiteSpace(text.charCodeAt(end))) end++;
    if (end - start > MAX_TOKEN_LENGTH) spans.push({ start, end });
    // On from the first sample after the run (each character is read about once).
    at = Math.ceil(end / MAX_TOKEN_LENGTH) * MAX_TOKEN_LENGTH - MAX_TOKEN_LENGTH;
  }
  return spans;
}

/** `text` with every run longer than MAX_TOKEN_LENGTH replaced by as many spaces. */
export function maskLongTokens(text: string): string {
  const spans = findLongTokens(text);
  if (spans.length === 0) return text;
  let masked = '';
  let from = 0;
  for (const { start, end } of spans) {
    masked += text.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return masked + text.slice(from);
}
