/**
 * What each language gets in the text stage, by ISO 639-1 code: its stop lists (the union of
 * `stopwords-iso` and `stopword`, which each miss words the other lists), its Snowball stemmer
 * (`snowball-stemmers`, a port of the Snowball algorithms of snowballstem.org), whether a
 * capitalised word marks a name, and the shortest word that can be a term.
 *
 * English is not here: it keeps wink-nlp's model (tokens, part of speech, lemmas), see
 * `../textModel.ts`. Every other language is segmented by `Intl.Segmenter` (ICU's word and
 * sentence boundaries, UAX #29 plus dictionaries for Chinese, Japanese, Thai, Lao, Khmer and
 * Burmese, which have no spaces between words). The table in packages/core/README.md is this one.
 */

/** How the text stage treats one language. */
export interface LanguageProfile {
  /** ISO 639-1 code. */
  code: string;
  /** Key of the language in `stopwords-iso`, when it has a list there. */
  stopwordsIso?: string;
  /** Key of the language in `stopword`, when it has a list there. */
  stopword?: string;
  /** Name of the Snowball stemmer in `snowball-stemmers`, when there is one. */
  snowball?: string;
  /** A capitalised word away from a sentence start is a name (false where nouns are capitalised, as in German, or the script has no case). */
  caseNames: boolean;
  /** Every noun is written capitalised (German, Luxembourgish): a capital marks a noun, as a part-of-speech tagger would. */
  capitalisedNouns?: true;
  /** Fewest letters of a word term: 2 where words are short syllables or characters (Chinese, Japanese, Thai …). */
  minLetters: number;
  /** Elided articles and pronouns written onto the next word with an apostrophe (French `l'école`), lower case. */
  elisions?: ReadonlySet<string>;
  /** Suffixes written after an apostrophe, on names (Turkish `İstanbul'da`, `Ankara'ya`): the word is what stands before it. */
  apostropheSuffixes?: true;
  /** Articles and determiners, lower case, elided ones without their apostrophe (`l`): the word after one is used as a noun. */
  determiners?: ReadonlySet<string>;
  /** Prepositions, lower case: the word after one may be a noun or a verb ("de ley", "para entender"), so that use counts for neither. */
  prepositions?: ReadonlySet<string>;
}

/** Languages in `stopwords-iso`, with their key in `stopword` (ISO 639-3, or a variant) and their Snowball stemmer. */
const TABLE: readonly [code: string, iso: boolean, stopword: string | undefined, snowball: string | undefined][] = [
  ['af', true, 'afr', undefined],
  ['ar', true, 'ara', 'arabic'],
  ['bg', true, 'bul', undefined],
  ['bn', true, 'ben', undefined],
  ['br', true, 'bre', undefined],
  ['ca', true, 'cat', 'catalan'],
  ['cs', true, 'ces', 'czech'],
  ['da', true, 'dan', 'danish'],
  ['de', true, 'deu', 'german'],
  ['el', true, 'ell', undefined],
  ['eo', true, 'epo', undefined],
  ['es', true, 'spa', 'spanish'],
  ['et', true, 'est', undefined],
  ['eu', true, 'eus', 'basque'],
  ['fa', true, 'fas', undefined],
  ['fi', true, 'fin', 'finnish'],
  ['fr', true, 'fra', 'french'],
  ['ga', true, 'gle', 'irish'],
  ['gl', true, 'glg', undefined],
  ['gu', true, 'guj', undefined],
  ['ha', true, 'hau', undefined],
  ['he', true, 'heb', undefined],
  ['hi', true, 'hin', undefined],
  ['hr', true, 'hrv', undefined],
  ['hu', true, 'hun', 'hungarian'],
  ['hy', true, 'hye', 'armenian'],
  ['id', true, 'ind', undefined],
  ['it', true, 'ita', 'italian'],
  ['ja', true, 'jpn', undefined],
  ['ko', true, 'kor', undefined],
  ['ku', true, 'kur', undefined],
  ['la', true, 'lat', undefined],
  ['lt', true, 'lit', undefined],
  ['lv', true, 'lav', undefined],
  ['mr', true, 'mar', undefined],
  ['ms', true, 'msa', undefined],
  ['nl', true, 'nld', 'dutch'],
  ['no', true, 'nob', 'norwegian'],
  ['pl', true, 'pol', undefined],
  ['pt', true, 'por', 'portuguese'],
  ['ro', true, 'ron', 'romanian'],
  ['ru', true, 'rus', 'russian'],
  ['sk', true, 'slk', undefined],
  ['sl', true, 'slv', 'slovene'],
  ['so', true, 'som', undefined],
  ['st', true, 'sot', undefined],
  ['sv', true, 'swe', 'swedish'],
  ['sw', true, 'swa', undefined],
  ['th', true, 'tha', undefined],
  ['tl', true, 'tgl', undefined],
  ['tr', true, 'tur', 'turkish'],
  ['uk', true, 'ukr', undefined],
  ['ur', true, 'urd', undefined],
  ['vi', true, 'vie', undefined],
  ['yo', true, 'yor', undefined],
  ['zh', true, 'zho', undefined],
  ['zu', true, 'zul', undefined],
  // Detected by eld but in neither stop list: segmented, stemmed where Snowball has them, no stop words.
  ['am', false, undefined, undefined],
  ['az', false, undefined, undefined],
  ['be', false, undefined, undefined],
  ['is', false, undefined, undefined],
  ['ka', false, undefined, undefined],
  ['kn', false, undefined, undefined],
  ['lo', false, undefined, undefined],
  ['ml', false, undefined, undefined],
  ['or', false, undefined, undefined],
  ['pa', false, 'panGu', undefined],
  ['sq', false, undefined, undefined],
  ['sr', false, undefined, undefined],
  ['ta', false, undefined, 'tamil'],
  ['te', false, undefined, undefined],
];

/**
 * Elisions taken off the front of a word (`l'école` → `école`, `dell'arte` → `arte`): UAX #29 keeps
 * a letter, an apostrophe and a letter as one word, and a word with an apostrophe in it is no term,
 * so without this every French or Italian noun behind an elided article was lost. The lists are
 * those of Lucene's ElisionFilter in its French, Italian, Catalan and Irish analyzers (also
 * Elasticsearch's and OpenSearch's defaults).
 */
const ELISIONS: Readonly<Record<string, readonly string[]>> = {
  fr: ['l', 'm', 't', 'qu', 'n', 's', 'j', 'd', 'c', 'jusqu', 'quoiqu', 'lorsqu', 'puisqu'],
  it: ['c', 'l', 'all', 'dall', 'dell', 'nell', 'sull', 'coll', 'pell', 'gl', 'agl', 'dagl', 'degl', 'negl', 'sugl', 'un', 'm', 't', 's', 'v', 'd'],
  ca: ['d', 'l', 'm', 'n', 's', 't'],
  ga: ['d', 'm', 'b'],
};

/**
 * Languages that write a name's case suffixes after an apostrophe ("Türkiye'nin", "Ankara'ya"): a
 * word with an apostrophe is no term, so every inflected name was lost. Lucene's Turkish analyzer
 * cuts the apostrophe and what follows (ApostropheFilter); so does this stage.
 */
const APOSTROPHE_SUFFIXES = new Set(['tr', 'az']);

/**
 * Articles and determiners of the Romance languages, which put them right before the noun, their
 * adjectives mostly after it (the Germanic languages put adjectives between, "de nieuwe wet", and
 * the Scandinavian ones write *regeringen*, "the government", with no article at all):
 * the stage has no tagger, and every word counted as a noun, so verbs and adjectives were seeds
 * (*establece, amplía, económica, fiscales* in Spanish sittings). A word right after one of these
 * is used as a noun there; a word after a preposition, or first in its sentence, counts for
 * neither; a word after anything else is no noun there. Elided articles are the elisions above
 * that are articles (`l'`, `d'`, `dell'`).
 */
const DETERMINERS: Readonly<Record<string, string>> = {
  es: 'el la los las un una unos unas lo al del este esta estos estas ese esa esos esas aquel aquella aquellos aquellas su sus mi mis tu tus nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras cada otro otra otros otras muchos muchas varios varias algún alguna algunos algunas ningún ninguna cualquier dicho dicha dichos dichas',
  fr: 'le la les l d un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs chaque quelques plusieurs aucun aucune certains certaines',
  it: 'il lo la i gli le l un uno una del dello della dei degli delle dell al allo alla ai agli alle all dal dallo dalla dai dagli dalle dall nel nello nella nei negli nelle nell sul sullo sulla sui sugli sulle sull questo questa questi queste quel quello quella quei quegli quelle suo sua suoi sue mio mia miei mie nostro nostra nostri nostre vostro vostra loro ogni alcuni alcune',
  pt: 'o a os as um uma uns umas do da dos das no na nos nas ao à aos às pelo pela pelos pelas este esta estes estas esse essa esses essas aquele aquela aqueles aquelas seu sua seus suas meu minha meus minhas nosso nossa nossos nossas cada vários várias alguns algumas',
  ca: 'el la els les l d un una uns unes del dels al als pel pels aquest aquesta aquests aquestes aquell aquella aquells aquelles seu seva seus seves meu meva meus meves cada',
};

/** Prepositions of the same languages: after one a noun goes without its article as often as an infinitive follows ("proyecto de ley", "para entender"). */
const PREPOSITIONS: Readonly<Record<string, string>> = {
  es: 'de a en con por para sin sobre entre desde hasta contra hacia según ante bajo tras durante mediante',
  fr: 'de à en dans par pour sans sur sous entre avec chez vers contre depuis pendant selon après avant',
  it: 'di a da in con su per tra fra senza',
  pt: 'de em com por para sem sobre entre até contra desde',
  ca: 'de a en amb per sense sobre entre fins contra des',
};

/** Languages whose nouns are all capitalised, so capitals do not mark names. */
const CAPITALISED_NOUNS = new Set(['de', 'lb']);
/** Languages written without spaces or in syllable blocks (Korean), whose words are often two characters. */
const SHORT_WORDS = new Set(['zh', 'ja', 'ko', 'th', 'lo', 'km', 'my']);

const PROFILES: ReadonlyMap<string, LanguageProfile> = new Map(
  TABLE.map(([code, iso, stopword, snowball]) => [
    code,
    {
      code,
      ...(iso ? { stopwordsIso: code } : {}),
      ...(stopword ? { stopword } : {}),
      ...(snowball ? { snowball } : {}),
      caseNames: !CAPITALISED_NOUNS.has(code),
      ...(CAPITALISED_NOUNS.has(code) ? { capitalisedNouns: true as const } : {}),
      minLetters: SHORT_WORDS.has(code) ? 2 : 3,
      ...(ELISIONS[code] ? { elisions: new Set(ELISIONS[code]) } : {}),
      ...(APOSTROPHE_SUFFIXES.has(code) ? { apostropheSuffixes: true as const } : {}),
      ...(DETERMINERS[code] ? { determiners: new Set(DETERMINERS[code].split(' ')) } : {}),
      ...(PREPOSITIONS[code] ? { prepositions: new Set(PREPOSITIONS[code].split(' ')) } : {}),
    },
  ]),
);

/** English, the language of wink-nlp's model. */
export const ENGLISH = 'en';

/** Every language code the text stage accepts: English and the table's. */
export const LANGUAGE_CODES: readonly string[] = [ENGLISH, ...[...PROFILES.keys()]].sort();

/** The profile of a language other than English, or undefined when it has none. */
export function languageProfile(code: string): LanguageProfile | undefined {
  return PROFILES.get(code);
}

/** Whether the language has a stop list (English: wink-nlp's flag and the transcript fillers). */
export function hasStopList(code: string): boolean {
  if (code === ENGLISH) return true;
  const p = PROFILES.get(code);
  return p !== undefined && (p.stopwordsIso !== undefined || p.stopword !== undefined);
}
