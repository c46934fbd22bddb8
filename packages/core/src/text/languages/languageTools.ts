/**
 * The tools of one language's text stage: its ICU segmenters, case folding, stop set and
 * stemmer. Stems are cached per word: Snowball is the costliest step per word, and a corpus
 * repeats its words.
 *
 * The stemmers and the stop lists (stopwords-iso's and stopword's lists of every language) are
 * loaded on demand (`loadLanguageTools`, about 0.12 s), so that a thread reading only English
 * text does not pay for them.
 */
import type { LanguageProfile } from './registry.ts';
import { loadSnowball, newStemmer } from './snowball.ts';

type StopLists = typeof import('./stopList.ts');
let stopLists: StopLists | undefined;

/** Loads the stemmers and stop lists, once per thread; `languageTools` and `publishedStopWords` need them loaded first. */
export async function loadLanguageTools(): Promise<void> {
  const [lists] = await Promise.all([stopLists ?? import('./stopList.ts'), loadSnowball()]);
  stopLists = lists;
}

function loadedStopLists(): StopLists {
  if (stopLists === undefined) throw new Error('await loadLanguageTools() first');
  return stopLists;
}

/** The words of both published stop lists for the language, as published (not folded); after `loadLanguageTools`. */
export function publishedStopWords(profile: LanguageProfile): { stopwordsIso: readonly string[]; stopword: readonly string[] } {
  return loadedStopLists().publishedStopWords(profile);
}

export interface LanguageTools {
  profile: LanguageProfile;
  sentences: Intl.Segmenter;
  words: Intl.Segmenter;
  /** Lower case by the language's rules. */
  fold: (word: string) => string;
  /** Whether a folded word is a stop word: in the stop set, or (Hebrew) a stop word behind one or two clitic prefix letters ("ואני" = "and" + "I"). */
  isStop: (word: string) => boolean;
  /** The Snowball stem of a folded word, or the word where the language has no stemmer. */
  stem: (word: string) => string;
}

/**
 * Letters that Hebrew writes joined to the next word: ו (and), ה (the), ב (in), ל (to), מ (from),
 * ש (that), כ (as). Its stop lists hold the bare words only, so "בכל" (in every) or "הזה" (this) would
 * otherwise pass as content words.
 */
const CLITIC_PREFIXES: Record<string, RegExp> = { he: /^[והבלמשכ]{1,2}(?=\p{L}{2})/u };

function stopTest(stops: ReadonlySet<string>, prefixes: RegExp | undefined): (word: string) => boolean {
  if (prefixes === undefined) return (word) => stops.has(word);
  return (word) => {
    if (stops.has(word)) return true;
    const bare = word.replace(prefixes, '');
    if (bare !== word && stops.has(bare)) return true;
    // One prefix letter only, when two would cut into the word ("ולא" → "לא").
    const one = word.length > 3 ? word.slice(1) : '';
    return one !== '' && prefixes.test(word) && stops.has(one);
  };
}

export function languageTools(profile: LanguageProfile, extraStopwords: readonly string[]): LanguageTools {
  const locale = profile.code;
  const fold = (word: string): string => word.toLocaleLowerCase(locale);
  const stemmer = profile.snowball ? newStemmer(profile.snowball) : undefined;
  const stems = new Map<string, string>();
  const stem = stemmer
    ? (word: string): string => {
        let s = stems.get(word);
        if (s === undefined) stems.set(word, (s = stemmer.stem(word)));
        return s;
      }
    : (word: string): string => word;
  return {
    profile,
    sentences: new Intl.Segmenter(locale, { granularity: 'sentence' }),
    words: new Intl.Segmenter(locale, { granularity: 'word' }),
    fold,
    isStop: stopTest(loadedStopLists().languageStopSet(profile, extraStopwords, fold), CLITIC_PREFIXES[locale]),
    stem,
  };
}
