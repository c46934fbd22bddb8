/**
 * TextModel: documents → sentence blocks with the terms each contains, as columns.
 *
 * A term is a word (lower-cased lemma of a noun, verb or adjective of at least 3 letters, not a
 * stop word) or a name (a run of capitalised tokens with a proper noun in it, kept
 * case-sensitive and multi-word, Smith & Humphreys 2006 §"name-like words"). A one-word name at a
 * sentence start is ambiguous ("Lisa said" vs "Thanks said"): it is kept pending and resolved over
 * the whole corpus (`resolveNames` in stats/termStats.ts) — a name only if seen as one elsewhere.
 *
 * Blocks are `blockSentences` consecutive sentences that never cross a document, a speaker turn
 * or (by default) a paragraph. Counting is by block everywhere.
 *
 * This is a pure kernel over a slice of the corpus: the worker pool runs it on shards of
 * documents and merges the shards in document order, so its output uses a shard-local vocabulary.
 */
import type { AnalysisOptions } from '../defaults.ts';
import type { Document, Paragraph } from '../corpus.ts';
import { compileMarkup, maskMarkup } from './markup.ts';
import { maskLongTokens } from './longTokens.ts';
import { isIdiomNoun } from './idioms.ts';
import { forgetNewWords, getNlp } from './nlp.ts';
import { ShardColumns } from './shardColumns.ts';
import { INTERJECTIONS, stopSet } from './stopwords.ts';

export const NONE = 0xffffffff;
export const WORD = 0;
export const NAME = 1;

/** The TextModel of a shard of documents, with a shard-local vocabulary. */
export interface TextShard {
  /** Local vocabulary, in order of first occurrence. */
  terms: string[];
  /** `WORD` or `NAME` per term. */
  kinds: Uint8Array;
  /** Word tokens per term, and how many of them were nouns: seeds are mostly-noun terms. */
  termTokens: Uint32Array;
  termNouns: Uint32Array;
  /** 1 when the name was seen away from a sentence start in this shard. */
  nameConfirmed: Uint8Array;
  /** CSR: the sorted, unique local term ids of block i are `blockTerms[blockTermStarts[i]..blockTermStarts[i+1])`. */
  blockTermStarts: Uint32Array;
  blockTerms: Uint32Array;
  /** Per block: document index within the shard, paragraph index, code-point span, local speaker or -1, excluded flag. */
  blockDoc: Uint32Array;
  blockParagraph: Uint32Array;
  blockStart: Uint32Array;
  blockEnd: Uint32Array;
  blockSpeaker: Int32Array;
  blockExcluded: Uint8Array;
  /** Local speaker table. */
  speakers: string[];
  /** Triples (block, name term, fallback word term or NONE) for names seen only at a sentence start. */
  pending: Uint32Array;
  documents: number;
  /** Length of each document's text in code points. */
  documentLengths: Uint32Array;
  /** Language (ISO 639-1) of each document; set by the language dispatch (`languages/buildTextModel.ts`). */
  documentLanguages?: string[];
  /** Sentiment score of each block (NaN: none), with the `sentiment` option; set by `languages/buildTextModel.ts`. */
  blockSentiment?: Float64Array;
  /** Per term, its surface forms and how often each was seen, where the term's key is not what to show (a stem of a language other than English); undefined for the others. */
  termForms?: (Record<string, number> | undefined)[];
  /** Words used as nouns that the stop list kept from being terms, with the blocks (not excluded) each is in: why a frequent word is no concept. English only. */
  stopped?: { words: string[]; blocks: Uint32Array };
  paragraphs: number;
  sentences: number;
  tokens: number;
}

export type TextOptions = Pick<
  AnalysisOptions,
  'blockSentences' | 'respectParagraphs' | 'mergeVariants' | 'names' | 'stopwords' | 'keepwords' | 'merges' | 'excludeSpeakers' | 'markup'
>;

/** What joins a document's paragraphs for wink-nlp: it ends a sentence at a blank line. */
const PARAGRAPH_JOIN = '\n\n';

/** Most characters of one document given to wink-nlp in one pass (cut between paragraphs). */
const MAX_PASS_CHARS = 2 ** 20;

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
/**
 * A capitalised word of a name; an apostrophe inside it between letters, as in "O'Brien",
 * "D'Angelo" (one token to wink-nlp; before, such names were lost), but not a contraction that
 * wink-nlp left whole ("I'm", "Don't").
 */
const NAME_WORD = /^\p{Lu}(?:[\p{L}\p{N}.&-]|'(?=\p{L}))*$/u;
const CONTRACTION = /'(?:s|m|d|t|re|ve|ll)$/i;

function isNameWord(value: string): boolean {
  return NAME_WORD.test(value) && !CONTRACTION.test(value);
}
const INTERJECTION: ReadonlySet<string> = new Set(INTERJECTIONS);
/** A hyphen between the words of a compound: hyphen-minus, or Unicode's hyphens. */
const HYPHEN = /^[-\u2010\u2011]$/;
/** Parts of speech of a compound's last word that make it a noun: "follow-up", "well-being", "check-in". */
const PARTICLE_POS = new Set(['ADP', 'AUX', 'ADV', 'PART']);
/** A word term is letters, with inner digits or hyphens; contractions ("i'm") are not terms. */
const WORD_TERM = /^\p{L}[\p{L}\p{N}-]*$/u;

/**
 * Titles and forms of address, lower-case without a final dot. Before or after a name they are
 * dropped ("Justice Kennedy" → "Kennedy", "Prime Minister" → nothing); alone they make no name, so
 * "Mr. Chair", "Madam Speaker" and "Your Honor" are no concepts (the ordinary words "chair", "speaker" still are).
 */
const TITLES: ReadonlySet<string> = new Set(
  `mr mrs ms miss mx mister dr doctor prof professor sir madam madame dame lord lady hon honourable honorable
  rev reverend chair chairman chairwoman chairperson minister speaker president vice deputy prime secretary
  senator justice judge chief mayor councillor councilor cllr mp mep commissioner congressman congresswoman
  representative governor premier member attorney general solicitor honor honour lordship ladyship excellency`.split(/\s+/),
);

/**
 * The term of a word by its lemma, lower case. "data" and "media" stay as they are: the model's
 * lemmas are *datum* and *medium*, which a reader would not expect as a concept's name (before,
 * every *medium* was made *media* too, "Welsh-medium schools" among them).
 */
function wordLemma(lemma: string, lower: string): string {
  return lower === 'media' || lower === 'data' ? lower : lemma.toLowerCase();
}

/** Whether a word is a title or form of address ("Mr.", "Madam", "Chair", "Hon."). */
export function isTitle(value: string): boolean {
  return TITLES.has(value.toLowerCase().replace(/\.$/, ''));
}

/**
 * Builds the TextModel of `documents` (a shard of the corpus). `onDocument`, when given, hears of
 * each document as it is done, with the shard's word tokens so far (progress while this thread is
 * busy tokenising).
 */
export function buildTextShard(documents: readonly Document[], options: TextOptions, onDocument?: (d: number, words: number) => void): TextShard {
  const builder = new ShardBuilder(options);
  for (let d = 0; d < documents.length; d++) {
    builder.add(documents[d]!, d);
    onDocument?.(d, builder.columns.tokens);
  }
  return builder.finish(documents);
}

/**
 * The TextModel of a shard as it grows, one document at a time: the shard's vocabulary and block
 * columns, which only grow together. The work is cut into methods of one step each so that V8
 * optimises each on its own: as one 250-line function it was compiled for OSR and deoptimised
 * over and over (ten TurboFan compiles, 0.8 s of compiler time per thread on 8.5 M words), which
 * on two busy workers takes the cores from tokenising.
 */
class ShardBuilder {
  private readonly nlp = getNlp();
  private readonly markup: RegExp | undefined;
  private readonly stops: ReadonlySet<string>;
  private readonly keep: ReadonlySet<string>;
  private readonly merge = new Map<string, string>();
  /** The lemma of a capitalised word read as a common word: rare (sentence-initial only), so cached. */
  private readonly commonLemmas = new Map<string, string>();
  readonly columns: ShardColumns;

  /** The current document's tokens, as wink-nlp gives them, and their spans in the document's text. */
  private values: string[] = [];
  private types: string[] = [];
  private pos: string[] = [];
  private lemmas: string[] = [];
  private stopFlags: boolean[] = [];
  private tokStart = new Uint32Array(0);
  private tokEnd = new Uint32Array(0);

  constructor(private readonly options: TextOptions) {
    this.markup = compileMarkup(options.markup);
    this.stops = stopSet(options.stopwords);
    this.keep = new Set(options.keepwords.map((w) => w.toLowerCase()));
    for (const [head, variants] of Object.entries(options.merges)) for (const v of variants) this.merge.set(v, head);
    this.columns = new ShardColumns(options);
  }

  /** Adds document `d` of the shard. */
  add(doc: Document, d: number): void {
    forgetNewWords();
    this.columns.startDocument();
    for (const { joined, parts } of this.joinParagraphs(doc)) {
      const its = this.nlp.its;
      const wdoc = this.nlp.readDoc(joined);
      const toks = wdoc.tokens();
      this.values = toks.out(its.value) as string[];
      this.types = toks.out(its.type) as string[];
      this.pos = toks.out(its.pos) as string[];
      this.lemmas = (this.options.mergeVariants ? toks.out(its.lemma as typeof its.value) : this.values) as string[];
      this.stopFlags = toks.out(its.stopWordFlag) as boolean[];
      const tokPart = this.locateTokens(joined, toks.out(its.precedingSpaces) as string[], parts);
      const pieces = cutSentences(wdoc.sentences().out(its.span) as unknown as [number, number][], tokPart, parts.length);
      for (let k = 0; k < parts.length; k++) this.addParagraph(doc.paragraphs[parts[k]!.p]!, d, parts[k]!.p, pieces[k]!);
    }
    this.columns.endDocument(doc.text);
  }

  /**
   * The document's paragraphs, masked, joined by blank lines for one wink-nlp pass (it always ends a
   * sentence at a blank line; sentences are still cut at paragraph ends). One wink-nlp document per
   * paragraph made the text stage 13 % slower (8.5 M words). Blank paragraphs are left out. A
   * document longer than MAX_PASS_CHARS is cut between paragraphs into several passes, so that
   * wink-nlp's token arrays for one huge file never all exist at once (a 50 MB file peaked at
   * 2.6 GB in one pass); the tokens are the same, since no sentence crosses a paragraph.
   */
  private joinParagraphs(doc: Document): { joined: string; parts: Part[] }[] {
    const passes: { joined: string; parts: Part[] }[] = [];
    let parts: Part[] = [];
    let texts: string[] = [];
    let joinedLength = 0;
    for (let p = 0; p < doc.paragraphs.length; p++) {
      const paragraph = doc.paragraphs[p]!;
      const raw = doc.text.slice(paragraph.start, paragraph.end);
      // Typographic quotes become ASCII ones (same length, offsets unchanged) so contractions split.
      const masked = maskLongTokens(maskMarkup(raw, this.markup).replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"'));
      if (masked.trim().length === 0) continue;
      if (texts.length > 0 && joinedLength + PARAGRAPH_JOIN.length + masked.length > MAX_PASS_CHARS) {
        passes.push({ joined: texts.join(PARAGRAPH_JOIN), parts });
        parts = [];
        texts = [];
        joinedLength = 0;
      }
      if (texts.length > 0) joinedLength += PARAGRAPH_JOIN.length;
      parts.push({ p, start: paragraph.start, offset: joinedLength, length: masked.length });
      texts.push(masked);
      joinedLength += masked.length;
    }
    if (texts.length > 0 || passes.length === 0) passes.push({ joined: texts.join(PARAGRAPH_JOIN), parts });
    return passes;
  }

  /** Sets each token's span in the document's text; returns each token's part (-1 between parts). Counts word tokens. */
  private locateTokens(joined: string, spaces: readonly string[], parts: readonly Part[]): Int32Array {
    const values = this.values;
    const types = this.types;
    const n = values.length;
    const tokStart = (this.tokStart = new Uint32Array(n));
    const tokEnd = (this.tokEnd = new Uint32Array(n));
    const tokPart = new Int32Array(n).fill(-1);
    let cursor = 0;
    let part = 0;
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      cursor += spaces[i]!.length;
      if (!joined.startsWith(value, cursor)) {
        const found = joined.indexOf(value, cursor);
        if (found >= 0) cursor = found;
      }
      while (part < parts.length && cursor >= parts[part]!.offset + parts[part]!.length) part++;
      const inPart = part < parts.length && cursor >= parts[part]!.offset;
      const shift = inPart ? parts[part]!.start - parts[part]!.offset : 0;
      tokStart[i] = cursor + shift;
      cursor += value.length;
      tokEnd[i] = cursor + shift;
      if (inPart) {
        tokPart[i] = part;
        if (types[i] === 'word') this.columns.tokens++;
      }
    }
    return tokPart;
  }

  /** Paragraph `p` of document `d`, whose sentences are `pieces` (token ranges, inclusive, as pairs). */
  private addParagraph(paragraph: Paragraph, d: number, p: number, pieces: readonly number[]): void {
    const columns = this.columns;
    const speaker = columns.startParagraph(paragraph.speaker);
    const isExcluded = columns.isExcluded(paragraph.speaker);
    for (let s = 0; s < pieces.length; s += 2) {
      const a = pieces[s]!;
      const b = pieces[s + 1]!;
      const block = columns.openSentence(d, p, this.tokStart[a]!, this.tokEnd[b]!, speaker, isExcluded);
      if (!isExcluded) this.addSentence(a, b, block);
      columns.closeSentence();
    }
  }

  /** The terms of tokens `a..b` (a sentence's, inclusive) into the open block `block`. */
  private addSentence(a: number, b: number, block: number): void {
    const { types, values, pos, lemmas, stopFlags, columns } = this;
    const names = this.options.names;
    for (let i = a; i <= b; ) {
      if (types[i] !== 'word') {
        i++;
        continue;
      }
      if (names) {
        const next = this.addName(i, a, b, block);
        if (next > i) {
          i = next;
          continue;
        }
      }
      const last = this.compoundEnd(i, a, b);
      if (last > i && !this.allContentWords(i, last)) {
        const id = this.compoundTerm(i, last, b);
        if (id !== NONE) columns.addTerm(id);
        i = last + 1;
        continue;
      }
      const id = this.wordTerm(lemmas[i]!, values[i]!, pos[i]!, stopFlags[i]!, i);
      if (id !== NONE) columns.addTerm(id);
      i++;
    }
  }

  /**
   * A name at word token `i` of sentence `a..b`: a run of capitalised words with a proper noun in
   * it. Adds it and returns the token after it, or returns `i` when there is none.
   */
  private addName(i: number, a: number, b: number, block: number): number {
    const { types, values, pos } = this;
    if (!isNameWord(values[i]!) || (i === a && pos[i] !== 'PROPN' && !isTitle(values[i]!))) return i;
    // The run's words, a hyphenated compound of capitalised words one of them ("Finch-Saunders"):
    // word u is tokens ends[u - 1] + 1 … ends[u] (ends[-1] = i - 1).
    const ends: number[] = [];
    let j = i;
    while (j <= b && ends.length < 4 && types[j] === 'word' && isNameWord(values[j]!)) {
      let last = this.compoundEnd(j, a, b);
      if (last > j && !this.capitalisedCompound(j, last)) {
        // A compound term ("Front-line" at a sentence start) ends the run; one read as its words ("Welsh-medium") ends it after its first.
        if (!this.allContentWords(j, last)) break;
        last = j;
      }
      ends.push(last);
      j = last + 1;
    }
    if (ends.length === 0) return i;
    const first = (u: number): number => (u === 0 ? i : ends[u - 1]! + 1);
    const single = (u: number): boolean => first(u) === ends[u];
    // Titles, forms of address and fillers at either end are not part of a name ("Mr. Chair",
    // "Hon. Justin Trudeau", "Um I"): a run of nothing else makes no term at all.
    let s = 0;
    let e = ends.length;
    while (s < e && single(s) && this.isNameEdge(first(s))) s++;
    while (e > s && single(e - 1) && this.isNameEdge(ends[e - 1]!)) e--;
    if (s === e) return isTitle(values[i]!) ? j : i;
    // A proper noun in the run; or a capitalised adjective alone inside a sentence (no capitalised
    // word next to it, so not "Acting Chair"), which the model tags as an adjective where it names
    // a language or people ("spoke French", "French constructions": always ADJ, while "English"
    // and "Breton" are PROPN). Whether it is a name is then the corpus's to say, as for every
    // name: `foldNames` makes it the word where the corpus writes it in lower case often enough
    // ("said: Great idea" is *great*).
    let proper = ends.length === 1 && i === ends[0] && i > a && pos[i] === 'ADJ';
    for (let k = first(s); k <= ends[e - 1]!; k++) if (pos[k] === 'PROPN') proper = true;
    if (!proper) return i;
    let name = '';
    for (let u = s; u < e; u++) name += (u > s ? ' ' : '') + this.compoundText(first(u), ends[u]!);
    if (name.replace(/[^\p{L}]/gu, '').length < 2) return i;
    const columns = this.columns;
    const id = this.intern(name, NAME);
    columns.termTokens[id]!++;
    columns.termNouns[id]!++;
    if (first(s) === a && e - s === 1) {
      columns.pending.push(block);
      columns.pending.push(id);
      // The word is counted when the merge resolves the name to it, not now: a name confirmed
      // elsewhere must not look like an ordinary word of the corpus (`foldNames`).
      const at = first(s);
      const fallback = single(s)
        ? this.wordTerm(this.commonLemma(values[at]!), values[at]!, 'NOUN', this.stopFlags[at]!)
        : this.wordTerm(name.toLowerCase(), name.toLowerCase(), 'NOUN', false);
      if (fallback !== NONE) {
        columns.termTokens[fallback]!--;
        columns.termNouns[fallback]!--;
      }
      columns.pending.push(fallback);
    } else {
      columns.confirmed[id] = 1;
      columns.addTerm(id);
    }
    return j;
  }

  /**
   * The last token of the hyphenated compound that starts at word token `i` of sentence `a..b`
   * ("well-being", "part-time", "mother-in-law": words and numbers joined by hyphens with no space),
   * or `i` when none does. wink-nlp splits most such compounds at the hyphen, so "well-being" was
   * lost (two stop words), "part-time" counted for *time* and "infra-red" for *red*; English writes
   * them as one word. A token right behind a hyphen starts none: it is inside "3-year-old".
   */
  private compoundEnd(i: number, a: number, b: number): number {
    const { types, values, tokStart, tokEnd } = this;
    if (i > a && HYPHEN.test(values[i - 1]!) && tokEnd[i - 1] === tokStart[i]) return i;
    let j = i;
    while (j + 2 <= b && HYPHEN.test(values[j + 1]!) && tokEnd[j] === tokStart[j + 1] && tokEnd[j + 1] === tokStart[j + 2] && (types[j + 2] === 'word' || types[j + 2] === 'number')) j += 2;
    return j;
  }

  /**
   * Whether every word of the compound `i..last` is a term on its own ("scroll-wheel",
   * "user-friendly", "health-care"): such a compound is read as its words, as the same compound
   * written open ("scroll wheel") is, and a phrase label can name it. Only a compound that loses a
   * word to the stop list or misleads without it is one term ("well-being", "part-time",
   * "follow-up", "in-person", "infra-red").
   */
  private allContentWords(i: number, last: number): boolean {
    const { values, lemmas, pos, stopFlags, types, stops } = this;
    for (let k = i; k <= last; k += 2) {
      const lower = values[k]!.toLowerCase();
      if (types[k] !== 'word' || !CONTENT_POS.has(pos[k]!) || stopFlags[k] || lower.length < 3 || stops.has(lower) || stops.has(lemmas[k]!.toLowerCase())) return false;
    }
    return true;
  }

  /** Whether every word of the compound `i..last` is capitalised, as in a name ("Finch-Saunders", not "Front-line"). */
  private capitalisedCompound(i: number, last: number): boolean {
    for (let k = i; k <= last; k += 2) if (!isNameWord(this.values[k]!)) return false;
    return true;
  }

  /** The compound `i..last` as written, its hyphens as "-". */
  private compoundText(i: number, last: number): string {
    let text = this.values[i]!;
    for (let k = i + 2; k <= last; k += 2) text += '-' + this.values[k]!;
    return text;
  }

  /**
   * The word term of the compound `i..last` of a sentence ending at `b`, counted, or NONE: lower
   * case, its last word's lemma where that is a noun ("push-buttons" → *push-button*). It counts as
   * a noun where its last word is one or a particle ("follow-up", "well-being"), else as its last
   * word. None when every word is an interjection ("mm-hmm"), when the last is no content word
   * ("twenty-five"), and before a noun, where the compound qualifies it ("long-term care",
   * "part-time work", "two-way interactions"): the noun after it carries the topic. Kept there as
   * adjectives, such qualifiers became evidence of how rather than of what (*hard-working*,
   * *high-quality* for Committee's *Canadians*), and the themes' ARI over resamples fell by
   * 0.03–0.07 (docs/validity.md, session 26).
   */
  private compoundTerm(i: number, last: number, b: number): number {
    const { values, pos, types } = this;
    let interjection = true;
    for (let k = i; k <= last; k += 2) if (!INTERJECTION.has(values[k]!.toLowerCase())) interjection = false;
    const head = pos[last]!;
    if (interjection || !(CONTENT_POS.has(head) || PARTICLE_POS.has(head))) return NONE;
    const lower = this.compoundText(i, last).toLowerCase();
    const end = values[last]!.toLowerCase();
    const term = head === 'NOUN' && this.options.mergeVariants ? lower.slice(0, lower.length - end.length) + wordLemma(this.lemmas[last]!, end) : lower;
    const next = last < b && types[last + 1] === 'word' ? pos[last + 1] : undefined;
    if (next === 'NOUN' || next === 'PROPN') return NONE;
    const role = head === 'PROPN' || PARTICLE_POS.has(head) ? 'NOUN' : head;
    return this.wordTerm(term, term, role, false);
  }

  /** A token at the edge of a capitalised run that is no part of a name: a title, or a stop word or filler ("Um", "I", "The"). */
  private isNameEdge(k: number): boolean {
    const value = this.values[k]!;
    if (isTitle(value)) return true;
    const lower = value.toLowerCase();
    return !this.keep.has(lower) && (this.stops.has(lower) || this.stopFlags[k]!);
  }

  /** The word term of a token, counted, or NONE; `at`, the token's index, to tell the noun of a fixed expression ("of course"). */
  private wordTerm(lemma: string, value: string, pos: string, stopFlag: boolean, at = -1): number {
    if (!CONTENT_POS.has(pos)) return NONE;
    const lower = value.toLowerCase();
    const term = this.options.mergeVariants ? wordLemma(lemma, lower) : lower;
    if (term.length < 3 || !WORD_TERM.test(term)) return NONE;
    if (!this.keep.has(term) && (stopFlag || this.stops.has(term) || this.stops.has(value.toLowerCase()))) {
      if (pos === 'NOUN') this.columns.addStopped(term);
      return NONE;
    }
    if (at >= 0 && !this.keep.has(term) && isIdiomNoun(term, this.values, at)) return NONE;
    const id = this.intern(term, WORD);
    this.columns.termTokens[id]!++;
    if (pos === 'NOUN' || pos === 'PROPN') this.columns.termNouns[id]!++;
    return id;
  }

  /** The lemma of a capitalised word read as a common word ("Photos" → "photo"): the tagger gave it as a proper noun, which is not lemmatised. */
  private commonLemma(value: string): string {
    const lower = value.toLowerCase();
    let lemma = this.commonLemmas.get(lower);
    if (lemma === undefined) {
      lemma = (this.nlp.readDoc(lower).tokens().out(this.nlp.its.lemma as typeof this.nlp.its.value) as string[])[0] ?? lower;
      this.commonLemmas.set(lower, lemma);
    }
    return lemma;
  }

  /** A term's id, `merges` applied. */
  private intern(term: string, kind: number): number {
    return this.columns.intern(this.merge.get(term) ?? term, kind);
  }

  finish(documents: readonly Document[]): TextShard {
    return this.columns.finish(documents);
  }
}

/** A paragraph's place in the joined text: paragraph index, its start in the document, its offset and length in the joined text. */
interface Part {
  p: number;
  start: number;
  offset: number;
  length: number;
}

/** Each sentence cut into its runs of tokens of one part, listed per part as pairs (first, last token). */
function cutSentences(sentences: readonly [number, number][], tokPart: Int32Array, parts: number): number[][] {
  const n = tokPart.length;
  const pieces: number[][] = Array.from({ length: parts }, () => []);
  for (const [a, b] of sentences) {
    for (let i = a; i <= b && i < n; ) {
      const k = tokPart[i]!;
      let j = i;
      while (j + 1 <= b && j + 1 < n && tokPart[j + 1] === k) j++;
      if (k >= 0) pieces[k]!.push(i, j);
      i = j + 1;
    }
  }
  return pieces;
}
