/**
 * The text stage of every language but English: `Intl.Segmenter` (ICU) cuts each paragraph into
 * sentences and words — by spaces and punctuation (Unicode UAX #29), and by dictionary where the
 * script has no spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese). A word is folded with the
 * language's own case rules (`toLocaleLowerCase`: Turkish dotless ı, Greek final sigma), dropped
 * when its stop list has it, stemmed by the language's Snowball stemmer where there is one, and
 * becomes a word term. A run of capitalised words is a name where the script has case and
 * capitals mark names (not German); alone at a sentence start it is a name only if it is one
 * elsewhere, as in the English stage.
 *
 * It builds the same TextShard columns as the English stage (`../textModel.ts`), so nothing
 * after the text stage knows the language. Word terms are keyed by stem and language
 * (`termKey`), so two languages never share a term and concepts stay within their language;
 * each shows its most frequent surface form (`termForms`). There is no part-of-speech tagger here:
 * every word counts as a noun.
 */
import type { Document } from '../../corpus.ts';
import { compileMarkup, maskMarkup } from '../markup.ts';
import { toCodePoints } from '../offsets.ts';
import { NAME, NONE, WORD, type TextOptions, type TextShard } from '../textModel.ts';
import { languageProfile } from './registry.ts';
import { languageTools, type LanguageTools } from './languageTools.ts';
import { termKey } from './termKey.ts';

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}\p{N}.&-]*$/u;
const WORD_TERM = /^\p{L}[\p{L}\p{M}\p{N}-]*$/u;
const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;
/** What may stand between the words of a name: spaces, or one hyphen ("Thorning-Schmidt", which ICU cuts in two). */
const NAME_GAP = /^(?:\s+|[-\u2010\u2011])$/u;
const MOST_NAME_WORDS = 4;

/** A word of a sentence: its text and its span in the paragraph's text. */
interface Word {
  text: string;
  start: number;
  end: number;
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
  private readonly excluded: ReadonlySet<string>;
  private readonly merge = new Map<string, string>();
  private readonly tools = new Map<string, LanguageTools>();

  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly forms: (Record<string, number> | undefined)[] = [];
  private readonly kinds: number[] = [];
  private readonly confirmed: number[] = [];
  private readonly termTokens: number[] = [];
  private readonly termNouns: number[] = [];
  private readonly speakerIds = new Map<string, number>();
  private readonly speakers: string[] = [];

  private readonly blockTermStarts: number[] = [0];
  private readonly blockTerms: number[] = [];
  private readonly blockDoc: number[] = [];
  private readonly blockParagraph: number[] = [];
  private readonly blockStart: number[] = [];
  private readonly blockEnd: number[] = [];
  private readonly blockSpeaker: number[] = [];
  private readonly blockExcluded: number[] = [];
  private readonly pending: number[] = [];
  private paragraphs = 0;
  private sentences = 0;
  private tokens = 0;

  private openSentences = 0;
  private openSpeaker = -2;
  private scratch: number[] = [];

  constructor(private readonly options: TextOptions) {
    this.markup = compileMarkup(options.markup);
    this.keep = new Set(options.keepwords.map((w) => w.toLowerCase()));
    this.excluded = new Set(options.excludeSpeakers.map((s) => s.toLowerCase()));
    for (const [head, variants] of Object.entries(options.merges)) for (const v of variants) this.merge.set(v, head);
  }

  private toolsOf(lang: string): LanguageTools {
    let tools = this.tools.get(lang);
    if (tools === undefined) {
      const profile = languageProfile(lang) ?? { code: lang, caseNames: true, minLetters: 3 };
      this.tools.set(lang, (tools = languageTools(profile, this.options.stopwords)));
    }
    return tools;
  }

  add(doc: Document, d: number, lang: string): void {
    const tools = this.toolsOf(lang);
    const firstBlock = this.blockDoc.length;
    this.openSentences = 0;
    this.openSpeaker = -2;
    for (let p = 0; p < doc.paragraphs.length; p++) {
      const paragraph = doc.paragraphs[p]!;
      const masked = maskMarkup(doc.text.slice(paragraph.start, paragraph.end), this.markup);
      if (masked.trim().length === 0) continue;
      this.paragraphs++;
      let speaker = -1;
      if (paragraph.speaker !== undefined) {
        speaker = this.speakerIds.get(paragraph.speaker) ?? -1;
        if (speaker < 0) {
          speaker = this.speakers.length;
          this.speakerIds.set(paragraph.speaker, speaker);
          this.speakers.push(paragraph.speaker);
        }
      }
      const isExcluded = paragraph.speaker !== undefined && this.excluded.has(paragraph.speaker.toLowerCase());
      if (this.options.respectParagraphs || speaker !== this.openSpeaker) this.closeBlock();
      for (const sentence of tools.sentences.segment(masked)) {
        const text = sentence.segment;
        const lead = text.length - text.trimStart().length;
        const trimmed = text.trimEnd().length;
        if (trimmed <= lead) continue;
        const words: Word[] = [];
        for (const w of tools.words.segment(text)) {
          if (w.isWordLike && LETTER.test(w.segment)) words.push({ text: w.segment, start: w.index, end: w.index + w.segment.length });
        }
        this.tokens += words.length;
        this.sentences++;
        const start = paragraph.start + sentence.index + lead;
        const end = paragraph.start + sentence.index + trimmed;
        if (this.openSentences === 0) {
          this.blockDoc.push(d);
          this.blockParagraph.push(p);
          this.blockStart.push(start);
          this.blockEnd.push(end);
          this.blockSpeaker.push(speaker);
          this.blockExcluded.push(isExcluded ? 1 : 0);
          this.openSpeaker = speaker;
        } else {
          this.blockEnd[this.blockEnd.length - 1] = end;
        }
        this.openSentences++;
        if (!isExcluded) this.addSentence(words, text, tools, this.blockDoc.length - 1);
        if (this.openSentences >= this.options.blockSentences) this.closeBlock();
      }
    }
    this.closeBlock();
    const starts = toCodePoints(doc.text, Uint32Array.from(this.blockStart.slice(firstBlock)));
    const ends = toCodePoints(doc.text, Uint32Array.from(this.blockEnd.slice(firstBlock)));
    for (let i = 0; i < starts.length; i++) {
      this.blockStart[firstBlock + i] = starts[i]!;
      this.blockEnd[firstBlock + i] = ends[i]!;
    }
  }

  /** The terms of a sentence's words into the open block. */
  private addSentence(words: readonly Word[], text: string, tools: LanguageTools, block: number): void {
    const names = this.options.names && tools.profile.caseNames;
    for (let i = 0; i < words.length; ) {
      if (names && NAME_WORD.test(words[i]!.text)) {
        const next = this.addName(words, text, i, tools, block);
        if (next > i) {
          i = next;
          continue;
        }
      }
      const id = this.wordTerm(words[i]!.text, tools);
      if (id !== NONE) this.scratch.push(id);
      i++;
    }
  }

  /** A name: the run of capitalised words from `i` (at most four, only spaces between them). Returns the word after it, or `i` when it is none. */
  private addName(words: readonly Word[], text: string, i: number, tools: LanguageTools, block: number): number {
    let j = i + 1;
    while (j < words.length && j - i < MOST_NAME_WORDS && NAME_WORD.test(words[j]!.text) && NAME_GAP.test(text.slice(words[j - 1]!.end, words[j]!.start))) j++;
    let from = i;
    // At a sentence start the first capital may be the sentence's, not the name's ("Det Radikale Venstre").
    if (i === 0 && j - i > 1 && this.isStop(words[0]!.text, tools)) from = 1;
    if (j - from === 1 && this.isStop(words[from]!.text, tools)) return i;
    const name = text.slice(words[from]!.start, words[j - 1]!.end).replace(/\s+/gu, ' ');
    if ((name.match(LETTERS)?.length ?? 0) < 2) return i;
    if (from > i) {
      const id = this.wordTerm(words[i]!.text, tools);
      if (id !== NONE) this.scratch.push(id);
    }
    const id = this.intern(name, NAME);
    this.termTokens[id]!++;
    this.termNouns[id]!++;
    // Alone at the sentence start, or behind a capitalised stop word there ("El Gobierno"): a name only if it is one elsewhere.
    if (i === 0 && j - from === 1) {
      this.pending.push(block, id, this.wordTerm(words[from]!.text, tools));
    } else {
      this.confirmed[id] = 1;
      this.scratch.push(id);
    }
    return j;
  }

  private isStop(word: string, tools: LanguageTools): boolean {
    const folded = tools.fold(word);
    return !this.keep.has(folded) && tools.isStop(folded);
  }

  /** The word term of a word, counted, or NONE. */
  private wordTerm(word: string, tools: LanguageTools): number {
    const folded = tools.fold(word);
    if (!WORD_TERM.test(folded) || (folded.match(LETTERS)?.length ?? 0) < tools.profile.minLetters) return NONE;
    if (!this.keep.has(folded) && tools.isStop(folded)) return NONE;
    const form = this.merge.get(folded) ?? folded;
    const id = this.intern(termKey(this.options.mergeVariants ? tools.stem(form) : form, tools.profile.code), WORD);
    const forms = (this.forms[id] ??= {});
    forms[form] = (forms[form] ?? 0) + 1;
    this.termTokens[id]!++;
    this.termNouns[id]!++;
    return id;
  }

  private intern(key: string, kind: number): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(key, id);
      this.terms.push(key);
      this.forms.push(undefined);
      this.kinds.push(kind);
      this.confirmed.push(0);
      this.termTokens.push(0);
      this.termNouns.push(0);
    }
    return id;
  }

  private closeBlock(): void {
    if (this.openSentences === 0) return;
    const scratch = this.scratch;
    scratch.sort((a, b) => a - b);
    let last = -1;
    for (const t of scratch) if (t !== last) this.blockTerms.push((last = t));
    this.blockTermStarts.push(this.blockTerms.length);
    this.scratch = [];
    this.openSentences = 0;
  }

  finish(documents: readonly Document[], languages: readonly string[]): TextShard {
    return {
      terms: this.terms,
      termForms: this.forms,
      kinds: Uint8Array.from(this.kinds),
      termTokens: Uint32Array.from(this.termTokens),
      termNouns: Uint32Array.from(this.termNouns),
      nameConfirmed: Uint8Array.from(this.confirmed),
      blockTermStarts: Uint32Array.from(this.blockTermStarts),
      blockTerms: Uint32Array.from(this.blockTerms),
      blockDoc: Uint32Array.from(this.blockDoc),
      blockParagraph: Uint32Array.from(this.blockParagraph),
      blockStart: Uint32Array.from(this.blockStart),
      blockEnd: Uint32Array.from(this.blockEnd),
      blockSpeaker: Int32Array.from(this.blockSpeaker),
      blockExcluded: Uint8Array.from(this.blockExcluded),
      speakers: this.speakers,
      pending: Uint32Array.from(this.pending),
      documents: documents.length,
      documentLengths: Uint32Array.from(documents, (d) => [...d.text].length),
      documentLanguages: [...languages],
      paragraphs: this.paragraphs,
      sentences: this.sentences,
      tokens: this.tokens,
    };
  }
}
