/**
 * The sentiment lens, for results analysed with `--sentiment`: concepts coloured by the mean
 * sentiment of their blocks (red negative, grey neutral, blue positive), concepts ranked by it, the
 * selected concept's quotes from most negative to most positive, and two tags (speakers, folders,
 * files, languages) compared concept by concept, largest difference first.
 */
import type { LeximapResult } from '@leximap/core';
import type { Derived } from './derived.ts';
import { h, percent } from './dom.ts';

export interface SentimentLens {
  colour: boolean;
  a: number | null;
  b: number | null;
}

export interface SentimentEvents {
  select(index: number, add: boolean): void;
  change(): void;
}

/** Fewest blocks a concept needs on each side of a tag comparison. */
const MIN_BLOCKS = 3;
const NEGATIVE: [number, number, number] = [215, 48, 39];
const NEUTRAL: [number, number, number] = [200, 200, 200];
const POSITIVE: [number, number, number] = [33, 102, 172];

/** Red → grey → blue for a mean from −0.5 (or below) to 0.5 (or above). */
export function sentimentColour(mean: number): string {
  const t = Math.max(-1, Math.min(1, mean * 2));
  const to = t < 0 ? NEGATIVE : POSITIVE;
  const k = Math.abs(t);
  const mix = NEUTRAL.map((n, i) => Math.round(n + (to[i]! - n) * k));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}

/** Colours the map's concept dots by sentiment (or gives them back their theme colour). */
export function colourBySentiment(holder: HTMLElement, result: LeximapResult, on: boolean): void {
  for (const dot of Array.from(holder.querySelectorAll<SVGGElement>('g.concept[data-kind="concept"]'))) {
    const path = dot.querySelector('path') as SVGPathElement | null;
    const mean = result.concepts[Number(dot.dataset.index)]?.sentiment?.mean;
    if (path) path.style.fill = on && mean !== undefined ? sentimentColour(mean) : '';
  }
}

/** The blocks of a tag concept that can be told from the result: a speaker's, or a document tag's. */
export function tagBlocks(result: LeximapResult, index: number): Set<number> {
  const tag = result.concepts[index]!;
  const blocks = new Set<number>();
  if (tag.category === 'speaker') {
    const speaker = result.speakers.indexOf(tag.label);
    result.blocks.speaker.forEach((s, b) => {
      if (s === speaker && s >= 0) blocks.add(b);
    });
  } else {
    const name = tag.category === 'tag' || tag.category === undefined ? tag.label : `${tag.category}:${tag.label}`;
    for (const d of result.documents) if (d.tags.includes(name)) for (let b = d.blockStart; b < d.blockEnd; b++) blocks.add(b);
  }
  for (const b of [...blocks]) if (result.blocks.excluded[b]) blocks.delete(b);
  return blocks;
}

/** Per learned concept, the mean sentiment of its blocks within tag A and within tag B, with counts; largest difference first. */
export function compareTags(result: LeximapResult, a: Set<number>, b: Set<number>): { concept: number; a: number; na: number; b: number; nb: number }[] {
  const sums = result.concepts.map(() => ({ a: 0, na: 0, b: 0, nb: 0 }));
  const { conceptStarts, concepts, sentiment } = result.blocks;
  for (let block = 0; block < result.corpus.blocks; block++) {
    const score = sentiment?.[block];
    if (score === null || score === undefined || (!a.has(block) && !b.has(block))) continue;
    for (let i = conceptStarts[block]!; i < conceptStarts[block + 1]!; i++) {
      const s = sums[concepts[i]!]!;
      if (a.has(block)) {
        s.a += score;
        s.na++;
      }
      if (b.has(block)) {
        s.b += score;
        s.nb++;
      }
    }
  }
  return sums
    .map((s, concept) => ({ concept, a: s.a / Math.max(1, s.na), na: s.na, b: s.b / Math.max(1, s.nb), nb: s.nb }))
    .filter((r) => r.na >= MIN_BLOCKS && r.nb >= MIN_BLOCKS)
    .sort((p, q) => Math.abs(q.a - q.b) - Math.abs(p.a - p.b) || p.concept - q.concept);
}

const signed = (x: number): string => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(2);

export function sentimentPanel(result: LeximapResult, derived: Derived, selected: number | null, lens: SentimentLens, events: SentimentEvents): HTMLElement {
  const link = (i: number): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'concept-link', 'data-index': i }, result.concepts[i]!.label);
    button.addEventListener('click', () => events.select(i, false));
    return button;
  };
  const swatch = (mean: number): HTMLElement => {
    const span = h('span', { class: 'sentiment-swatch', 'aria-hidden': 'true' });
    Object.assign(span.style, { display: 'inline-block', width: '0.75em', height: '0.75em', borderRadius: '50%', verticalAlign: 'baseline', background: sentimentColour(mean) });
    return span;
  };
  const toggle = h('input', { type: 'checkbox', id: 'sentiment-colour', checked: lens.colour });
  toggle.addEventListener('change', () => {
    lens.colour = toggle.checked;
    events.change();
  });

  const ranked = derived.learned.filter((i) => result.concepts[i]!.sentiment).sort((p, q) => result.concepts[q]!.sentiment!.mean - result.concepts[p]!.sentiment!.mean || p - q);
  const conceptTable = h(
    'table',
    { class: 'sentiment-table', id: 'sentiment-concepts' },
    h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', { class: 'num' }, 'mean'), h('th', { class: 'num' }, 'positive'), h('th', { class: 'num' }, 'negative'), h('th', { class: 'num' }, 'blocks'))),
    h(
      'tbody',
      {},
      ...ranked.map((i) => {
        const s = result.concepts[i]!.sentiment!;
        return h('tr', { 'data-index': i }, h('td', {}, swatch(s.mean), ' ', link(i)), h('td', { class: 'num' }, signed(s.mean)), h('td', { class: 'num' }, percent(s.positive)), h('td', { class: 'num' }, percent(s.negative)), h('td', { class: 'num' }, s.blocks));
      }),
    ),
  );

  const quotes = selected !== null && result.concepts[selected]!.kind !== 'tag' ? sortedQuotes(result, derived, selected) : null;

  const tags = [...derived.tagsByCategory].filter(([category]) => category !== 'code').flatMap(([, list]) => list);
  const choose = (id: string, value: number | null, set: (v: number | null) => void): HTMLSelectElement => {
    const menu = h('select', { id, 'aria-label': id === 'sentiment-a' ? 'first tag' : 'second tag' }, h('option', { value: '' }, 'choose a tag…'));
    for (const t of tags) menu.appendChild(h('option', { value: t, selected: t === value }, `${result.concepts[t]!.category}: ${result.concepts[t]!.label}`));
    menu.addEventListener('change', () => {
      set(menu.value === '' ? null : Number(menu.value));
      events.change();
    });
    return menu;
  };
  let comparison: HTMLElement | null = null;
  if (lens.a !== null && lens.b !== null) {
    const rows = compareTags(result, tagBlocks(result, lens.a), tagBlocks(result, lens.b)).slice(0, 20);
    const la = result.concepts[lens.a]!.label;
    const lb = result.concepts[lens.b]!.label;
    comparison =
      rows.length === 0
        ? h('p', { class: 'empty' }, `No concept has ${MIN_BLOCKS} scored blocks with both tags.`)
        : h(
            'table',
            { class: 'sentiment-table', id: 'sentiment-compare' },
            h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', { class: 'num' }, la), h('th', { class: 'num' }, lb), h('th', { class: 'num' }, 'difference'))),
            h(
              'tbody',
              {},
              ...rows.map((r) =>
                h('tr', { 'data-index': r.concept }, h('td', {}, link(r.concept)), h('td', { class: 'num', title: `${r.na} blocks` }, signed(r.a)), h('td', { class: 'num', title: `${r.nb} blocks` }, signed(r.b)), h('td', { class: 'num' }, signed(r.a - r.b))),
              ),
            ),
          );
  }

  return h(
    'section',
    { class: 'sentiment-panel' },
    h('h2', {}, 'Sentiment'),
    h('p', { class: 'facts' }, `VADER compound score per block (English blocks only), mean per concept · positive ≥ +0.05, negative ≤ −0.05`),
    h('label', { for: 'sentiment-colour', class: 'check' }, toggle, ' colour concepts by sentiment ', swatch(-0.5), ' negative ', swatch(0), ' neutral ', swatch(0.5), ' positive'),
    quotes,
    h('details', { open: true }, h('summary', {}, 'Compare two tags'), choose('sentiment-a', lens.a, (v) => (lens.a = v)), ' ', choose('sentiment-b', lens.b, (v) => (lens.b = v)), comparison),
    h('details', { open: quotes === null }, h('summary', {}, `Concepts by sentiment (${ranked.length})`), conceptTable),
  );
}

/** The selected concept's quotes, most negative first, each with its score. */
function sortedQuotes(result: LeximapResult, derived: Derived, index: number): HTMLElement {
  const c = result.concepts[index]!;
  const score = (b: number): number => result.blocks.sentiment?.[b] ?? 0;
  const blocks = [...c.quotes].filter((b) => result.blocks.sentiment?.[b] !== null).sort((p, q) => score(p) - score(q) || p - q);
  return h(
    'details',
    { open: true },
    h('summary', {}, `Quotes of ${c.label}, most negative first`),
    h(
      'ol',
      { class: 'quotes', id: 'sentiment-quotes' },
      ...blocks.map((b) =>
        h(
          'li',
          { class: 'quote', 'data-block': b, 'data-sentiment': score(b) },
          h('blockquote', { dir: 'auto' }, derived.excerpt(b) ?? ''),
          h('div', { class: 'quote-meta' }, h('span', { class: 'score' }, signed(score(b))), h('span', { class: 'doc' }, result.documents[result.blocks.document[b]!]?.name ?? '')),
        ),
      ),
    ),
  );
}
