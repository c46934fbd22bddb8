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

/**
 * The fillers of transcribed speech that neither list has, as the English stage has its
 * `TRANSCRIPT_FILLERS` (../stopwords.ts): hesitations and backchannels as transcription
 * conventions write them (German `äh`, `ähm`, `mhm` after Dresing & Pehl; French `heu`, `ouais`),
 * the discourse particles of talk (`genau`, `halt`, `irgendwie`, `sozusagen`; `tipo`,
 * `insomma`, `altså`), and the words for "thing" (`Ding`, `truc`, `cosa`), which the English list
 * has as *thing* and *stuff*. Each is in neither published list. Outside English every word
 * counts as a noun, so without them *genau*, *halt* or *ähm*, among the most frequent words of a
 * German interview, could be seeds like any topical word.
 */
export const SPEECH_FILLERS: Readonly<Record<string, readonly string[]>> = {
  de: ['äh', 'ähm', 'öh', 'öhm', 'hm', 'hmm', 'mhm', 'mh', 'okay', 'naja', 'nee', 'gell', 'achso', 'genau', 'halt', 'irgendwie', 'sozusagen', 'quasi', 'ding', 'dinge'],
  fr: ['heu', 'ben', 'mmh', 'hmm', 'ouais', 'okay', 'truc', 'trucs', 'chose', 'choses'],
  es: ['eh', 'ehm', 'mmm', 'hmm', 'vale', 'okey', 'okay', 'tipo', 'digamos', 'cosa'],
  it: ['ehm', 'eh', 'mmh', 'mah', 'beh', 'boh', 'okay', 'insomma', 'tipo', 'praticamente', 'diciamo', 'cose'],
  nl: ['eh', 'uh', 'uhm', 'ehm', 'hmm', 'nou', 'hè', 'ofzo', 'oké', 'okee', 'okay', 'ding', 'dingen', 'dinges'],
  pt: ['né', 'ahn', 'hum', 'hmm', 'tá', 'daí', 'okay', 'coisas'],
  da: ['øh', 'øhm', 'hmm', 'altså', 'nå', 'ting', 'tingene'],
  sv: ['eh', 'öh', 'öhm', 'hmm', 'liksom', 'typ', 'okej', 'okay', 'grej', 'grejer', 'grejen'],
  no: ['eh', 'øh', 'øhm', 'hmm', 'altså', 'liksom', 'typ', 'okei', 'okay', 'ting', 'tingene'],
  ru: ['эээ', 'ммм', 'ага', 'угу', 'окей', 'типа', 'короче', 'собственно', 'штука', 'вещь'],
  pl: ['yyy', 'eee', 'eh', 'mhm', 'aha', 'okej', 'znaczy', 'wiesz', 'generalnie', 'rzecz'],
  cs: ['ehm', 'eee', 'mhm', 'okej', 'no', 'jo', 'teda', 'věc'],
  tr: ['ee', 'ııı', 'hmm', 'evet', 'hayır', 'falan', 'filan'],
  fi: ['öö', 'noh', 'okei', 'niinku', 'tota', 'juttu'],
  el: ['εε', 'οκ', 'όχι', 'δηλαδή', 'λοιπόν', 'πράγμα'],
};

/** The stop set of a language: both lists, its fillers of speech and the user's words, folded by `fold`. */
export function languageStopSet(profile: LanguageProfile, extra: readonly string[], fold: (word: string) => string): Set<string> {
  const lists = publishedStopWords(profile);
  const set = new Set<string>();
  for (const list of [lists.stopwordsIso, lists.stopword, SPEECH_FILLERS[profile.code] ?? [], extra]) for (const word of list) set.add(fold(word));
  return set;
}
