/**
 * Group comparison: two tags side by side (which concepts are over- or under-represented in
 * each, with counts, shares, the difference's 95% interval and a q-value), and the concepts ×
 * tags matrix of one tag category, both exportable as CSV.
 */
import type { LeximapResult } from '@leximap/core';
import { toCsv } from '../../../packages/io/src/write/toCsv.ts';
import type { BlockIndex } from './blocks.ts';
import type { Derived } from './derived.ts';
import { download, h, percent } from './dom.ts';
import { compareGroups, shared } from './groups.ts';
import type { GroupRow } from './groups.ts';

export interface GroupState {
  a: number | null;
  b: number | null;
  /** Tag category of the matrix. */
  category: string;
}

export interface GroupEvents {
  select(index: number): void;
  changed(): void;
}

function tagOptions(result: LeximapResult, derived: Derived, chosen: number | null): HTMLOptionElement[] {
  const options: HTMLOptionElement[] = [];
  for (const [category, tags] of derived.tagsByCategory) {
    for (const t of tags) options.push(h('option', { value: t, selected: t === chosen }, `${category}: ${result.concepts[t]!.label}`));
  }
  return options;
}

/** The two groups chosen at first: the first two tags of the first category with two or more (the example's two folders). */
export function defaultGroups(derived: Derived): [number, number] | null {
  const order = ['folder', 'speaker', 'file', 'code'];
  const categories = [...derived.tagsByCategory.keys()].sort((x, y) => (order.indexOf(x) + 1 || 9) - (order.indexOf(y) + 1 || 9));
  for (const c of categories) {
    const tags = derived.tagsByCategory.get(c)!;
    if (tags.length >= 2) return [tags[0]!, tags[1]!];
  }
  return null;
}

export function groupRows(result: LeximapResult, derived: Derived, a: number, b: number): GroupRow[] {
  const nA = result.concepts[a]!.count;
  const nB = result.concepts[b]!.count;
  return compareGroups(derived.learned.map((c) => ({ concept: c, a: derived.together(c, a), nA, b: derived.together(c, b), nB })));
}

export function groupsCsv(result: LeximapResult, rows: readonly GroupRow[], a: number, b: number): string {
  const la = result.concepts[a]!.label;
  const lb = result.concepts[b]!.label;
  return toCsv([
    ['concept', `blocks in ${la}`, `share of ${la}`, `blocks in ${lb}`, `share of ${lb}`, 'difference', 'low 95%', 'high 95%', 'z', 'p', 'q (BH)', 'over-represented in'],
    ...rows.map((r) => [result.concepts[r.concept]!.label, r.a, r.pA, r.b, r.pB, r.difference, r.low, r.high, r.z, r.p, r.q, r.over === 'A' ? la : r.over === 'B' ? lb : '']),
  ]);
}

export function matrixCsv(result: LeximapResult, derived: Derived, concepts: readonly number[], tags: readonly number[]): string {
  return toCsv([
    ['concept', ...tags.map((t) => result.concepts[t]!.label)],
    ['(blocks of the tag)', ...tags.map((t) => result.concepts[t]!.count)],
    ...concepts.map((c) => [result.concepts[c]!.label, ...tags.map((t) => derived.together(c, t))]),
  ]);
}

export function groupsPanel(result: LeximapResult, derived: Derived, index: BlockIndex, visible: readonly number[], state: GroupState, events: GroupEvents, name: string): HTMLElement {
  if (derived.tagsByCategory.size === 0) return h('p', { class: 'empty' }, 'This result has no tags (folders, files, speakers, codes) to compare.');
  if (state.a === null || state.b === null) {
    const d = defaultGroups(derived);
    if (d) [state.a, state.b] = d;
  }
  const selectA = h('select', { id: 'group-a', 'aria-label': 'Group A' }, ...tagOptions(result, derived, state.a));
  const selectB = h('select', { id: 'group-b', 'aria-label': 'Group B' }, ...tagOptions(result, derived, state.b));
  if (state.a === null) state.a = Number(selectA.value);
  if (state.b === null) state.b = Number(selectB.value);
  selectA.addEventListener('change', () => {
    state.a = Number(selectA.value);
    events.changed();
  });
  selectB.addEventListener('change', () => {
    state.b = Number(selectB.value);
    events.changed();
  });
  const a = state.a;
  const b = state.b;
  const la = result.concepts[a]!.label;
  const lb = result.concepts[b]!.label;
  const shown = new Set(visible);
  const rows = groupRows(result, derived, a, b).filter((r) => shown.has(r.concept) && r.a + r.b > 0);
  const active = (list: Int32Array): number[] => Array.from(list).filter((x) => !result.blocks.excluded[x]);
  const overlap = a === b ? result.concepts[a]!.count : shared(active(index.of(a)), active(index.of(b)));

  const link = (c: number): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'concept-link' }, result.concepts[c]!.label);
    button.addEventListener('click', () => events.select(c));
    return button;
  };
  // Bars on one scale for both groups: the largest share in the table is 60 px.
  const widest = Math.max(1e-9, ...rows.map((r) => Math.max(r.pA, r.pB)));
  const bar = (value: number, side: 'a' | 'b'): HTMLElement => {
    const span = h('span', { class: `bar bar-${side}`, 'aria-hidden': 'true' });
    span.style.width = `${Math.round((value / widest) * 60)}px`;
    return span;
  };
  const exportGroups = h('button', { type: 'button', id: 'groups-csv' }, 'Export CSV');
  exportGroups.addEventListener('click', () => download(`${name}-groups.csv`, new Blob([groupsCsv(result, rows, a, b)], { type: 'text/csv' })));

  const categories = [...derived.tagsByCategory.keys()];
  if (!categories.includes(state.category)) state.category = categories.includes('folder') ? 'folder' : categories[0]!;
  const categorySelect = h('select', { id: 'matrix-category', 'aria-label': 'Tag category of the matrix' }, ...categories.map((c) => h('option', { value: c, selected: c === state.category }, c)));
  categorySelect.addEventListener('change', () => {
    state.category = categorySelect.value;
    events.changed();
  });
  const tags = derived.tagsByCategory.get(state.category)!;
  const matrixConcepts = [...visible].sort((x, y) => result.concepts[y]!.count - result.concepts[x]!.count || x - y);
  let top = 0;
  for (const c of matrixConcepts) for (const t of tags) top = Math.max(top, derived.together(c, t) / Math.max(1, result.concepts[t]!.count));
  const exportMatrix = h('button', { type: 'button', id: 'matrix-csv' }, 'Export CSV');
  exportMatrix.addEventListener('click', () => download(`${name}-matrix-${state.category}.csv`, new Blob([matrixCsv(result, derived, matrixConcepts, tags)], { type: 'text/csv' })));

  return h(
    'section',
    { class: 'groups' },
    h('div', { class: 'row' }, h('label', { for: 'group-a' }, 'A '), selectA, h('label', { for: 'group-b' }, ' B '), selectB),
    h(
      'p',
      { class: 'facts', id: 'groups-summary' },
      `A: ${result.concepts[a]!.count} blocks · B: ${result.concepts[b]!.count} blocks · share of each group’s blocks coded with the concept; difference A − B with its 95% interval (Newcombe), q = two-proportion z-test p after Benjamini–Hochberg.`,
      overlap > 0 ? h('strong', { class: 'warning' }, ` The groups share ${overlap} blocks: the test assumes they do not.`) : '',
      ' ',
      exportGroups,
    ),
    h(
      'table',
      { class: 'groups-table', id: 'groups-table' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'concept'), h('th', { class: 'num', title: la }, 'A'), h('th', {}, ''), h('th', { class: 'num', title: lb }, 'B'), h('th', {}, ''), h('th', { class: 'num' }, 'A − B [95%]'), h('th', { class: 'num' }, 'q')),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            { class: r.over ? `over-${r.over.toLowerCase()}` : '', 'data-concept': r.concept, 'data-over': r.over },
            h('td', {}, link(r.concept), r.over ? h('span', { class: 'over-tag' }, ` ↑${r.over === 'A' ? 'A' : 'B'}`) : null),
            h('td', { class: 'num' }, `${r.a} · ${percent(r.pA)}`),
            h('td', {}, bar(r.pA, 'a')),
            h('td', { class: 'num' }, `${r.b} · ${percent(r.pB)}`),
            h('td', {}, bar(r.pB, 'b')),
            h('td', { class: 'num' }, `${(r.difference * 100).toFixed(1)} [${(r.low * 100).toFixed(1)}, ${(r.high * 100).toFixed(1)}]`),
            h('td', { class: 'num' }, r.q < 0.001 ? '<0.001' : r.q.toFixed(3)),
          ),
        ),
      ),
    ),
    h('h3', {}, 'Concepts × tags'),
    h('div', { class: 'row' }, h('label', { for: 'matrix-category' }, 'Category '), categorySelect, ' ', exportMatrix),
    h(
      'div',
      { class: 'matrix-wrap' },
      h(
        'table',
        { class: 'heatmap matrix', id: 'matrix' },
        h('thead', {}, h('tr', {}, h('th', {}, 'concept'), ...tags.map((t) => h('th', { class: 'code-head', title: `${result.concepts[t]!.label}: ${result.concepts[t]!.count} blocks` }, h('span', {}, result.concepts[t]!.label))))),
        h(
          'tbody',
          {},
          ...matrixConcepts.map((c) =>
            h(
              'tr',
              {},
              h('td', {}, link(c)),
              ...tags.map((t) => {
                const n = derived.together(c, t);
                const share = n / Math.max(1, result.concepts[t]!.count);
                const cell = h('td', { class: 'num', title: `${result.concepts[c]!.label} in ${result.concepts[t]!.label}: ${n} blocks, ${percent(share, 1)} of the tag’s blocks` }, n || '');
                const heat = top > 0 ? share / top : 0;
                cell.style.background = `rgba(29, 78, 216, ${(heat * 0.75).toFixed(3)})`;
                if (heat > 0.55) cell.style.color = '#fff';
                return cell;
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
