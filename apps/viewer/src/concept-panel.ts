/**
 * The details of a selection: a concept's thesaurus with weights, related concepts with the
 * likelihood P(other | concept), its ranked quotes, a pathway to another concept; or, for a pair,
 * the quotes where both occur.
 */
import { isFragile, type LeximapResult } from '@leximap/core';
import type { BlockIndex } from './blocks.ts';
import { tagQuotes } from './blocks.ts';
import type { Derived } from './derived.ts';
import { h, percent } from './dom.ts';
import { quoteList } from './quotes.ts';
import { conceptStability, conceptThemeStability, stabilityText } from './stability.ts';

export interface PanelEvents {
  select(index: number, add: boolean): void;
  pathway(from: number, to: number | null): void;
  /** Opens block `at` of `blocks` in its context. */
  context(title: string, terms: string[], blocks: ArrayLike<number>, at: number): void;
  concordance(concept: number): void;
}

/** Quotes shown for a tag. */
const TAG_QUOTES = 10;

/** A concept's label and thesaurus terms: what is marked in its quotes and looked up in its concordance. */
export function conceptTerms(result: LeximapResult, index: number): string[] {
  const c = result.concepts[index]!;
  return [c.label, ...c.thesaurus.map((t) => t.term)];
}

/** Pathway on the co-occurrence graph of the learned concepts only (shared with `leximap pathway`). */
export { conceptPathway } from '@leximap/core';

export function conceptPanel(result: LeximapResult, derived: Derived, blocks: BlockIndex, index: number, path: number[], events: PanelEvents): HTMLElement {
  const c = result.concepts[index]!;
  const own = blocks.of(index);
  const words = conceptTerms(result, index);
  const quotes = c.kind === 'tag' ? tagQuotes(blocks, index, TAG_QUOTES) : c.quotes;
  const open = (block: number): void => {
    const at = Array.prototype.indexOf.call(own, block) as number;
    events.context(c.label, c.kind === 'tag' ? [] : words, at >= 0 ? own : [block], Math.max(0, at));
  };
  const stability = conceptStability(result, index);
  const themeStability = conceptThemeStability(result, index);
  const stepAll = h('button', { type: 'button', id: 'context-all', disabled: own.length === 0 }, `Read all ${own.length} blocks in context`);
  stepAll.addEventListener('click', () => events.context(c.label, c.kind === 'tag' ? [] : words, own, 0));
  const kwic = h('button', { type: 'button', id: 'concordance', disabled: c.kind === 'tag' }, 'Concordance');
  kwic.addEventListener('click', () => events.concordance(index));
  const link = (i: number): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'concept-link', 'data-index': i }, result.concepts[i]!.label);
    button.addEventListener('click', (event) => events.select(i, event.shiftKey));
    return button;
  };
  const related = derived
    .neighbours(index)
    .filter((n) => result.concepts[n.concept]?.kind !== 'tag')
    .sort((p, q) => q.count - p.count || p.concept - q.concept)
    .slice(0, 12);
  const theme = result.themes.find((t) => t.members.includes(index));
  let active = 0;
  for (const e of result.blocks.excluded) if (e === 0) active++;
  const kind = c.kind === 'tag' ? `tag · ${c.category ?? ''}` : c.kind;

  const pathSelect = h('select', { id: 'pathway-to', 'aria-label': 'Pathway to concept' }, h('option', { value: '' }, 'choose a concept…'));
  for (const i of derived.learned) {
    if (i === index) continue;
    pathSelect.appendChild(h('option', { value: i, selected: path.length > 0 && path[path.length - 1] === i }, result.concepts[i]!.label));
  }
  pathSelect.addEventListener('change', () => events.pathway(index, pathSelect.value === '' ? null : Number(pathSelect.value)));

  return h(
    'section',
    { class: 'concept-panel', 'aria-labelledby': 'concept-title' },
    h('h2', { id: 'concept-title', dir: 'auto' }, c.label),
    h(
      'p',
      { class: 'facts' },
      `${kind} · ${c.count} blocks · relevance ${percent(c.relevance)}`,
      theme ? ` · theme ${theme.name}` : '',
      c.learning ? ` · learned in ${counted(c.learning.iterations, 'iteration')}` : '',
    ),
    c.learning?.evidenceBlocks ? h('p', { class: 'facts', id: 'concept-evidence' }, evidenceText(c.learning.evidenceBlocks, c.learning.contextBlocks ?? 0)) : null,
    c.learning?.chainBlocks ? h('p', { class: 'facts', id: 'concept-chain' }, chainText(c.learning.chainBlocks, c.learning.chainReach ?? 0)) : null,
    stability !== undefined ? h('p', { class: `facts stability${isFragile(stability) ? ' fragile' : ''}`, id: 'concept-stability' }, stabilityText(stability, 'concept')) : null,
    themeStability !== undefined
      ? h('p', { class: `facts stability${isFragile(themeStability) ? ' fragile' : ''}`, id: 'concept-theme-stability' }, stabilityText(themeStability, 'conceptTheme'))
      : null,
    h('div', { class: 'row panel-actions' }, stepAll, ' ', kwic),
    c.thesaurus.length > 0
      ? h(
          'details',
          { open: true },
          h('summary', {}, `Thesaurus (${counted(c.thesaurus.length, 'term')})`),
          h(
            'table',
            { class: 'thesaurus' },
            h('thead', {}, h('tr', {}, h('th', {}, 'term'), h('th', { class: 'num' }, 'weight'), h('th', { class: 'num' }, 'blocks'))),
            h(
              'tbody',
              {},
              ...c.thesaurus.map((t) =>
                h('tr', {}, h('td', {}, t.term, t.seed ? h('span', { class: 'seed', title: 'seed term' }, ' seed') : null), h('td', { class: 'num' }, t.weight.toFixed(2)), h('td', { class: 'num' }, t.support)),
              ),
            ),
          ),
        )
      : null,
    related.length > 0
      ? h(
          'details',
          { open: true },
          h('summary', {}, 'Related concepts'),
          h(
            'table',
            { class: 'related' },
            h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', { class: 'num' }, 'together'), h('th', { class: 'num', title: `P(concept | ${c.label})` }, 'likelihood'), h('th', { class: 'num', title: 'P(both) / (P(one) P(other)): above 1 when they meet more often than by chance' }, 'prominence'))),
            h(
              'tbody',
              {},
              ...related.map((n) => {
                const pairButton = h('button', { type: 'button', class: 'pair-link', title: 'quotes where both occur', 'aria-label': `quotes with ${c.label} and ${result.concepts[n.concept]!.label}` }, '❝');
                pairButton.addEventListener('click', () => {
                  events.select(index, false);
                  events.select(n.concept, true);
                });
                return h('tr', {}, h('td', {}, link(n.concept), ' ', pairButton), h('td', { class: 'num' }, n.count), h('td', { class: 'num' }, percent(n.count / Math.max(1, c.count))), h('td', { class: 'num' }, ((n.count * active) / Math.max(1, c.count * result.concepts[n.concept]!.count)).toFixed(2)));
              }),
            ),
          ),
        )
      : null,
    h('details', { open: true, class: 'pathway-box' }, h('summary', {}, 'Pathway'), h('label', { for: 'pathway-to' }, 'to '), pathSelect, pathList(result, path, link)),
    h('h3', {}, c.kind === 'tag' ? 'Quotes (the most strongly coded blocks of the tag)' : 'Quotes'),
    quoteList(result, blocks.text, quotes, words, open),
  );
}

function pathList(result: LeximapResult, path: number[], link: (i: number) => HTMLElement): HTMLElement | null {
  if (path.length === 0) return null;
  if (path.length === 1) return h('p', { class: 'empty' }, 'No pathway: the two concepts never meet through shared blocks.');
  const list = h('ol', { class: 'path' });
  for (const i of path) list.appendChild(h('li', {}, link(i)));
  return list;
}

export function pairPanel(result: LeximapResult, derived: Derived, blocks: BlockIndex, a: number, b: number, events: Pick<PanelEvents, 'context'>): HTMLElement {
  const together = derived.together(a, b);
  const both = intersect(blocks.of(a), blocks.of(b));
  const words = [...conceptTerms(result, a), ...conceptTerms(result, b)];
  const title = `${result.concepts[a]!.label} + ${result.concepts[b]!.label}`;
  const open = (block: number): void => {
    const at = both.indexOf(block);
    events.context(title, words, at >= 0 ? both : [block], Math.max(0, at));
  };
  const stepAll = h('button', { type: 'button', id: 'context-all', disabled: both.length === 0 }, `Read all ${both.length} blocks in context`);
  stepAll.addEventListener('click', () => events.context(title, words, both, 0));
  const ca = result.concepts[a]!;
  const cb = result.concepts[b]!;
  return h(
    'section',
    { class: 'pair-panel', 'aria-labelledby': 'pair-title' },
    h('h2', { id: 'pair-title' }, `${ca.label} + ${cb.label}`),
    h('p', { class: 'facts' }, `${together} blocks together · P(${cb.label} | ${ca.label}) ${percent(together / Math.max(1, ca.count))} · P(${ca.label} | ${cb.label}) ${percent(together / Math.max(1, cb.count))}`),
    h('div', { class: 'row panel-actions' }, stepAll),
    h('h3', {}, 'Quotes where both occur'),
    quoteList(result, blocks.text, derived.pairBlocks(a, b), words, open),
  );
}

/** Blocks in both ascending lists. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** "1 term", "5 terms". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The blocks a concept codes because they lie between two mentions of its seed (`addChainBlocks`). */
function chainText(blocks: number, reach: number): string {
  return `${counted(blocks, 'block')} between two mentions at most ${reach + 1} blocks apart, coded as the same stretch of talk`;
}

/** What the thesaurus added to a concept's blocks: those coded without its seed, and of them those coded next to a block that holds it. */
function evidenceText(evidence: number, context: number): string {
  const next = context > 0 ? ` · ${context} of these next to a block that names it, on less evidence` : '';
  return `${counted(evidence, 'block')} coded by its thesaurus without its seed${next}`;
}
