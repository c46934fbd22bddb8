/**
 * The stop list of a language other than English: the union of `stopwords-iso` (Gene Diaz's
 * collection, the most complete) and `stopword` (Fergie McDowall's lists), folded as the text stage
 * folds words, plus the user's `--stopwords`. Each list misses function words the other has
 * (stopword's Spanish list has 59 words, stopwords-iso's 732); neither is used for English, where
 * wink-nlp's flag and the transcript fillers are the list.
 */
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import * as stopword from 'stopword';
import type { LanguageProfile } from './registry.ts';

const ISO = stopwordsIso as Record<string, string[] | undefined>;
const LISTS = stopword as unknown as Record<string, string[] | undefined>;

/** The words of both lists for the language, as published (not folded). */
export function publishedStopWords(profile: LanguageProfile): { stopwordsIso: readonly string[]; stopword: readonly string[] } {
  return {
    stopwordsIso: (profile.stopwordsIso && ISO[profile.stopwordsIso]) || [],
    stopword: (profile.stopword && LISTS[profile.stopword]) || [],
  };
}

/** The stop set of a language: both lists and the user's words, folded by `fold`. */
export function languageStopSet(profile: LanguageProfile, extra: readonly string[], fold: (word: string) => string): Set<string> {
  const lists = publishedStopWords(profile);
  const set = new Set<string>();
  for (const list of [lists.stopwordsIso, lists.stopword, extra]) for (const word of list) set.add(fold(word));
  return set;
}
