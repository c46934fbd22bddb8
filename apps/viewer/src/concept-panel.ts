/**
 * The details of a selection: a concept's thesaurus with weights, related concepts with the
 * likelihood P(other | concept), its ranked quotes, a pathway to another concept; or, for a pair,
 * the quotes where both occur.
 */
import { pathway } from '@leximap/core';
import type { LeximapResult } from '@leximap/core';
import type { Derived } from './derived.ts';
import { h, percent } from './dom.ts';
import { quoteList } from './quotes.ts';

export interface PanelEvents {
  select(index: number, add: boolean): void;
  pathway(from: number, to: number | null): void;
}

function terms(result: LeximapResult, index: number): string[] {
  const c = result.concepts[index]!;
  return [c.label, ...c.thesaurus.map((t) => t.term)];
}

/** Pathway on the co-occurrence graph of the learned concepts only (tags are not stepping stones). */
export function conceptPathway(result: LeximapResult, from: number, to: number): number[] {
  const { a, b, count } = result.cooccurrence;
  const keep = (k: number): boolean => result.concepts[a[k]!]?.kind !== 'tag' && result.concepts[b[k]!]?.kind !== 'tag';
  const counts = count.map((value, k) => (keep(k) ? value : 0));
  return pathway({ x: result.concepts.map((c) => c.x), y: result.concepts.map((c) => c.y), a, b, count: counts }, from, to);
}

export function conceptPanel(result: LeximapResult, derived: Derived, index: number, path: number[], events: PanelEvents): HTMLElement {
  const c = result.concepts[index]!;
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
      c.learning ? ` · learned in ${c.learning.iterations} iterations` : '',
    ),
    c.thesaurus.length > 0
      ? h(
          'details',
          { open: true },
          h('summary', {}, `Thesaurus (${c.thesaurus.length} terms)`),
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
            h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', { class: 'num' }, 'together'), h('th', { class: 'num', title: `P(concept | ${c.label})` }, 'likelihood'))),
            h(
              'tbody',
              {},
              ...related.map((n) => {
                const pairButton = h('button', { type: 'button', class: 'pair-link', title: 'quotes where both occur', 'aria-label': `quotes with ${c.label} and ${result.concepts[n.concept]!.label}` }, '❝');
                pairButton.addEventListener('click', () => {
                  events.select(index, false);
                  events.select(n.concept, true);
                });
                return h('tr', {}, h('td', {}, link(n.concept), ' ', pairButton), h('td', { class: 'num' }, n.count), h('td', { class: 'num' }, percent(n.count / Math.max(1, c.count))));
              }),
            ),
          ),
        )
      : null,
    h('details', { open: true, class: 'pathway-box' }, h('summary', {}, 'Pathway'), h('label', { for: 'pathway-to' }, 'to '), pathSelect, pathList(result, path, link)),
    h('h3', {}, 'Quotes'),
    quoteList(result, derived, c.quotes, terms(result, index)),
  );
}

function pathList(result: LeximapResult, path: number[], link: (i: number) => HTMLElement): HTMLElement | null {
  if (path.length === 0) return null;
  if (path.length === 1) return h('p', { class: 'empty' }, 'No pathway: the two concepts never meet through shared blocks.');
  const list = h('ol', { class: 'path' });
  for (const i of path) list.appendChild(h('li', {}, link(i)));
  return list;
}

export function pairPanel(result: LeximapResult, derived: Derived, a: number, b: number): HTMLElement {
  const together = derived.together(a, b);
  const ca = result.concepts[a]!;
  const cb = result.concepts[b]!;
  return h(
    'section',
    { class: 'pair-panel', 'aria-labelledby': 'pair-title' },
    h('h2', { id: 'pair-title' }, `${ca.label} + ${cb.label}`),
    h('p', { class: 'facts' }, `${together} blocks together · P(${cb.label} | ${ca.label}) ${percent(together / Math.max(1, ca.count))} · P(${ca.label} | ${cb.label}) ${percent(together / Math.max(1, cb.count))}`),
    h('h3', {}, 'Quotes where both occur'),
    quoteList(result, derived, derived.pairBlocks(a, b), [...terms(result, a), ...terms(result, b)]),
  );
}
