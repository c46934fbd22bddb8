/**
 * A quote in its context: the turns of the same document around one block, with their speakers,
 * the concept's terms marked, the concepts and manual codes on each turn, and steps through every
 * block of the concept (or tag, or pair) in corpus order, not only the ranked few.
 */
import type { LeximapResult } from '@leximap/core';
import type { BlockIndex } from './blocks.ts';
import { h, highlighted } from './dom.ts';

/** Which blocks are stepped through, and where the reader is. */
export interface ContextState {
  /** What the blocks belong to, shown in the heading: a concept, a tag or `a + b`. */
  title: string;
  /** Terms marked in the text. */
  terms: string[];
  /** The blocks stepped through, ascending. */
  blocks: ArrayLike<number>;
  /** Position in `blocks`. */
  at: number;
}

/** Blocks shown either side of the one in focus. */
export const AROUND_BLOCKS = 3;

export interface ContextEvents {
  step(to: number): void;
  back(): void;
  select(index: number): void;
}

export function contextView(result: LeximapResult, index: BlockIndex, state: ContextState, events: ContextEvents): HTMLElement {
  const total = state.blocks.length;
  const at = Math.max(0, Math.min(total - 1, state.at));
  const block = state.blocks[at]!;
  const doc = result.blocks.document[block]!;
  const document = result.documents[doc];
  const first = Math.max(document?.blockStart ?? block, block - AROUND_BLOCKS);
  const last = Math.min((document?.blockEnd ?? block + 1) - 1, block + AROUND_BLOCKS);

  const button = (label: string, id: string, enabled: boolean, go: () => void, aria?: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', id, class: 'step', disabled: !enabled, 'aria-label': aria }, label);
    b.addEventListener('click', go);
    return b;
  };
  const nav = h(
    'div',
    { class: 'context-nav', role: 'group', 'aria-label': 'Step through the blocks' },
    button('← Back', 'context-back', true, events.back, 'Back to the list'),
    button('◀', 'context-prev', at > 0, () => events.step(at - 1), 'Previous block'),
    h('span', { id: 'context-position', class: 'position' }, `${at + 1} of ${total}`),
    button('▶', 'context-next', at < total - 1, () => events.step(at + 1), 'Next block'),
  );

  const turns = h('ol', { class: 'transcript', 'aria-label': 'Transcript around the quote' });
  let previous: { speaker: number; paragraph: number } | null = null;
  for (let b = first; b <= last; b++) {
    const speaker = result.blocks.speaker[b]!;
    const paragraph = result.blocks.paragraph[b]!;
    const newTurn = previous === null || previous.speaker !== speaker || previous.paragraph !== paragraph;
    previous = { speaker, paragraph };
    const text = index.text(b);
    const codes = index.codes(b);
    const concepts = index.concepts(b);
    const focus = b === block;
    turns.appendChild(
      h(
        'li',
        { class: `turn${focus ? ' focus' : ''}${newTurn ? ' new-turn' : ''}${result.blocks.excluded[b] ? ' excluded' : ''}`, 'data-block': b, 'aria-current': focus ? 'true' : undefined },
        newTurn ? h('span', { class: 'speaker' }, speaker >= 0 ? result.speakers[speaker] ?? '' : `¶ ${paragraph + 1}`) : null,
        h('p', {}, ...(text === undefined ? [h('em', { class: 'empty' }, 'text not kept in this result')] : focus ? highlighted(text, state.terms) : [text])),
        codes.length > 0 || concepts.length > 0
          ? h(
              'div',
              { class: 'turn-tags' },
              ...codes.map((c) => h('span', { class: 'code-chip', title: 'manual code' }, result.concepts[c]!.label)),
              ...concepts.map((c) => {
                const chip = h('button', { type: 'button', class: 'concept-chip', title: 'concept coded on this block' }, result.concepts[c]!.label);
                chip.addEventListener('click', () => events.select(c));
                return chip;
              }),
            )
          : null,
      ),
    );
  }
  const start = result.blocks.start[block];
  const end = result.blocks.end[block];
  const section = h(
    'section',
    { class: 'context-view', 'aria-labelledby': 'context-title' },
    nav,
    h('h2', { id: 'context-title' }, state.title),
    h('p', { class: 'facts' }, h('strong', { class: 'doc' }, document?.name ?? `document ${doc}`), ` · ¶ ${(result.blocks.paragraph[block] ?? 0) + 1} · chars ${start}–${end}`, index.allText ? '' : ' · only the blocks near quotes keep their text in this result'),
    turns,
  );
  section.addEventListener('keydown', (event) => {
    if ((event.target as HTMLElement).tagName === 'INPUT') return;
    if (event.key === 'ArrowRight' && at < total - 1) events.step(at + 1);
    else if (event.key === 'ArrowLeft' && at > 0) events.step(at - 1);
  });
  return section;
}
