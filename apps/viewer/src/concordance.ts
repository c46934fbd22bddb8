/**
 * Keyword in context: every occurrence of a word (or of a concept's terms) in the text the result
 * keeps, with the words to its left and right, its document and speaker; sortable as
 * concordancers sort (the left context read backwards from the keyword, the right context
 * forwards), and as CSV. Matching is on whole words, any case, with the inflections the
 * highlighting uses (-s, -es, -ed, -ing).
 */
import type { LeximapResult } from '@leximap/core';
import { toCsv } from '../../../packages/io/src/write/toCsv.ts';
import type { BlockIndex } from './blocks.ts';

export interface KwicLine {
  block: number;
  left: string;
  keyword: string;
  right: string;
  document: string;
  speaker: string;
}

export type KwicSort = 'left' | 'right' | 'document' | 'speaker' | 'position';

/** Characters of context either side. */
export const KWIC_WIDTH = 60;

/**
 * The pattern of `terms` (longest first) ending at a word's end, or null when none is usable. It
 * does not check the start of the word (a look-behind made the scan of 16 MB of text 20–30%
 * slower): `startsWord` does, on each match.
 */
export function termPattern(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 1))].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return null;
  words.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(`(?:${words.join('|')})(?:s|es|ed|ing)?(?![\\p{L}\\p{N}])`, 'giu');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a match at `at` of `text` starts a word (no letter or digit just before it). */
export function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.codePointAt(at - 1)!;
  // A low surrogate: read the whole code point before it.
  const char = before >= 0xdc00 && before <= 0xdfff && at >= 2 ? String.fromCodePoint(text.codePointAt(at - 2)!) : String.fromCharCode(before);
  return !WORD_CHAR.test(char);
}

/** Every match of `pattern` in the kept text, in corpus order; `total` counts all, `lines` stops at `limit`. */
export function concordance(result: LeximapResult, index: BlockIndex, pattern: RegExp, limit = Infinity): { lines: KwicLine[]; total: number; blocks: number } {
  const lines: KwicLine[] = [];
  let total = 0;
  let blocks = 0;
  const withText = index.withText();
  const { text: all, starts } = index.joined();
  let k = 0;
  let lastBlock = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(all); m !== null; m = pattern.exec(all)) {
    const at = m.index;
    if (!startsWord(all, at)) continue;
    // Matches come in order: the block only moves forward.
    while (starts[k + 1]! <= at) k++;
    total++;
    if (k !== lastBlock) {
      blocks++;
      lastBlock = k;
    }
    if (lines.length >= limit) continue;
    const block = withText[k]!;
    const text = all.slice(starts[k]!, starts[k + 1]! - 1);
    const local = at - starts[k]!;
    const s = result.blocks.speaker[block]!;
    lines.push({
      block,
      left: cutLeft(text.slice(Math.max(0, local - KWIC_WIDTH - 20), local)),
      keyword: m[0],
      right: cutRight(text.slice(local + m[0].length, local + m[0].length + KWIC_WIDTH + 20)),
      document: result.documents[result.blocks.document[block]!]?.name ?? '',
      speaker: s >= 0 ? result.speakers[s] ?? '' : '',
    });
  }
  return { lines, total, blocks };
}

function cutLeft(text: string): string {
  if (text.length <= KWIC_WIDTH) return text;
  const cut = text.slice(text.length - KWIC_WIDTH);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < 15 ? cut.slice(space) : cut}`;
}

function cutRight(text: string): string {
  if (text.length <= KWIC_WIDTH) return text;
  const cut = text.slice(0, KWIC_WIDTH);
  const space = cut.lastIndexOf(' ');
  return `${space > KWIC_WIDTH - 15 ? cut.slice(0, space) : cut}…`;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The words of the left context from the keyword outwards, for sorting. */
function leftKey(line: KwicLine): string {
  return line.left.replace(/^…/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).reverse().join(' ');
}

function rightKey(line: KwicLine): string {
  return line.right.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
}

/** `lines` sorted by `by` (ties kept in corpus order). */
export function sortKwic(lines: readonly KwicLine[], by: KwicSort): KwicLine[] {
  if (by === 'position') return [...lines];
  const key = by === 'left' ? leftKey : by === 'right' ? rightKey : (l: KwicLine): string => l[by];
  const keyed = lines.map((line, i) => ({ line, i, k: key(line) }));
  keyed.sort((a, b) => collator.compare(a.k, b.k) || a.i - b.i);
  return keyed.map((k) => k.line);
}

export function kwicCsv(lines: readonly KwicLine[]): string {
  return toCsv([['document', 'speaker', 'block', 'left', 'keyword', 'right'], ...lines.map((l) => [l.document, l.speaker, l.block, l.left, l.keyword, l.right])]);
}
