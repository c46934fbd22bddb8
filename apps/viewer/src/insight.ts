/**
 * The insight quadrant for one tag (a speaker, a file, a folder, a manual code): each concept at
 * its relative frequency P(concept | tag) across and its strength P(tag | concept) up, from the
 * concept counts and the co-occurrence table. Top right: what the tag talks about often and
 * more than anyone else.
 */
import type { LeximapResult } from '@leximap/core';
import { placeLabels } from '../../../packages/render/src/labels.ts';
import type { Derived } from './derived.ts';
import { h, percent, s } from './dom.ts';

export interface InsightEvents {
  select(index: number, add: boolean): void;
}

interface Point {
  concept: number;
  frequency: number;
  strength: number;
  together: number;
}

export function insightPanel(result: LeximapResult, derived: Derived, visible: ReadonlySet<number>, state: { category: string; tag: number | null }, onChange: () => void, events: InsightEvents): HTMLElement {
  const categories = [...derived.tagsByCategory.keys()];
  if (categories.length === 0) return h('p', { class: 'empty' }, 'This result has no tags.');
  if (!categories.includes(state.category)) state.category = categories[0]!;
  const tags = derived.tagsByCategory.get(state.category)!;
  if (state.tag === null || !tags.includes(state.tag)) state.tag = tags[0]!;
  const tag = state.tag;

  const categorySelect = h('select', { id: 'insight-category' }, ...categories.map((c) => h('option', { value: c, selected: c === state.category }, c)));
  categorySelect.addEventListener('change', () => {
    state.category = categorySelect.value;
    state.tag = null;
    onChange();
  });
  const tagSelect = h('select', { id: 'insight-tag' }, ...tags.map((t) => h('option', { value: t, selected: t === tag }, result.concepts[t]!.label)));
  tagSelect.addEventListener('change', () => {
    state.tag = Number(tagSelect.value);
    onChange();
  });

  const tagCount = Math.max(1, result.concepts[tag]!.count);
  const points: Point[] = [];
  for (const i of derived.learned) {
    if (!visible.has(i)) continue;
    const together = derived.together(i, tag);
    if (together === 0) continue;
    points.push({ concept: i, together, frequency: together / tagCount, strength: together / Math.max(1, result.concepts[i]!.count) });
  }
  points.sort((p, q) => q.strength * q.frequency - p.strength * p.frequency || p.concept - q.concept);

  return h(
    'section',
    { class: 'insight' },
    h('div', { class: 'row' }, h('label', { for: 'insight-category' }, 'Category '), categorySelect, h('label', { for: 'insight-tag' }, ' tag '), tagSelect),
    points.length === 0 ? h('p', { class: 'empty' }, 'No concept co-occurs with this tag.') : quadrant(result, points, events),
    h(
      'table',
      { class: 'insight-table' },
      h('caption', {}, `Concepts of ${result.concepts[tag]!.label}`),
      h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', { class: 'num', title: 'P(concept | tag)' }, 'rel. freq.'), h('th', { class: 'num', title: 'P(tag | concept)' }, 'strength'))),
      h(
        'tbody',
        {},
        ...points.slice(0, 15).map((p) => {
          const button = h('button', { type: 'button', class: 'concept-link' }, result.concepts[p.concept]!.label);
          button.addEventListener('click', () => events.select(p.concept, false));
          return h('tr', {}, h('td', {}, button), h('td', { class: 'num' }, percent(p.frequency)), h('td', { class: 'num' }, percent(p.strength)));
        }),
      ),
    ),
  );
}

function quadrant(result: LeximapResult, points: Point[], events: InsightEvents): SVGSVGElement {
  const width = 340;
  const height = 260;
  const pad = { left: 34, right: 10, top: 10, bottom: 30 };
  const maxX = Math.max(...points.map((p) => p.frequency)) * 1.08 || 1;
  const maxY = Math.max(...points.map((p) => p.strength)) * 1.08 || 1;
  const x = (v: number): number => pad.left + (v / maxX) * (width - pad.left - pad.right);
  const y = (v: number): number => height - pad.bottom - (v / maxY) * (height - pad.top - pad.bottom);
  const meanX = points.reduce((t, p) => t + p.frequency, 0) / points.length;
  const meanY = points.reduce((t, p) => t + p.strength, 0) / points.length;
  const svg = s('svg', { class: 'quadrant', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Insight quadrant: relative frequency across, strength up' });
  svg.appendChild(s('rect', { x: x(meanX), y: pad.top, width: width - pad.right - x(meanX), height: y(meanY) - pad.top, class: 'hot-quadrant' }));
  svg.appendChild(s('line', { x1: x(meanX), x2: x(meanX), y1: pad.top, y2: height - pad.bottom, class: 'mean' }));
  svg.appendChild(s('line', { x1: pad.left, x2: width - pad.right, y1: y(meanY), y2: y(meanY), class: 'mean' }));
  svg.appendChild(s('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, class: 'axis' }));
  svg.appendChild(s('line', { x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom, class: 'axis' }));
  svg.appendChild(s('text', { x: width - pad.right, y: height - 8, 'text-anchor': 'end', class: 'axis-label' }, 'relative frequency P(concept | tag) →'));
  svg.appendChild(s('text', { x: 12, y: height - pad.bottom, transform: `rotate(-90 12 ${height - pad.bottom})`, class: 'axis-label' }, 'strength P(tag | concept) →'));
  const requests = points.map((p) => ({ x: x(p.frequency), y: y(p.strength), offset: 6, width: p.concept >= 0 ? result.concepts[p.concept]!.label.length * 6.4 + 4 : 0, height: 13 }));
  const boxes = placeLabels(requests, {
    bounds: { x0: pad.left, y0: 0, x1: width, y1: height - pad.bottom },
    obstacles: requests.map((r) => ({ x0: r.x - 3, y0: r.y - 3, x1: r.x + 3, y1: r.y + 3 })),
  });
  points.forEach((p, k) => {
    const dot = s('circle', { cx: x(p.frequency), cy: y(p.strength), r: 4, class: 'q-dot', tabindex: 0, role: 'button', 'aria-label': `${result.concepts[p.concept]!.label}: relative frequency ${percent(p.frequency)}, strength ${percent(p.strength)}` });
    dot.appendChild(s('title', {}, `${result.concepts[p.concept]!.label} · ${percent(p.frequency)} · ${percent(p.strength)}`));
    dot.addEventListener('click', () => events.select(p.concept, false));
    dot.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        events.select(p.concept, false);
      }
    });
    svg.appendChild(dot);
    const box = boxes[k];
    if (box) svg.appendChild(s('text', { x: box.x0 + 2, y: box.y1 - 3, class: 'q-label' }, result.concepts[p.concept]!.label));
  });
  return svg;
}
