/**
 * Which blocks' text a result keeps besides its quotes, so a reader can see a quote among the
 * turns before and after it: every block of a small corpus (stepping through all the blocks of a
 * concept then shows each one's text), else the `window` blocks either side of each quoted block,
 * within its document. The texts are read in the same pass as the quotes' own.
 */

/** Up to this many blocks the text of every block is kept (about 4 MB of text at 200 characters a block). */
export const ALL_TEXT_BLOCKS = 20_000;
/** Blocks kept either side of each quoted block in a larger corpus. */
export const CONTEXT_WINDOW = 2;

export interface ContextBlocks {
  /** `CONTEXT_WINDOW`, or -1 when every block is kept. */
  window: number;
  /** Ascending block indices, none of them quoted. */
  blocks: number[];
}

/**
 * The blocks whose text is kept beside the quoted ones (`quoted` ascending); `blockDoc` gives each
 * block's document, so a window never reaches into the next document.
 */
export function contextBlocks(quoted: readonly number[], blockDoc: ArrayLike<number>, allUpTo = ALL_TEXT_BLOCKS, window = CONTEXT_WINDOW): ContextBlocks {
  const n = blockDoc.length;
  const keep = new Uint8Array(n);
  const all = n <= allUpTo;
  if (all) keep.fill(1);
  else {
    for (const b of quoted) {
      const doc = blockDoc[b]!;
      for (let k = Math.max(0, b - window); k <= Math.min(n - 1, b + window); k++) if (blockDoc[k] === doc) keep[k] = 1;
    }
  }
  for (const b of quoted) keep[b] = 0;
  const blocks: number[] = [];
  for (let b = 0; b < n; b++) if (keep[b]) blocks.push(b);
  return { window: all ? -1 : window, blocks };
}
