/**
 * Whether a code's name names a concept: the concept's label or one of its thesaurus terms
 * occurs in the code's name as whole words (any case; `_` and `-` count as spaces, so
 * `computational_thinking` contains "thinking"), allowing a plural -s/-es on either side. A
 * shared word is no evidence by itself, but a reader should see it beside the statistics: a
 * code named after a word and a concept learned from that word agree partly by construction.
 */

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function same(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long === `${short}s` || long === `${short}es`;
}

/** The first of `terms` (label first) whose words occur in a row in `name`, or undefined. */
export function namedIn(name: string, terms: readonly string[]): string | undefined {
  const inName = words(name);
  for (const term of terms) {
    const inTerm = words(term);
    if (inTerm.length === 0 || inTerm.length > inName.length) continue;
    for (let i = 0; i + inTerm.length <= inName.length; i++) {
      if (inTerm.every((w, k) => same(inName[i + k] as string, w))) return term;
    }
  }
  return undefined;
}
