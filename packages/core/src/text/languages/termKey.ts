/**
 * Word terms of languages other than English are keyed by stem and language, so that the Danish
 * "under" and the English "under", or the Spanish and English stem "president", stay two terms
 * and a concept learnt in one language codes only its blocks. The key never reaches a reader:
 * `displayTerms` shows each term by its most frequent surface form, and adds the language in
 * brackets only when two languages would show the same word.
 */
const SEPARATOR = '\u0001';

export function termKey(stem: string, lang: string): string {
  return stem + SEPARATOR + lang;
}

/** The most frequent form; of equally frequent ones the shortest, then the first in code-unit order (the counts are the corpus', so this does not depend on sharding). */
export function shownForm(forms: Readonly<Record<string, number>>): string {
  let best = '';
  let count = 0;
  for (const form in forms) {
    const n = forms[form]!;
    if (n > count || (n === count && (form.length < best.length || (form.length === best.length && form < best)))) {
      best = form;
      count = n;
    }
  }
  return best;
}

/**
 * What each term is shown as: its most frequent form (`forms[t]`, when set) or the term itself; a word shown
 * alike in two languages gets its language code in brackets ("president (es)"). Terms without a
 * language (English words and every name) are returned as they are.
 */
export function displayTerms(keys: readonly string[], forms: readonly (Readonly<Record<string, number>> | undefined)[]): string[] {
  const shown = keys.map((key, t) => {
    const cut = key.indexOf(SEPARATOR);
    const f = forms[t];
    return cut < 0 ? key : f ? shownForm(f) : key.slice(0, cut);
  });
  const seen = new Map<string, number>();
  for (const s of shown) seen.set(s, (seen.get(s) ?? 0) + 1);
  return shown.map((s, t) => {
    const cut = keys[t]!.indexOf(SEPARATOR);
    return cut >= 0 && seen.get(s)! > 1 ? `${s} (${keys[t]!.slice(cut + 1)})` : s;
  });
}
