/**
 * What the result says about languages, from each document's: the resolved `lang` parameter (the
 * one language, or `mul` — ISO 639-2 for several — when documents differ), how many documents
 * each language has, a `lang:xx` tag per document when they differ, and warnings for a mixed
 * corpus and for a language without a stop list.
 *
 * An all-English corpus says only `lang: 'en'`, as results did before other languages were read,
 * so its result is the same bytes.
 */
import { ENGLISH, hasStopList } from './registry.ts';

export interface CorpusLanguages {
  /** The one language of the corpus, or `mul`. */
  lang: string;
  /** Documents per language, most first; undefined for an all-English corpus. */
  languages?: Record<string, number>;
  /** Each document's language; undefined for an all-English corpus. */
  documentLanguages?: string[];
  /** True when the documents are in more than one language: they get `lang:xx` tags. */
  mixed: boolean;
  warnings: string[];
}

export function corpusLanguages(documentLanguages: readonly string[]): CorpusLanguages {
  const counts = new Map<string, number>();
  for (const lang of documentLanguages) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const mixed = ranked.length > 1;
  const lang = mixed ? 'mul' : (ranked[0]?.[0] ?? ENGLISH);
  if (lang === ENGLISH) return { lang, mixed: false, warnings: [] };
  const warnings: string[] = [];
  const list = ranked.map(([code, n]) => `${code} ${n}`).join(', ');
  if (mixed) warnings.push(`the documents are in ${ranked.length} languages (${list} documents): each is read in its own language, concepts stay within one, and documents are tagged lang:xx; give --lang xx to read them all as one`);
  for (const [code, n] of ranked) {
    if (!hasStopList(code)) warnings.push(`no stop list for language ${code} (${n} document${n === 1 ? '' : 's'}): its function words may become concepts; add them with --stopwords`);
  }
  return { lang, languages: Object.fromEntries(ranked), documentLanguages: [...documentLanguages], mixed, warnings };
}
