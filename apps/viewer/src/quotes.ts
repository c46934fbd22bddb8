/** Ranked quotes with their document, speaker and position in the text; a click opens one in its context. */
import type { LeximapResult } from '@leximap/core';
import { h, highlighted } from './dom.ts';

export function quoteList(result: LeximapResult, textOf: (block: number) => string | undefined, blocks: readonly number[], terms: readonly string[], open?: (block: number) => void): HTMLElement {
  if (blocks.length === 0) return h('p', { class: 'empty' }, 'No quotes kept for this.');
  const list = h('ol', { class: 'quotes' });
  blocks.forEach((block, rank) => {
    const text = textOf(block);
    const document = result.documents[result.blocks.document[block] ?? -1];
    const speakerIndex = result.blocks.speaker[block] ?? -1;
    const speaker = speakerIndex >= 0 ? result.speakers[speakerIndex] : undefined;
    const paragraph = result.blocks.paragraph[block];
    const start = result.blocks.start[block];
    const end = result.blocks.end[block];
    list.appendChild(
      h(
        'li',
        { class: 'quote', 'data-block': block },
        h('blockquote', { dir: 'auto' }, ...(text === undefined ? [h('em', {}, 'text not kept in the result')] : highlighted(text, terms))),
        h(
          'div',
          { class: 'quote-meta' },
          h('span', { class: 'rank' }, `#${rank + 1}`),
          h('span', { class: 'doc' }, document?.name ?? `document ${result.blocks.document[block]}`),
          speaker ? h('span', { class: 'speaker' }, speaker) : null,
          h('span', { class: 'position' }, `¶ ${(paragraph ?? 0) + 1} · chars ${start}–${end}`),
          open ? contextButton(block, open) : null,
        ),
      ),
    );
  });
  if (open) {
    list.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      if (target.closest('button')) return;
      const item = target.closest<HTMLElement>('li.quote');
      if (item) open(Number(item.dataset.block));
    });
  }
  return list;
}

function contextButton(block: number, open: (block: number) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'open-context', 'aria-label': 'Read in context' }, 'in context ›');
  button.addEventListener('click', () => open(block));
  return button;
}
