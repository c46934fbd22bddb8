/**
 * The text stage of every language but English: `Intl.Segmenter` (ICU) cuts each paragraph into
 * sentences and words — by spaces and punctuation (Unicode UAX #29), and by dictionary where the
 * script has no spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese); `sentenceWords` asks ICU
 * only about the words that are not plain runs of letters, with the same result. A word is folded with the
 * language's own case rules (`toLocaleLowerCase`: Turkish dotless ı, Greek final sigma), dropped
 * when its stop list has it, stemmed by the language's Snowball stemmer where there is one, and
 * becomes a word term. A run of capitalised words is a name where the script has case and
 * capitals mark names (not German); alone at a sentence start it is a name only if it is one
 * elsewhere, as in the English stage.
 *
 * It fills the same columns as the English stage (`../shardColumns.ts`), so nothing after the
 * text stage knows the language. Word terms are keyed by stem and language
 * (`termKey`), so two languages never share a term and concepts stay within their language;
 * each shows its most frequent surface form (`termForms`). There is no part-of-speech tagger here:
 * a use counts as a noun's by the marks the language has for nouns (`wordUse`: German capitals,
 * Romance articles), else every word counts as a noun.
 */
import type { Document } from '../../corpus.ts';
import { compileMarkup, maskMarkup } from '../markup.ts';
import { ShardColumns } from '../shardColumns.ts';
import { NAME, NONE, WORD, type TextOptions, type TextShard } from '../textModel.ts';
import { languageProfile } from './registry.ts';
import { languageTools, type LanguageTools } from './languageTools.ts';
import { sentenceWords, type Word } from './sentenceWords.ts';
import { termKey } from './termKey.ts';

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}\p{N}.&-]*$/u;
const WORD_TERM = /^\p{L}[\p{L}\p{M}\p{N}-]*$/u;
const LETTER = /\p{L}/u;
const UPPER_FIRST = /^\p{Lu}/u;
/** How a word is used, for the seeds' noun share: as a noun, as another part of speech, or not known (counted in neither). */
type WordUse = 0 | 1 | 2;
const NOUN: WordUse = 0;
const OTHER: WordUse = 1;
const UNKNOWN: WordUse = 2;
const LETTERS = /\p{L}/gu;
/** What may stand between the words of a name: spaces, or one hyphen ("Thorning-Schmidt", which ICU cuts in two). */
const NAME_GAP = /^(?:\s+|[-\u2010\u2011])$/u;
/** A hyphen between two words, no space: they are one compound ("decreto-ley"). */
const HYPHEN_GAP = /^[-\u2010\u2011]$/u;
const MOST_NAME_WORDS = 4;

/** A language's tools, with the word terms of the shard's words so far: a corpus repeats its words, and a word's term is the same each time. */
interface Language {
  tools: LanguageTools;
  /** Word as written → its term id (NONE: no term) and the form counted for it. */
  words: Map<string, { id: number; form: string }>;
}

/** Builds the TextShard of `documents`, each in the language of the same index in `languages` (none English). */
export function buildSegmenterShard(documents: readonly Document[], languages: readonly string[], options: TextOptions): TextShard {
  const builder = new SegmenterBuilder(options);
  for (let d = 0; d < documents.length; d++) builder.add(documents[d]!, d, languages[d]!);
  return builder.finish(documents, languages);
}

class SegmenterBuilder {
  private readonly markup: RegExp | undefined;
  private readonly keep: ReadonlySet<string>;
  private readonly merge = new Map<string, string>();
  private readonly languages = new Map<string, Language>();
  private readonly columns: ShardColumns;

  constructor(private readonly options: TextOptions) {
    this.markup = compileMarkup(options.markup);
    this.keep = new Set(options.keepwords.map((w) => w.toLowerCase()));
    for (const [head, variants] of Object.entries(options.merges)) for (const v of variants) this.merge.set(v, head);
    this.columns = new ShardColumns(options, true);
  }

  private languageOf(lang: string): Language {
    let language = this.languages.get(lang);
    if (language === undefined) {
      const profile = languageProfile(lang) ?? { code: lang, caseNames: true, minLetters: 3 };
      this.languages.set(lang, (language = { tools: languageTools(profile, this.options.stopwords), words: new Map() }));
    }
    return language;
  }

  add(doc: Document, d: number, lang: string): void {
    const language = this.languageOf(lang);
    const tools = language.tools;
    const columns = this.columns;
    columns.startDocument();
    for (let p = 0; p < doc.paragraphs.length; p++) {
      const paragraph = doc.paragraphs[p]!;
      const masked = maskMarkup(doc.text.slice(paragraph.start, paragraph.end), this.markup);
      if (masked.trim().length === 0) continue;
      const speaker = columns.startParagraph(paragraph.speaker);
      const isExcluded = columns.isExcluded(paragraph.speaker);
      for (const sentence of tools.sentences.segment(masked)) {
        const text = sentence.segment;
        const lead = text.length - text.trimStart().length;
        const trimmed = text.trimEnd().length;
        if (trimmed <= lead) continue;
        const words = sentenceWords(text, tools.words);
        if (tools.profile.elisions) dropElisions(words, tools.profile.elisions);
        if (tools.profile.apostropheSuffixes) dropApostropheSuffixes(words);
        columns.tokens += words.length;
        const start = paragraph.start + sentence.index;
        const block = columns.openSentence(d, p, start + lead, start + trimmed, speaker, isExcluded);
        if (!isExcluded) this.addSentence(words, text, language, block);
        columns.closeSentence();
      }
    }
    columns.endDocument(doc.text);
  }

  /** The terms of a sentence's words into the open block. */
  private addSentence(words: readonly Word[], text: string, language: Language, block: number): void {
    const names = this.options.names && language.tools.profile.caseNames;
    for (let i = 0; i < words.length; ) {
      if (names && NAME_WORD.test(words[i]!.text)) {
        const next = this.addName(words, text, i, language, block);
        if (next > i) {
          i = next;
          continue;
        }
      }
      const id = this.wordTerm(words[i]!.text, language, wordUse(words, text, i, language.tools));
      if (id !== NONE) this.columns.addTerm(id);
      i++;
    }
  }

  /** A name: the run of capitalised words from `i` (at most four, only spaces between them). Returns the word after it, or `i` when it is none. */
  private addName(words: readonly Word[], text: string, i: number, language: Language, block: number): number {
    const tools = language.tools;
    const columns = this.columns;
    let j = i + 1;
    while (j < words.length && j - i < MOST_NAME_WORDS && NAME_WORD.test(words[j]!.text) && NAME_GAP.test(text.slice(words[j - 1]!.end, words[j]!.start))) j++;
    let from = i;
    // At a sentence start the first capital may be the sentence's, not the name's ("Det Radikale Venstre").
    if (i === 0 && j - i > 1 && this.isStop(words[0]!.text, tools)) from = 1;
    if (j - from === 1 && this.isStop(words[from]!.text, tools)) return i;
    const name = text.slice(words[from]!.start, words[j - 1]!.end).replace(/\s+/gu, ' ');
    if ((name.match(LETTERS)?.length ?? 0) < 2) return i;
    if (from > i) {
      const id = this.wordTerm(words[i]!.text, language);
      if (id !== NONE) columns.addTerm(id);
    }
    const id = columns.intern(name, NAME);
    columns.termTokens[id]!++;
    columns.termNouns[id]!++;
    // Alone at the sentence start, or behind a capitalised stop word there ("El Gobierno"): a name only if it is one elsewhere.
    if (i === 0 && j - from === 1) {
      const fallback = this.wordTerm(words[from]!.text, language);
      columns.pending.push(block);
      columns.pending.push(id);
      columns.pending.push(fallback);
    } else {
      columns.confirmed[id] = 1;
      columns.addTerm(id);
    }
    return j;
  }

  private isStop(word: string, tools: LanguageTools): boolean {
    const folded = tools.fold(word);
    return !this.keep.has(folded) && tools.isStop(folded);
  }

  /** The word term of a word, counted, or NONE; `use`, whether this use is a noun's, for the seeds' noun share (`wordUse`). */
  private wordTerm(word: string, language: Language, use: WordUse = NOUN): number {
    let known = language.words.get(word);
    if (known === undefined) language.words.set(word, (known = this.newWord(word, language.tools)));
    const id = known.id;
    if (id !== NONE) {
      this.columns.addForm(id, known.form);
      if (use !== UNKNOWN) this.columns.termTokens[id]!++;
      if (use === NOUN) this.columns.termNouns[id]!++;
    }
    return id;
  }

  /** The term of a word not seen before (not counted), and the form to count for it. */
  private newWord(word: string, tools: LanguageTools): { id: number; form: string } {
    const folded = tools.fold(word);
    if (!WORD_TERM.test(folded) || letters(folded) < tools.profile.minLetters) return { id: NONE, form: folded };
    if (!this.keep.has(folded) && tools.isStop(folded)) return { id: NONE, form: folded };
    const merged = this.merge.get(folded);
    const form = merged ?? folded;
    const id = this.columns.intern(termKey(this.options.mergeVariants ? tools.stem(form) : form, tools.profile.code), WORD);
    // Shown as most often written where nouns are capitalised ("Schule", not "schule").
    return { id, form: tools.profile.capitalisedNouns && merged === undefined ? word : form };
  }

  finish(documents: readonly Document[], languages: readonly string[]): TextShard {
    return { ...this.columns.finish(documents), documentLanguages: [...languages] };
  }
}

/** An elided article or pronoun and its apostrophe at the start of a word: `l'`, `dell’`, `qu'`. */
const ELIDED = /^(\p{L}{1,6})['\u2019\u02BC](?=\p{L})/u;

/** Takes the language's elisions off the front of the words, in place (`L'école` → `école`, its span with it). */
function dropElisions(words: Word[], elisions: ReadonlySet<string>): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const m = ELIDED.exec(word.text);
    if (m !== null && elisions.has(m[1]!.toLowerCase())) words[i] = { text: word.text.slice(m[0].length), start: word.start + m[0].length, end: word.end, elided: m[1]!.toLowerCase() };
  }
}

/** An apostrophe between letters, and the suffix after it: `'da` in `İstanbul'da`. */
const SUFFIX = /['\u2019\u02BC]\p{L}[\p{L}\p{M}]*$/u;

/** Cuts suffixes written after an apostrophe off the words, in place (`İstanbul'da` → `İstanbul`, its span with it). */
function dropApostropheSuffixes(words: Word[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const m = SUFFIX.exec(word.text);
    if (m !== null && m.index > 0) words[i] = { text: word.text.slice(0, m.index), start: word.start, end: word.start + m.index };
  }
}

/**
 * How word `i` of a sentence is used, for the seeds' noun share (seeds are mostly nouns, so that
 * verbs and adjectives are not concepts, as the English tagger keeps them out), where there is no
 * tagger: where the language capitalises its nouns (German), by its capital (*organisiert*,
 * *wichtig* are no nouns); where it puts an article or determiner before them, by whether one is
 * right before it (or elided onto it), a preposition before it telling nothing; else as a noun. A
 * sentence's first word is capitalised and follows nothing ("Verwenden Sie …"): it counts for neither.
 */
function wordUse(words: readonly Word[], text: string, i: number, tools: LanguageTools): WordUse {
  const profile = tools.profile;
  if (profile.capitalisedNouns) return i === 0 ? UNKNOWN : UPPER_FIRST.test(words[i]!.text) ? NOUN : OTHER;
  const determiners = profile.determiners;
  if (determiners === undefined) return NOUN;
  const elided = words[i]!.elided;
  if (elided !== undefined) return determiners.has(elided) ? NOUN : OTHER;
  // First in its sentence, or the second word of a compound ("decreto-ley").
  if (i === 0 || HYPHEN_GAP.test(text.slice(words[i - 1]!.end, words[i]!.start))) return UNKNOWN;
  // Plain lower case: these languages fold as the root locale does, and it is the faster call.
  const before = words[i - 1]!.text.toLowerCase();
  return determiners.has(before) ? NOUN : profile.prepositions?.has(before) ? UNKNOWN : OTHER;
}

/** How many letters a word has. */
function letters(word: string): number {
  let n = 0;
  for (const c of word) if (LETTER.test(c)) n++;
  return n;
}
