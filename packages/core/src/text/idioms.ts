/**
 * Fixed English expressions in which a noun has no content of its own: complex prepositions and
 * connectives ("in order to", "with respect to", "on the other hand"), quantifiers ("a number
 * of", "a couple of") and discourse markers ("of course", "for instance", "at the moment"). Their
 * noun is no term, like a stop word, but only there: "course" stays a term where a course is
 * taught. Counted on the corpora in ../shared (uses in the expression / all uses of the word):
 * "course" 167/181 on QMSum Academic, 341/363 on Product, 1 992/2 295 on the court transcripts of
 * 2020–2025; "instance" 48/49 on Product; "moment" 163/218 and "place" 230/377 on Committee;
 * "respect" 2 342/3 057, "extent" 938/1 156 and "context" 1 032/3 459 in court. Before, "course"
 * was a concept of 405 blocks on Committee, most of them "of course", and named one of its themes.
 * The list is of expressions a grammar names as fixed (Quirk et al. 1985, ch. 9 on complex
 * prepositions; Biber et al. 1999 on discourse markers), not of words a data set happened to
 * need; the stop list already holds the nouns that are light everywhere (thing, way, fact, case,
 * term, point, example).
 *
 * A word the user keeps (a `-course` line in a `--stopwords` file) is a term in these expressions
 * too.
 *
 * Written lower case, one space between words; `*` stands for any one word ("on a * basis").
 * Each expression has exactly one word in capitals: its noun.
 */
const EXPRESSIONS = `
of COURSE
in ORDER to|in ORDER for|in ORDER that
a NUMBER of|any NUMBER of|a * NUMBER of
at the MOMENT|for the MOMENT
take PLACE|takes PLACE|took PLACE|taking PLACE|taken PLACE|in PLACE|in the first PLACE|in PLACE of
on the other HAND|on the one HAND
for INSTANCE|in the first INSTANCE
at the same TIME|all the TIME|most of the TIME|from TIME to time|from time to TIME|at a TIME|by the TIME|for the TIME being|at the TIME|at this TIME|at that TIME|every TIME|each TIME|any TIME
in the MEANTIME
as a RESULT
in the FORM of
in LINE with
in VIEW of|point of VIEW|in my VIEW|in our VIEW
on TOP of
in FRONT of
in MIND|to MIND
on BOARD
with RESPECT to|in RESPECT of|with all due RESPECT|in that RESPECT|in this RESPECT
with REGARD to|in REGARD to|with REGARDS to|in this REGARD
in ADDITION
on the BASIS of|on a * BASIS|on an * BASIS
on BEHALF of
the REST of
a COUPLE of
in CHARGE of
in FAVOUR of|in FAVOR of
in RELATION to
in the long RUN
by MEANS of
in SPITE of
on PURPOSE
in ADVANCE
in a ROW
in TURN
in PERSON
on the GROUND that|on the GROUNDS that|on the GROUNDS of
for PURPOSES of|for the PURPOSES of|for the PURPOSE of
in the CONTEXT of|in this CONTEXT|in that CONTEXT
into ACCOUNT|on ACCOUNT of
in LIGHT of|in the LIGHT of
to the EXTENT|to some EXTENT|to a certain EXTENT|to what EXTENT
in the EVENT of|in the EVENT that
in EFFECT
`;

interface Expression {
  /** The expression's words, lower case, `*` for any word. */
  words: readonly string[];
  /** Where its noun is. */
  head: number;
}

/** The expressions by their noun, as written and as its lemma ("grounds" also under "ground"). */
const BY_HEAD: ReadonlyMap<string, readonly Expression[]> = (() => {
  const byHead = new Map<string, Expression[]>();
  for (const text of EXPRESSIONS.split(/[|\n]/).map((e) => e.trim()).filter((e) => e.length > 0)) {
    const parts = text.split(' ');
    const head = parts.findIndex((w) => w !== w.toLowerCase());
    const words = parts.map((w) => w.toLowerCase());
    for (const key of new Set([words[head]!, words[head]!.replace(/s$/, '')])) {
      const list = byHead.get(key) ?? [];
      list.push({ words, head });
      byHead.set(key, list);
    }
  }
  return byHead;
})();

/**
 * Whether token `i`, whose term is `term` (its lemma or word, lower case), is the noun of a fixed
 * expression among `values` (wink-nlp's token values of one pass; the expression's other words
 * are the tokens right before and after it, in any case).
 */
export function isIdiomNoun(term: string, values: readonly string[], i: number): boolean {
  const expressions = BY_HEAD.get(term);
  if (!expressions) return false;
  for (const { words, head } of expressions) {
    const from = i - head;
    if (from < 0 || from + words.length > values.length) continue;
    let all = true;
    for (let k = 0; k < words.length && all; k++) {
      if (k === head || words[k] === '*') continue;
      all = values[from + k]!.toLowerCase() === words[k];
    }
    if (all && values[i]!.toLowerCase() === words[head]) return true;
  }
  return false;
}
