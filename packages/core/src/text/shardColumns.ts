/**
 * The columns of a TextShard as a text stage builds them, one document at a time: the shard's
 * vocabulary (terms, kinds, counts, confirmed names, surface forms), its speakers, and its
 * blocks — CSR terms, document, paragraph, span, speaker, excluded flag — with the names left
 * pending. Both text stages (wink-nlp's for English, `languages/segmenterShard.ts` for the others)
 * fill one of these and differ only in how they find sentences and terms, so every rule of
 * blocks lives here once: a block is at most `blockSentences` sentences, never crosses a
 * document or a speaker turn, nor (with `respectParagraphs`) a paragraph, and holds its terms
 * sorted and unique. The vocabulary and the blocks only grow together, which is the invariant
 * the class guards.
 */
import type { Document } from '../corpus.ts';
import { toCodePoints } from './offsets.ts';
import type { TextShard } from './textModel.ts';

/** A growing Uint32Array (amortised doubling), read back with `toArray`. */
export class GrowU32 {
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

/** What the columns need of the analysis options. */
export interface ShardColumnOptions {
  blockSentences: number;
  respectParagraphs: boolean;
  excludeSpeakers: readonly string[];
}

export class ShardColumns {
  private readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  readonly kinds: number[] = [];
  readonly confirmed: number[] = [];
  readonly termTokens: number[] = [];
  readonly termNouns: number[] = [];
  /** Per term, its surface forms and their counts (stages whose term keys are not what to show); undefined when not kept. */
  readonly forms: (Record<string, number> | undefined)[] | undefined;
  private readonly speakerIds = new Map<string, number>();
  private readonly speakers: string[] = [];
  private readonly excluded: ReadonlySet<string>;

  private readonly blockTermStarts = new GrowU32();
  private readonly blockTerms = new GrowU32();
  private readonly blockDoc = new GrowU32();
  private readonly blockParagraph = new GrowU32();
  private readonly blockStartUnits = new GrowU32();
  private readonly blockEndUnits = new GrowU32();
  private readonly blockStartCp = new GrowU32();
  private readonly blockEndCp = new GrowU32();
  private readonly blockSpeaker: number[] = [];
  private readonly blockExcluded: number[] = [];
  /** Triples (block, name term, fallback word term or NONE) for names seen only at a sentence start. */
  readonly pending = new GrowU32();
  /** Stop-listed nouns: each one's blocks (not excluded), and the last block counted. */
  private readonly stoppedIds = new Map<string, number>();
  private readonly stoppedWords: string[] = [];
  private readonly stoppedBlocks: number[] = [];
  private readonly stoppedLast: number[] = [];
  paragraphs = 0;
  sentences = 0;
  /** Word tokens read. */
  tokens = 0;

  /** The open block: its sentences so far, its speaker, and its terms (unsorted, repeated). */
  private openSentences = 0;
  private openSpeaker = -2;
  private scratch: number[] = [];
  private firstBlock = 0;

  constructor(
    private readonly options: ShardColumnOptions,
    keepForms = false,
  ) {
    this.excluded = new Set(options.excludeSpeakers.map((s) => s.toLowerCase()));
    this.forms = keepForms ? [] : undefined;
  }

  /** The id of term `key`, added with `kind` when new. */
  intern(key: string, kind: number): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(key, id);
      this.terms.push(key);
      this.forms?.push(undefined);
      this.kinds.push(kind);
      this.confirmed.push(0);
      this.termTokens.push(0);
      this.termNouns.push(0);
    }
    return id;
  }

  /** Counts surface form `form` of term `id` (kept only with `keepForms`). */
  addForm(id: number, form: string): void {
    const forms = this.forms;
    if (forms === undefined) return;
    const seen = (forms[id] ??= {});
    seen[form] = (seen[form] ?? 0) + 1;
  }

  /** Starts a document: no block is open across documents. */
  startDocument(): void {
    this.firstBlock = this.blockDoc.length;
    this.openSentences = 0;
    this.openSpeaker = -2;
  }

  /** Starts a paragraph of `speaker` (a name, or undefined): its speaker id, or -1. A new speaker (or, with `respectParagraphs`, any paragraph) ends the open block. */
  startParagraph(speaker: string | undefined): number {
    this.paragraphs++;
    let id = -1;
    if (speaker !== undefined) {
      id = this.speakerIds.get(speaker) ?? -1;
      if (id < 0) {
        id = this.speakers.length;
        this.speakerIds.set(speaker, id);
        this.speakers.push(speaker);
      }
    }
    if (this.options.respectParagraphs || id !== this.openSpeaker) this.closeBlock();
    return id;
  }

  /** Whether the turns of `speaker` are left out of the analysis (`excludeSpeakers`, any case). */
  isExcluded(speaker: string | undefined): boolean {
    return speaker !== undefined && this.excluded.has(speaker.toLowerCase());
  }

  /**
   * A sentence of paragraph `p` of document `d`, spanning UTF-16 units `[start, end)` of the
   * document's text: it opens a block, or extends the open one. Returns the block's index.
   */
  openSentence(d: number, p: number, start: number, end: number, speaker: number, excluded: boolean): number {
    this.sentences++;
    if (this.openSentences === 0) {
      this.blockDoc.push(d);
      this.blockParagraph.push(p);
      this.blockStartUnits.push(start);
      this.blockEndUnits.push(end);
      this.blockSpeaker.push(speaker);
      this.blockExcluded.push(excluded ? 1 : 0);
      this.openSpeaker = speaker;
    } else {
      this.blockEndUnits.data[this.blockEndUnits.length - 1] = end;
    }
    this.openSentences++;
    return this.blockDoc.length - 1;
  }

  /** Counts `word`, a noun the stop list keeps out, in the open block (once per block, none in an excluded one). */
  addStopped(word: string): void {
    const block = this.blockDoc.length - 1;
    if (block < 0 || this.blockExcluded[block]) return;
    let id = this.stoppedIds.get(word);
    if (id === undefined) {
      id = this.stoppedWords.length;
      this.stoppedIds.set(word, id);
      this.stoppedWords.push(word);
      this.stoppedBlocks.push(0);
      this.stoppedLast.push(-1);
    }
    if (this.stoppedLast[id] === block) return;
    this.stoppedLast[id] = block;
    this.stoppedBlocks[id]!++;
  }

  /** Adds term `id` to the open block. */
  addTerm(id: number): void {
    this.scratch.push(id);
  }

  /** Ends the sentence opened last: the block ends when it has `blockSentences`. */
  closeSentence(): void {
    if (this.openSentences >= this.options.blockSentences) this.closeBlock();
  }

  /** Ends the open block, if any: its terms, sorted and unique. */
  closeBlock(): void {
    if (this.openSentences === 0) return;
    const scratch = this.scratch;
    scratch.sort((a, b) => a - b);
    let last = -1;
    for (const t of scratch) if (t !== last) this.blockTerms.push((last = t));
    this.blockTermStarts.push(this.blockTerms.length);
    this.scratch = [];
    this.openSentences = 0;
  }

  /** Ends the document whose text is `text`: its last block, and its blocks' spans in code points. */
  endDocument(text: string): void {
    this.closeBlock();
    const first = this.firstBlock;
    const starts = toCodePoints(text, this.blockStartUnits.data.slice(first, this.blockStartUnits.length));
    const ends = toCodePoints(text, this.blockEndUnits.data.slice(first, this.blockEndUnits.length));
    for (let i = 0; i < starts.length; i++) {
      this.blockStartCp.push(starts[i]!);
      this.blockEndCp.push(ends[i]!);
    }
  }

  finish(documents: readonly Document[]): TextShard {
    const blocks = this.blockDoc.length;
    const starts = new Uint32Array(blocks + 1);
    starts.set(this.blockTermStarts.data.subarray(0, this.blockTermStarts.length), 1);
    const shard: TextShard = {
      terms: this.terms,
      kinds: Uint8Array.from(this.kinds),
      termTokens: Uint32Array.from(this.termTokens),
      termNouns: Uint32Array.from(this.termNouns),
      nameConfirmed: Uint8Array.from(this.confirmed),
      blockTermStarts: starts,
      blockTerms: this.blockTerms.toArray(),
      blockDoc: this.blockDoc.toArray(),
      blockParagraph: this.blockParagraph.toArray(),
      blockStart: this.blockStartCp.toArray(),
      blockEnd: this.blockEndCp.toArray(),
      blockSpeaker: Int32Array.from(this.blockSpeaker),
      blockExcluded: Uint8Array.from(this.blockExcluded),
      speakers: this.speakers,
      pending: this.pending.toArray(),
      documents: documents.length,
      documentLengths: Uint32Array.from(documents, (d) => d.text.length - (d.text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)),
      paragraphs: this.paragraphs,
      sentences: this.sentences,
      tokens: this.tokens,
    };
    if (this.forms !== undefined) shard.termForms = this.forms;
    if (this.stoppedWords.length > 0) shard.stopped = { words: this.stoppedWords, blocks: Uint32Array.from(this.stoppedBlocks) };
    return shard;
  }
}
