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
import type { Document } from '../corpus.ts';
import { compileMarkup, maskMarkup } from './markup.ts';
import { forgetNewWords, getNlp } from './nlp.ts';
import { toCodePoints } from './offsets.ts';
import { stopSet } from './stopwords.ts';

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

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
/** Lemmas of the model that a reader would not expect as a concept name. */
const LEMMA_FIXES: ReadonlyMap<string, string> = new Map([
  ['datum', 'data'],
  ['medium', 'media'],
]);
const NAME_TOKEN = /^\p{Lu}[\p{L}\p{N}.&-]*$/u;
/** A word term is letters, with inner digits or hyphens; contractions ("i'm") are not terms. */
const WORD_TERM = /^\p{L}[\p{L}\p{N}-]*$/u;

class GrowU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Builds the TextModel of `documents` (a shard of the corpus). */
export function buildTextShard(documents: readonly Document[], options: TextOptions): TextShard {
  const nlp = getNlp();
  const its = nlp.its;
  const markup = compileMarkup(options.markup);
  const stops = stopSet(options.stopwords);
  const keep = new Set(options.keepwords.map((w) => w.toLowerCase()));
  const excluded = new Set(options.excludeSpeakers.map((s) => s.toLowerCase()));
  const merge = new Map<string, string>();
  for (const [head, variants] of Object.entries(options.merges)) for (const v of variants) merge.set(v, head);

  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const kinds: number[] = [];
  const confirmed: number[] = [];
  const termTokens: number[] = [];
  const termNouns: number[] = [];
  const intern = (term: string, kind: number): number => {
    const merged = merge.get(term) ?? term;
    let id = termIds.get(merged);
    if (id === undefined) {
      id = terms.length;
      termIds.set(merged, id);
      terms.push(merged);
      kinds.push(kind);
      confirmed.push(0);
      termTokens.push(0);
      termNouns.push(0);
    }
    return id;
  };
  const speakerIds = new Map<string, number>();
  const speakers: string[] = [];

  const blockTermStarts = new GrowU32();
  const blockTerms = new GrowU32();
  const blockDoc = new GrowU32();
  const blockParagraph = new GrowU32();
  const blockStartUnits = new GrowU32();
  const blockEndUnits = new GrowU32();
  const blockSpeaker: number[] = [];
  const blockExcluded: number[] = [];
  const pending = new GrowU32();
  const blockStartCp = new GrowU32();
  const blockEndCp = new GrowU32();
  let scratch: number[] = [];
  let paragraphs = 0;
  let sentencesCount = 0;
  let tokens = 0;

  // The lemma of a capitalised word read as a common word ("Photos" → "photo"): the tagger gave
  // it as a proper noun, which is not lemmatised. Rare (sentence-initial only), so cached.
  const commonLemmas = new Map<string, string>();
  const commonLemma = (value: string): string => {
    const lower = value.toLowerCase();
    let lemma = commonLemmas.get(lower);
    if (lemma === undefined) {
      lemma = (nlp.readDoc(lower).tokens().out(its.lemma as typeof its.value) as string[])[0] ?? lower;
      commonLemmas.set(lower, lemma);
    }
    return lemma;
  };
  const wordTerm = (lemma: string, value: string, pos: string, stopFlag: boolean): number => {
    if (!CONTENT_POS.has(pos)) return NONE;
    const lower = value.toLowerCase();
    const term = options.mergeVariants ? (lower === 'media' || lower === 'data' ? lower : (LEMMA_FIXES.get(lemma.toLowerCase()) ?? lemma.toLowerCase())) : lower;
    if (term.length < 3 || !WORD_TERM.test(term)) return NONE;
    if (!keep.has(term) && (stopFlag || stops.has(term) || stops.has(value.toLowerCase()))) return NONE;
    const id = intern(term, WORD);
    termTokens[id]!++;
    if (pos === 'NOUN' || pos === 'PROPN') termNouns[id]!++;
    return id;
  };

  for (let d = 0; d < documents.length; d++) {
    const doc = documents[d]!;
    forgetNewWords();
    const firstBlockOfDoc = blockDoc.length;
    let openSentences = 0;
    let openSpeaker = -2;
    const closeBlock = (): void => {
      if (openSentences === 0) return;
      scratch.sort((a, b) => a - b);
      let last = -1;
      for (const t of scratch) if (t !== last) blockTerms.push((last = t));
      blockTermStarts.push(blockTerms.length);
      scratch = [];
      openSentences = 0;
    };
    // The document's paragraphs are tokenised in one pass, the masked paragraphs joined by blank
    // lines, at which wink-nlp always ends a sentence; sentences are still cut at paragraph ends
    // below. One wink-nlp document per paragraph made the text stage 13 % slower (8.5 M words).
    const parts: { p: number; start: number; offset: number; length: number }[] = [];
    const texts: string[] = [];
    let joinedLength = 0;
    for (let p = 0; p < doc.paragraphs.length; p++) {
      const paragraph = doc.paragraphs[p]!;
      const raw = doc.text.slice(paragraph.start, paragraph.end);
      // Typographic quotes become ASCII ones (same length, offsets unchanged) so contractions split.
      const masked = maskMarkup(raw, markup).replace(/[\u2018\u2019\u02BC]/g, "'").replace(/[\u201C\u201D]/g, '"');
      if (masked.trim().length === 0) continue;
      if (texts.length > 0) joinedLength += PARAGRAPH_JOIN.length;
      parts.push({ p, start: paragraph.start, offset: joinedLength, length: masked.length });
      texts.push(masked);
      joinedLength += masked.length;
    }
    const joined = texts.join(PARAGRAPH_JOIN);
    const wdoc = nlp.readDoc(joined);
    const toks = wdoc.tokens();
    const values = toks.out(its.value) as string[];
    const spaces = toks.out(its.precedingSpaces) as string[];
    const types = toks.out(its.type) as string[];
    const pos = toks.out(its.pos) as string[];
    const lemmas = (options.mergeVariants ? toks.out(its.lemma as typeof its.value) : values) as string[];
    const stopFlags = toks.out(its.stopWordFlag) as boolean[];
    const sentences = wdoc.sentences().out(its.span) as unknown as [number, number][];
    const n = values.length;
    // Token spans in the document's text, and each token's part (-1 between parts).
    const tokStart = new Uint32Array(n);
    const tokEnd = new Uint32Array(n);
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
        if (types[i] === 'word') tokens++;
      }
    }
    // Each sentence cut into its runs of tokens of one part, listed per part.
    const pieces: [number, number][][] = parts.map(() => []);
    for (const [a, b] of sentences) {
      for (let i = a; i <= b && i < n; ) {
        const k = tokPart[i]!;
        let j = i;
        while (j + 1 <= b && j + 1 < n && tokPart[j + 1] === k) j++;
        if (k >= 0) pieces[k]!.push([i, j]);
        i = j + 1;
      }
    }

    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!.p;
      const paragraph = doc.paragraphs[p]!;
      paragraphs++;
      let speaker = -1;
      if (paragraph.speaker !== undefined) {
        speaker = speakerIds.get(paragraph.speaker) ?? -1;
        if (speaker < 0) {
          speaker = speakers.length;
          speakerIds.set(paragraph.speaker, speaker);
          speakers.push(paragraph.speaker);
        }
      }
      const isExcluded = paragraph.speaker !== undefined && excluded.has(paragraph.speaker.toLowerCase());
      if (options.respectParagraphs || speaker !== openSpeaker) closeBlock();

      for (const [a, b] of pieces[k]!) {
        sentencesCount++;
        if (openSentences === 0) {
          blockDoc.push(d);
          blockParagraph.push(p);
          blockStartUnits.push(tokStart[a]!);
          blockEndUnits.push(tokEnd[b]!);
          blockSpeaker.push(speaker);
          blockExcluded.push(isExcluded ? 1 : 0);
          openSpeaker = speaker;
        } else {
          blockEndUnits.data[blockEndUnits.length - 1] = tokEnd[b]!;
        }
        const block = blockDoc.length - 1;
        openSentences++;
        if (!isExcluded) {
          for (let i = a; i <= b; ) {
            // A name: a run of capitalised words with a proper noun in it.
            if (options.names && types[i] === 'word' && NAME_TOKEN.test(values[i]!) && !(i === a && pos[i] !== 'PROPN')) {
              let j = i;
              let proper = false;
              while (j <= b && j - i < 4 && types[j] === 'word' && NAME_TOKEN.test(values[j]!)) {
                if (pos[j] === 'PROPN') proper = true;
                j++;
              }
              if (proper) {
                let name = values[i]!;
                for (let k = i + 1; k < j; k++) name += ' ' + values[k]!;
                const single = j - i === 1 ? values[i]!.toLowerCase() : '';
                if (name.replace(/[^\p{L}]/gu, '').length >= 2 && !(single && !keep.has(single) && (stops.has(single) || stopFlags[i]))) {
                  const id = intern(name, NAME);
                  termTokens[id]!++;
                  termNouns[id]!++;
                  if (i === a && j - i === 1) {
                    pending.push(block);
                    pending.push(id);
                    pending.push(wordTerm(commonLemma(values[i]!), values[i]!, 'NOUN', stopFlags[i]!));
                  } else {
                    confirmed[id] = 1;
                    scratch.push(id);
                  }
                  i = j;
                  continue;
                }
              }
            }
            if (types[i] === 'word') {
              const id = wordTerm(lemmas[i]!, values[i]!, pos[i]!, stopFlags[i]!);
              if (id !== NONE) scratch.push(id);
            }
            i++;
          }
        }
        if (openSentences >= options.blockSentences) closeBlock();
      }
    }
    closeBlock();
    // Block offsets of this document in code points.
    const units = blockStartUnits.data.subarray(firstBlockOfDoc, blockStartUnits.length);
    const ends = blockEndUnits.data.subarray(firstBlockOfDoc, blockEndUnits.length);
    const starts = toCodePoints(doc.text, units.slice());
    const stops2 = toCodePoints(doc.text, ends.slice());
    for (let i = 0; i < starts.length; i++) {
      blockStartCp.push(starts[i]!);
      blockEndCp.push(stops2[i]!);
    }
  }

  const starts = new Uint32Array(blockDoc.length + 1);
  starts.set(blockTermStarts.data.subarray(0, blockTermStarts.length), 1);
  return {
    terms,
    kinds: Uint8Array.from(kinds),
    termTokens: Uint32Array.from(termTokens),
    termNouns: Uint32Array.from(termNouns),
    nameConfirmed: Uint8Array.from(confirmed),
    blockTermStarts: starts,
    blockTerms: blockTerms.toArray(),
    blockDoc: blockDoc.toArray(),
    blockParagraph: blockParagraph.toArray(),
    blockStart: blockStartCp.toArray(),
    blockEnd: blockEndCp.toArray(),
    blockSpeaker: Int32Array.from(blockSpeaker),
    blockExcluded: Uint8Array.from(blockExcluded),
    speakers,
    pending: pending.toArray(),
    documents: documents.length,
    documentLengths: Uint32Array.from(documents, (d) => d.text.length - (d.text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)),
    paragraphs,
    sentences: sentencesCount,
    tokens,
  };
}
