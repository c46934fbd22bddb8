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

// A match can only begin where a run begins (it takes the whole run, greedily), so the lookbehind
// finds the same runs; without it the engine tried again at every character of every word (half
// the time of this scan on court transcripts).
const LONG_RUN = new RegExp(`(?<!\\S)\\S{${MAX_TOKEN_LENGTH + 1},}`, 'g');

/** The runs of `text` longer than MAX_TOKEN_LENGTH, as half-open spans in UTF-16 code units. */
export function findLongTokens(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (text.length <= MAX_TOKEN_LENGTH) return spans;
  for (const match of text.matchAll(LONG_RUN)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}

/** `text` with every run longer than MAX_TOKEN_LENGTH replaced by as many spaces. */
export function maskLongTokens(text: string): string {
  if (text.length <= MAX_TOKEN_LENGTH) return text;
  return text.replace(LONG_RUN, (run) => ' '.repeat(run.length));
}
