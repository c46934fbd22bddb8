/**
 * TermStats: the global vocabulary, block × term incidence (CSR of unique term ids per block)
 * and term block-frequencies, merged from TextModel shards in document order.
 *
 * Global term ids are given in order of first occurrence over the shards in document order, so
 * the ids — and everything computed from them — do not depend on how the corpus was sharded.
 * A `ShardMerger` takes the shards one at a time as they are tokenised, so that merging overlaps
 * the tokenising of the shards after them and no shard is held once merged; only names seen
 * solely at a sentence start wait for the end, when it is known whether they were confirmed.
 */
import type { Stemmer } from 'snowball-stemmers';
import { displayTerms } from '../text/languages/termKey.ts';
import { newStemmer } from '../text/languages/snowball.ts';
import { NONE, WORD, type TextShard } from '../text/textModel.ts';
import { room } from './csr.ts';

export interface BlockColumns {
  doc: Uint32Array;
  paragraph: Uint32Array;
  /** Code-point span in the document text. */
  start: Uint32Array;
  end: Uint32Array;
  /** Index into `TermStats.speakers`, or -1. */
  speaker: Int32Array;
  excluded: Uint8Array;
}

export interface TermStats {
  terms: string[];
  kinds: Uint8Array;
  blockTermStarts: Uint32Array;
  blockTerms: Uint32Array;
  /** Share of each term's tokens that were nouns or names. */
  nounShare: Float64Array;
  /** Blocks (not excluded) each term occurs in. */
  df: Uint32Array;
  /** Blocks that take part in learning (not excluded). */
  activeBlocks: number;
  blocks: BlockColumns;
  speakers: string[];
  /** First block of each document, plus the total at the end. */
  docBlockStart: Uint32Array;
  /** Length of each document's text in code points. */
  documentLengths: Uint32Array;
  /** Language (ISO 639-1) of each document. */
  documentLanguages: string[];
  /** Sentiment score of each block (NaN: none), when it was scored. */
  blockSentiment?: Float64Array;
  /** The STOPPED_LISTED most frequent nouns the stop list kept from being terms, by blocks (not excluded) they are in; English only. */
  stopped?: { words: string[]; blocks: Uint32Array };
  counts: { documents: number; paragraphs: number; sentences: number; tokens: number };
}

/** Stop-listed nouns kept in TermStats: enough to explain the frequent ones among the terms left out. */
const STOPPED_LISTED = 50;

/** Sorts `a[from..to)` ascending: insertion sort for the short rows blocks have. */
function sortRange(a: Uint32Array, from: number, to: number): void {
  if (to - from > 32) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Merges TextModel shards, added in document order, into TermStats. */
export class ShardMerger {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly kinds: number[] = [];
  private readonly tokensOf: number[] = [];
  private readonly nounsOf: number[] = [];
  private readonly confirmed: number[] = [];
  /** Surface forms of each term and their counts, where the key is not what to show (languages other than English). */
  private readonly forms: (Record<string, number> | undefined)[] = [];
  private readonly documentLanguages: string[] = [];
  private blockSentiment: Float64Array | undefined;
  private readonly stopped = new Map<string, number>();
  private readonly speakerIds = new Map<string, number>();
  private readonly speakers: string[] = [];
  private blocks: BlockColumns = { doc: new Uint32Array(1024), paragraph: new Uint32Array(1024), start: new Uint32Array(1024), end: new Uint32Array(1024), speaker: new Int32Array(1024), excluded: new Uint8Array(1024) };
  private blockTermStarts = new Uint32Array(1025);
  private blockTerms = new Uint32Array(4096);
  private docBlockStart = new Uint32Array(257);
  private documentLengths = new Uint32Array(256);
  /** Triples (global block, global name id, global fallback id or NONE) resolved by `finish`. */
  private readonly pending: number[] = [];
  private nBlocks = 0;
  private nnz = 0;
  readonly counts = { documents: 0, paragraphs: 0, sentences: 0, tokens: 0 };

  add(shard: TextShard): void {
    const map = new Uint32Array(shard.terms.length);
    for (let t = 0; t < shard.terms.length; t++) {
      const term = shard.terms[t]!;
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        this.kinds.push(shard.kinds[t]!);
        this.tokensOf.push(0);
        this.nounsOf.push(0);
        this.confirmed.push(0);
        this.forms.push(undefined);
      }
      const forms = shard.termForms?.[t];
      if (forms !== undefined) {
        const into = (this.forms[id] ??= {});
        for (const form in forms) into[form] = (into[form] ?? 0) + forms[form]!;
      }
      map[t] = id;
      this.tokensOf[id]! += shard.termTokens[t]!;
      this.nounsOf[id]! += shard.termNouns[t]!;
      if (shard.nameConfirmed[t]) this.confirmed[id] = 1;
    }
    if (shard.stopped) shard.stopped.words.forEach((w, i) => this.stopped.set(w, (this.stopped.get(w) ?? 0) + shard.stopped!.blocks[i]!));
    const smap = new Int32Array(shard.speakers.length);
    for (let s = 0; s < shard.speakers.length; s++) {
      const name = shard.speakers[s]!;
      let id = this.speakerIds.get(name);
      if (id === undefined) {
        id = this.speakers.length;
        this.speakerIds.set(name, id);
        this.speakers.push(name);
      }
      smap[s] = id;
    }

    const b0 = this.nBlocks;
    const d0 = this.counts.documents;
    const n = shard.blockDoc.length;
    const size = b0 + n;
    const old = this.blocks;
    const blocks: BlockColumns = (this.blocks = {
      doc: room(old.doc, b0, size),
      paragraph: room(old.paragraph, b0, size),
      start: room(old.start, b0, size),
      end: room(old.end, b0, size),
      speaker: room(old.speaker, b0, size),
      excluded: room(old.excluded, b0, size),
    });
    blocks.paragraph.set(shard.blockParagraph, b0);
    blocks.start.set(shard.blockStart, b0);
    blocks.end.set(shard.blockEnd, b0);
    blocks.excluded.set(shard.blockExcluded, b0);
    if (shard.blockSentiment) {
      this.blockSentiment = room(this.blockSentiment ?? new Float64Array(1024).fill(NaN), b0, size);
      this.blockSentiment.set(shard.blockSentiment, b0);
    }
    this.blockTermStarts = room(this.blockTermStarts, b0 + 1, size + 1);
    const starts = this.blockTermStarts;
    const blockTerms = (this.blockTerms = room(this.blockTerms, this.nnz, this.nnz + shard.blockTerms.length));
    let k = this.nnz;
    for (let b = 0; b < n; b++) {
      blocks.doc[b0 + b] = d0 + shard.blockDoc[b]!;
      const sp = shard.blockSpeaker[b]!;
      blocks.speaker[b0 + b] = sp < 0 ? -1 : smap[sp]!;
      // Local ids are unique in a row, so global ones are too; they only need sorting again.
      const from = k;
      for (let i = shard.blockTermStarts[b]!; i < shard.blockTermStarts[b + 1]!; i++) blockTerms[k++] = map[shard.blockTerms[i]!]!;
      sortRange(blockTerms, from, k);
      starts[b0 + b + 1] = k;
    }
    this.nnz = k;
    for (let p = 0; p < shard.pending.length; p += 3) {
      const fallback = shard.pending[p + 2]!;
      this.pending.push(b0 + shard.pending[p]!, map[shard.pending[p + 1]!]!, fallback === NONE ? NONE : map[fallback]!);
    }

    const docs = d0 + shard.documents;
    this.docBlockStart = room(this.docBlockStart, d0, docs + 1);
    this.documentLengths = room(this.documentLengths, d0, docs);
    this.documentLengths.set(shard.documentLengths, d0);
    for (let d = 0; d < shard.documents; d++) this.documentLanguages.push(shard.documentLanguages?.[d] ?? 'en');
    // A document with no block starts where the next one does.
    const first = new Int32Array(shard.documents).fill(-1);
    for (let b = n - 1; b >= 0; b--) first[shard.blockDoc[b]!] = b;
    let next = size;
    for (let d = shard.documents - 1; d >= 0; d--) {
      if (first[d]! >= 0) next = b0 + first[d]!;
      this.docBlockStart[d0 + d] = next;
    }
    this.nBlocks = size;
    this.counts.documents = docs;
    this.counts.paragraphs += shard.paragraphs;
    this.counts.sentences += shard.sentences;
    this.counts.tokens += shard.tokens;
  }

  /**
   * The merged TermStats: pending names resolve to the name when it was confirmed anywhere, else
   * to the plain word; then names fold into their variants (`foldNames`).
   */
  finish(): TermStats {
    const nBlocks = this.nBlocks;
    const extra = new Map<number, number[]>();
    for (let p = 0; p < this.pending.length; p += 3) {
      const name = this.pending[p + 1]!;
      const id = this.confirmed[name] ? name : this.pending[p + 2]!;
      if (id === NONE) continue;
      if (id !== name) {
        this.tokensOf[id]!++;
        this.nounsOf[id]!++;
      }
      const block = this.pending[p]!;
      const list = extra.get(block);
      if (list) list.push(id);
      else extra.set(block, [id]);
    }
    const fold = foldNames(this.terms, this.kinds, this.tokensOf, this.nounsOf);
    let blockTermStarts: Uint32Array;
    let blockTerms: Uint32Array;
    if (extra.size === 0 && !fold) {
      blockTermStarts = this.blockTermStarts.slice(0, nBlocks + 1);
      blockTerms = this.blockTerms.slice(0, this.nnz);
    } else {
      const { blockTermStarts: oldStarts, blockTerms: oldTerms } = this;
      const to = fold ?? new Uint32Array(0);
      const starts = new Uint32Array(nBlocks + 1);
      const terms = new Uint32Array(this.nnz + this.pending.length / 3);
      let k = 0;
      for (let b = 0; b < nBlocks; b++) {
        const from = k;
        let touched = false;
        for (let i = oldStarts[b]!; i < oldStarts[b + 1]!; i++) {
          const t = oldTerms[i]!;
          const f = fold ? to[t]! : t;
          if (f !== t) touched = true;
          terms[k++] = f;
        }
        const more = extra.get(b);
        if (more) {
          for (const t of more) terms[k++] = fold ? to[t]! : t;
          touched = true;
        }
        if (touched) {
          sortRange(terms, from, k);
          let last = from;
          for (let i = from + 1; i < k; i++) if (terms[i] !== terms[last]) terms[++last] = terms[i]!;
          k = last + 1;
        }
        starts[b + 1] = k;
      }
      blockTermStarts = starts;
      blockTerms = terms.slice(0, k);
    }
    const docs = this.counts.documents;
    const docBlockStart = this.docBlockStart.slice(0, docs + 1);
    docBlockStart[docs] = nBlocks;
    const blocks: BlockColumns = {
      doc: this.blocks.doc.slice(0, nBlocks),
      paragraph: this.blocks.paragraph.slice(0, nBlocks),
      start: this.blocks.start.slice(0, nBlocks),
      end: this.blocks.end.slice(0, nBlocks),
      speaker: this.blocks.speaker.slice(0, nBlocks),
      excluded: this.blocks.excluded.slice(0, nBlocks),
    };
    const df = new Uint32Array(this.terms.length);
    let activeBlocks = 0;
    for (let b = 0; b < nBlocks; b++) {
      if (blocks.excluded[b]) continue;
      activeBlocks++;
      for (let i = blockTermStarts[b]!; i < blockTermStarts[b + 1]!; i++) df[blockTerms[i]!]!++;
    }
    // Unconfirmed names never occur any more; they stay in the vocabulary with df 0.
    return {
      terms: displayTerms(this.terms, this.forms),
      kinds: Uint8Array.from(this.kinds),
      nounShare: Float64Array.from(this.nounsOf, (x, i) => (this.tokensOf[i]! > 0 ? x / this.tokensOf[i]! : 0)),
      blockTermStarts,
      blockTerms,
      df,
      activeBlocks,
      blocks,
      speakers: this.speakers,
      docBlockStart,
      documentLengths: this.documentLengths.slice(0, docs),
      documentLanguages: [...this.documentLanguages],
      ...(this.blockSentiment ? { blockSentiment: this.blockSentiment.slice(0, nBlocks) } : {}),
      ...(this.stopped.size > 0 ? { stopped: mostStopped(this.stopped) } : {}),
      counts: { ...this.counts },
    };
  }
}

/** The STOPPED_LISTED stop-listed nouns in most blocks (ties by word, so any sharding gives the same). */
function mostStopped(stopped: ReadonlyMap<string, number>): { words: string[]; blocks: Uint32Array } {
  const top = [...stopped].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).slice(0, STOPPED_LISTED);
  return { words: top.map(([w]) => w), blocks: Uint32Array.from(top, ([, n]) => n) };
}

/** The key under which a name and its variants meet: lower case, the last word without a plural ending. */
export function variantKey(term: string): string {
  const lower = term.toLowerCase();
  const m = /^(.*?[^\s])(ies|es|s)$/u.exec(lower);
  if (!m || lower.length < 4 || /(ss|us|is)$/.test(lower)) return lower;
  const [, stem, ending] = m as unknown as [string, string, string];
  if (ending === 'ies') return stem + 'y';
  // "-es" only after a sibilant ("boxes", "churches"); otherwise the "e" is the stem's ("cases").
  if (ending === 'es') return /(x|z|ch|sh)$/.test(stem) ? stem : stem + 'e';
  return stem;
}

let englishStemmer: Stemmer | undefined;

/**
 * The word family of an English term: the Snowball (Porter2) stem of its `variantKey`, so that
 * "cluster", "clusters" and "clustering" are one family ("community" and "communication" are not:
 * Porter2 stems less than Porter's first algorithm did). After `loadSnowball`.
 */
export function familyKey(term: string): string {
  return (englishStemmer ??= newStemmer('english')).stem(variantKey(term));
}

/**
 * Where each name goes (a term id per term), or undefined when no name moves. A name is the
 * ordinary word of the same letters when the corpus uses that word ("Data", "Heat", "Correct",
 * "Field" are the words data, heat, correct, field: interface labels, headings and sentence starts
 * read aloud) — by its exact lower case, or its singular when that word is mostly a noun ("Photos"
 * → photo, but "Commons" is not "common"). Names that differ only in case or a plural ending
 * ("PDP"/"PDPs", "Petitioner"/"Petitioners") are one name, the most frequent surface form.
 * Smith & Humphreys (2006) take a capitalised word as name-like only when it is not also used as
 * an ordinary word; this applies that test over the whole corpus, after sharding.
 *
 * "Used" means in at least one of every five of its uses (`WORD_USE`): a word written in lower
 * case a handful of times against hundreds of capitals is a slip of the name, and joins it. Any
 * lower-case use at all made the name a word: "Wales" (571 uses in QMSum's committee meetings,
 * "wales" once) was the concept "wales", and so were mississippi, google, washington (court
 * transcripts), euro (QMSum's product meetings) and shapley (PDPilot). At one in five the
 * sentence starts and labels still go to the word (court transcripts: "Correct" 691 against
 * "correct" 3,001, "Counsel" 1,116 against 2,888), and the names that stay names are places,
 * firms, parties and named sections (Section, Treasury, Internet).
 */
function foldNames(terms: readonly string[], kinds: readonly number[], tokens: number[], nouns: number[]): Uint32Array | undefined {
  const words = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (let t = 0; t < terms.length; t++) {
    if (tokens[t] === 0) continue;
    if (kinds[t] === WORD) words.set(terms[t]!, t);
    else {
      const key = variantKey(terms[t]!);
      const group = groups.get(key);
      if (group) group.push(t);
      else groups.set(key, [t]);
    }
  }
  let to: Uint32Array | undefined;
  for (const [key, group] of groups) {
    let word = -1;
    if (!key.includes(' ')) {
      for (const t of group) word = words.get(terms[t]!.toLowerCase()) ?? word;
      const singular = words.get(key);
      if (word < 0 && singular !== undefined && nouns[singular]! * 2 >= tokens[singular]!) word = singular;
    }
    const uses = group.reduce((sum, t) => sum + tokens[t]!, 0);
    let target: number;
    if (word >= 0 && tokens[word]! >= uses * WORD_USE) target = word;
    else {
      if (word >= 0) {
        // A slip of the name: the word joins it (and is no longer a word another name could become).
        group.push(word);
        words.delete(terms[word]!);
      } else if (group.length === 1) continue;
      target = group.reduce((best, t) => (kinds[t] !== WORD && tokens[t]! > tokens[best]! ? t : best), group[0]!);
    }
    to ??= Uint32Array.from(terms, (_, i) => i);
    for (const t of group) {
      if (t === target) continue;
      to[t] = target;
      tokens[target]! += tokens[t]!;
      nouns[target]! += nouns[t]!;
      tokens[t] = 0;
      nouns[t] = 0;
    }
  }
  // Two names may fold through the same word; each goes straight to the end of its chain.
  if (to) for (let t = 0; t < to.length; t++) while (to[to[t]!] !== to[t]) to[t] = to[to[t]!]!;
  return to;
}

/** The least share of a name's uses in lower case that makes it the ordinary word (`foldNames`). */
const WORD_USE = 0.25;

/** Merges shards (in document order) into TermStats. */
export function mergeShards(shards: readonly TextShard[]): TermStats {
  const merger = new ShardMerger();
  for (const shard of shards) merger.add(shard);
  return merger.finish();
}
