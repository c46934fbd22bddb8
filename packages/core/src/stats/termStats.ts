/**
 * TermStats: the global vocabulary, block × term incidence (CSR of unique term ids per block)
 * and term block-frequencies, merged from TextModel shards in document order.
 *
 * Global term ids are given in order of first occurrence over the shards in document order, so
 * the ids — and everything computed from them — do not depend on how the corpus was sharded.
 */
import { NONE, type TextShard } from '../text/textModel.ts';

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
  counts: { documents: number; paragraphs: number; sentences: number; tokens: number };
}

/** Merges shards (in document order) into TermStats, resolving sentence-initial names. */
export function mergeShards(shards: readonly TextShard[]): TermStats {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const kinds: number[] = [];
  const speakerIds = new Map<string, number>();
  const speakers: string[] = [];
  const termMaps: Uint32Array[] = [];
  const speakerMaps: Int32Array[] = [];
  let nBlocks = 0;
  let nDocs = 0;
  let nnz = 0;
  for (const shard of shards) {
    const map = new Uint32Array(shard.terms.length);
    for (let t = 0; t < shard.terms.length; t++) {
      const term = shard.terms[t]!;
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        kinds.push(shard.kinds[t]!);
      }
      map[t] = id;
    }
    termMaps.push(map);
    const smap = new Int32Array(shard.speakers.length);
    for (let s = 0; s < shard.speakers.length; s++) {
      const name = shard.speakers[s]!;
      let id = speakerIds.get(name);
      if (id === undefined) {
        id = speakers.length;
        speakerIds.set(name, id);
        speakers.push(name);
      }
      smap[s] = id;
    }
    speakerMaps.push(smap);
    nBlocks += shard.blockDoc.length;
    nDocs += shard.documents;
    nnz += shard.blockTerms.length + shard.pending.length / 3;
  }

  const confirmed = new Uint8Array(terms.length);
  const tokensOf = new Float64Array(terms.length);
  const nounsOf = new Float64Array(terms.length);
  shards.forEach((shard, s) => {
    for (let t = 0; t < shard.terms.length; t++) {
      tokensOf[termMaps[s]![t]!]! += shard.termTokens[t]!;
      nounsOf[termMaps[s]![t]!]! += shard.termNouns[t]!;
    }
  });
  shards.forEach((shard, s) => {
    for (let t = 0; t < shard.terms.length; t++) if (shard.nameConfirmed[t]) confirmed[termMaps[s]![t]!] = 1;
  });

  const blocks: BlockColumns = {
    doc: new Uint32Array(nBlocks),
    paragraph: new Uint32Array(nBlocks),
    start: new Uint32Array(nBlocks),
    end: new Uint32Array(nBlocks),
    speaker: new Int32Array(nBlocks),
    excluded: new Uint8Array(nBlocks),
  };
  const blockTermStarts = new Uint32Array(nBlocks + 1);
  const blockTerms = new Uint32Array(nnz);
  const docBlockStart = new Uint32Array(nDocs + 1);
  const counts = { documents: nDocs, paragraphs: 0, sentences: 0, tokens: 0 };
  let b0 = 0;
  let d0 = 0;
  let k = 0;
  const row: number[] = [];
  shards.forEach((shard, s) => {
    const map = termMaps[s]!;
    const smap = speakerMaps[s]!;
    counts.paragraphs += shard.paragraphs;
    counts.sentences += shard.sentences;
    counts.tokens += shard.tokens;
    // Pending names resolve to the name when it was confirmed anywhere, else to the plain word.
    const extra = new Map<number, number[]>();
    for (let p = 0; p < shard.pending.length; p += 3) {
      const name = map[shard.pending[p + 1]!]!;
      const fallback = shard.pending[p + 2]!;
      const id = confirmed[name] ? name : fallback === NONE ? NONE : map[fallback]!;
      if (id === NONE) continue;
      const block = shard.pending[p]!;
      const list = extra.get(block);
      if (list) list.push(id);
      else extra.set(block, [id]);
    }
    for (let b = 0; b < shard.blockDoc.length; b++) {
      const g = b0 + b;
      blocks.doc[g] = d0 + shard.blockDoc[b]!;
      blocks.paragraph[g] = shard.blockParagraph[b]!;
      blocks.start[g] = shard.blockStart[b]!;
      blocks.end[g] = shard.blockEnd[b]!;
      const sp = shard.blockSpeaker[b]!;
      blocks.speaker[g] = sp < 0 ? -1 : smap[sp]!;
      blocks.excluded[g] = shard.blockExcluded[b]!;
      row.length = 0;
      for (let i = shard.blockTermStarts[b]!; i < shard.blockTermStarts[b + 1]!; i++) row.push(map[shard.blockTerms[i]!]!);
      const more = extra.get(b);
      if (more) row.push(...more);
      row.sort((x, y) => x - y);
      let last = -1;
      for (const t of row) if (t !== last) blockTerms[k++] = last = t;
      blockTermStarts[g + 1] = k;
    }
    documentStarts(docBlockStart, d0, shard, b0);
    b0 += shard.blockDoc.length;
    d0 += shard.documents;
  });
  docBlockStart[nDocs] = nBlocks;

  const df = new Uint32Array(terms.length);
  let activeBlocks = 0;
  for (let b = 0; b < nBlocks; b++) {
    if (blocks.excluded[b]) continue;
    activeBlocks++;
    for (let i = blockTermStarts[b]!; i < blockTermStarts[b + 1]!; i++) df[blockTerms[i]!]!++;
  }
  // Unconfirmed names never occur any more; they stay in the vocabulary with df 0.
  return {
    terms,
    kinds: Uint8Array.from(kinds),
    nounShare: nounsOf.map((x, i) => (tokensOf[i]! > 0 ? x / tokensOf[i]! : 0)),
    blockTermStarts,
    blockTerms: blockTerms.slice(0, k),
    df,
    activeBlocks,
    blocks,
    speakers,
    docBlockStart,
    counts,
  };
}

/** First block of each document of the shard; a document with no block starts where the next one does. */
function documentStarts(docBlockStart: Uint32Array, d0: number, shard: TextShard, b0: number): void {
  const first = new Int32Array(shard.documents).fill(-1);
  for (let b = shard.blockDoc.length - 1; b >= 0; b--) first[shard.blockDoc[b]!] = b;
  let next = b0 + shard.blockDoc.length;
  for (let d = shard.documents - 1; d >= 0; d--) {
    if (first[d]! >= 0) next = b0 + first[d]!;
    docBlockStart[d0 + d] = next;
  }
}
