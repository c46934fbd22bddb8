/**
 * Search over concepts, their thesaurus terms and the kept text, and the keyword-in-context
 * concordance of a word or of a concept (all its terms), sortable and exportable as CSV.
 */
import type { LeximapResult } from '@leximap/core';
import type { BlockIndex } from './blocks.ts';
import { conceptTerms } from './concept-panel.ts';
import { concordance, kwicCsv, sortKwic, termPattern } from './concordance.ts';
import type { KwicLine, KwicSort } from './concordance.ts';
import { download, h } from './dom.ts';

export interface SearchState {
  query: string;
  /** A concept whose terms are looked up instead of the query's words. */
  concept: number | null;
  sort: KwicSort;
}

export interface SearchEvents {
  select(index: number): void;
  /** Opens the block at `at` of `blocks` in context. */
  open(title: string, terms: string[], blocks: number[], at: number): void;
  changed(): void;
}

/** Rows drawn at most (all are counted and exported). */
export const KWIC_SHOWN = 300;

/** Concepts whose label or a thesaurus term contains `query` (any case), with the term that matched. */
export function matchConcepts(result: LeximapResult, query: string): { concept: number; term: string | null }[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return [];
  const out: { concept: number; term: string | null }[] = [];
  result.concepts.forEach((c, i) => {
    if (c.label.toLocaleLowerCase().includes(q)) out.push({ concept: i, term: null });
    else {
      const t = c.thesaurus.find((x) => x.term.toLocaleLowerCase().includes(q));
      if (t) out.push({ concept: i, term: t.term });
    }
  });
  return out;
}

export function searchPanel(result: LeximapResult, index: BlockIndex, state: SearchState, events: SearchEvents, name: string): HTMLElement {
  const terms = state.concept !== null ? conceptTerms(result, state.concept) : state.query.trim() === '' ? [] : [state.query.trim()];
  const what = state.concept !== null ? result.concepts[state.concept]!.label : state.query.trim();
  if (terms.length === 0) return h('section', { class: 'search-panel' }, h('p', { class: 'empty' }, 'Type in the search box above: concepts, thesaurus terms and the text are searched, and every occurrence is listed in its context (a concordance). A concept’s “Concordance” button lists all its terms.'));

  const matched = state.concept !== null ? [] : matchConcepts(result, state.query);
  const pattern = termPattern(terms);
  const found = pattern ? concordance(result, index, pattern) : { lines: [] as KwicLine[], total: 0, blocks: 0 };
  const lines = sortKwic(found.lines, state.sort);

  const header = (label: string, sort: KwicSort, cls = ''): HTMLElement => {
    const b = h('button', { type: 'button', class: 'sort', 'data-sort': sort, 'aria-pressed': String(state.sort === sort) }, label, state.sort === sort ? ' ▾' : '');
    b.addEventListener('click', () => {
      state.sort = state.sort === sort ? 'position' : sort;
      events.changed();
    });
    return h('th', { class: cls, 'aria-sort': state.sort === sort ? 'ascending' : undefined }, b);
  };
  const exportButton = h('button', { type: 'button', id: 'kwic-csv', disabled: lines.length === 0 }, 'Export CSV');
  exportButton.addEventListener('click', () => {
    const safe = what.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 40) || 'search';
    download(`${name}-concordance-${safe}.csv`, new Blob([kwicCsv(lines)], { type: 'text/csv' }));
  });
  const blocks = [...new Set(lines.map((l) => l.block))].sort((a, b) => a - b);
  const rows = lines.slice(0, KWIC_SHOWN).map((l) => {
    const row = h(
      'tr',
      { 'data-block': l.block, tabindex: 0, title: 'open in context' },
      h('td', { class: 'kwic-left' }, h('bdi', { dir: 'ltr' }, l.left)),
      h('td', { class: 'kwic-key' }, h('mark', {}, l.keyword)),
      h('td', { class: 'kwic-right' }, l.right),
      h('td', { class: 'kwic-doc', title: l.document }, l.document),
      h('td', { class: 'kwic-speaker', title: l.speaker }, l.speaker),
    );
    const open = (): void => events.open(`“${what}” in context`, terms, blocks, blocks.indexOf(l.block));
    row.addEventListener('click', open);
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    return row;
  });

  return h(
    'section',
    { class: 'search-panel' },
    matched.length > 0
      ? h(
          'div',
          { class: 'search-concepts' },
          h('h3', {}, `Concepts (${matched.length})`),
          h(
            'ul',
            { class: 'hits', id: 'concept-hits' },
            ...matched.slice(0, 30).map((m) => {
              const c = result.concepts[m.concept]!;
              const b = h('button', { type: 'button', class: 'concept-link', 'data-index': m.concept }, c.label);
              b.addEventListener('click', () => events.select(m.concept));
              const kwic = h('button', { type: 'button', class: 'pair-link', title: `concordance of all terms of ${c.label}` }, 'KWIC');
              kwic.addEventListener('click', () => {
                state.concept = m.concept;
                events.changed();
              });
              return h('li', {}, b, ' ', h('span', { class: 'facts' }, `${c.kind === 'tag' ? c.category ?? 'tag' : c.kind} · ${c.count} blocks${m.term ? ` · term “${m.term}”` : ''}`), ' ', c.kind === 'tag' ? null : kwic);
            }),
          ),
        )
      : null,
    h('h3', {}, 'Concordance'),
    h(
      'p',
      { class: 'facts', id: 'kwic-summary' },
      `${found.total} occurrence${found.total === 1 ? '' : 's'} of ${state.concept !== null ? `the ${terms.length} terms of ${what}` : `“${what}”`} in ${found.blocks} blocks`,
      found.lines.length > KWIC_SHOWN ? ` · the first ${KWIC_SHOWN} shown, all exported` : '',
      index.allText ? '' : ' · this result keeps the text of the blocks near quotes only',
      ' ',
      exportButton,
    ),
    lines.length > 0
      ? h(
          'table',
          { class: 'kwic', id: 'kwic' },
          h('thead', {}, h('tr', {}, header('Left', 'left', 'kwic-left'), header('Word', 'position'), header('Right', 'right'), header('Document', 'document'), header('Speaker', 'speaker'))),
          h('tbody', {}, ...rows),
        )
      : null,
  );
}
