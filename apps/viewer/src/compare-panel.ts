/**
 * The comparison with manual codes, when the result holds one: agreement figures, the per-code
 * table (best concept, Jaccard, κ, the one-to-one assignment) and a concept × code heat map of
 * Jaccard indices.
 */
import type { LeximapResult } from '@leximap/core';
import { h, percent } from './dom.ts';

export interface CompareEvents {
  select(index: number, add: boolean): void;
}

/** White to deep blue by `value` in 0–1, with text colour that keeps contrast. */
function heat(value: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, value));
  const r = Math.round(255 + (30 - 255) * t);
  const g = Math.round(255 + (64 - 255) * t);
  const b = Math.round(255 + (175 - 255) * t);
  return { background: `rgb(${r}, ${g}, ${b})`, color: t > 0.45 ? '#ffffff' : '#111827' };
}

export function comparePanel(result: LeximapResult, events: CompareEvents): HTMLElement {
  const comparison = result.comparison;
  if (!comparison) return h('p', { class: 'empty' }, 'This result was not compared with manual codes (run leximap compare RESULT --codes FILE).');
  const conceptButton = (i: number): HTMLElement => {
    const concept = result.concepts[i];
    if (!concept) return h('span', {}, '—');
    const button = h('button', { type: 'button', class: 'concept-link' }, concept.label);
    button.addEventListener('click', () => events.select(i, false));
    return button;
  };
  const assigned = new Map(comparison.assignment.map((m) => [m.code, m]));
  const best = new Map(comparison.bestMatch.map((m) => [m.code, m]));

  const table = h(
    'table',
    { class: 'compare-table' },
    h('caption', {}, `Manual codes from ${comparison.source}`),
    h('thead', {}, h('tr', {}, h('th', {}, 'code'), h('th', { class: 'num' }, 'blocks'), h('th', {}, 'best concept'), h('th', { class: 'num', title: 'Jaccard index' }, 'J'), h('th', { class: 'num', title: "Cohen's kappa" }, 'κ'))),
    h(
      'tbody',
      {},
      ...comparison.codes.map((code, k) => {
        const m = best.get(k);
        const a = assigned.get(k);
        return h(
          'tr',
          {},
          h('td', { title: code.path.join(' \\ ') }, code.name),
          h('td', { class: 'num' }, code.blocks),
          h(
            'td',
            {},
            m ? conceptButton(m.concept) : '—',
            // The one-to-one assignment, where it differs from the best match.
            a && a.concept !== m?.concept ? h('div', { class: 'assigned' }, 'assigned: ', conceptButton(a.concept)) : null,
          ),
          h('td', { class: 'num' }, m ? m.jaccard.toFixed(2) : '—'),
          h('td', { class: 'num' }, m ? m.kappa.toFixed(2) : '—'),
        );
      }),
    ),
  );

  // Rows: concepts that share blocks with some code, the best-agreeing first; at most 30.
  const bestOf = new Map<number, number>();
  for (const cell of comparison.cells) bestOf.set(cell.concept, Math.max(bestOf.get(cell.concept) ?? 0, cell.jaccard));
  const rows = [...bestOf.keys()].sort((p, q) => bestOf.get(q)! - bestOf.get(p)! || p - q).slice(0, 30);
  const cellOf = new Map(comparison.cells.map((c) => [`${c.concept}:${c.code}`, c]));
  const heatmap = h(
    'table',
    { class: 'heatmap' },
    h('caption', {}, 'Concept × code agreement (Jaccard)'),
    h('thead', {}, h('tr', {}, h('th', {}, ''), ...comparison.codes.map((code) => h('th', { class: 'code-head', title: code.path.join(' \\ ') }, h('span', {}, code.name))))),
    h(
      'tbody',
      {},
      ...rows.map((i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, conceptButton(i)),
          ...comparison.codes.map((code, k) => {
            const cell = cellOf.get(`${i}:${k}`);
            const value = cell?.jaccard ?? 0;
            const td = h('td', { class: 'num', title: `${result.concepts[i]?.label ?? i} × ${code.name}: Jaccard ${value.toFixed(2)}, ${cell?.both ?? 0} blocks` }, value > 0 ? Math.round(value * 100) : '');
            const colours = heat(value * 1.6);
            td.style.background = colours.background;
            td.style.color = colours.color;
            return td;
          }),
        ),
      ),
    ),
  );

  return h(
    'section',
    { class: 'compare' },
    h(
      'dl',
      { class: 'figures' },
      h('dt', {}, 'coverage'),
      h('dd', {}, percent(comparison.coverage)),
      h('dt', {}, 'document κ'),
      h('dd', {}, comparison.documentKappa.toFixed(2)),
      h('dt', {}, 'segments located'),
      h('dd', {}, percent(comparison.located)),
    ),
    table,
    heatmap,
    comparison.notes.length > 0 ? h('ul', { class: 'notes' }, ...comparison.notes.map((n) => h('li', {}, n))) : null,
  );
}
