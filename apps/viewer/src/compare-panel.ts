/**
 * The comparison with manual codes, when the result holds one, as a full-width view: the
 * headline figures beside their chance levels; the evidence per code (full code paths, the
 * strongest association first: counts, both shares, lift, q); a code × concept matrix whose
 * cells state their unit (shared blocks) and whose colour is the evidence; a click on a cell
 * shows the blocks the two share, with quotes; and themes against top-level codes with the
 * same evidence. Every text goes in as text nodes (dom.ts).
 */
import type { AgreementCell, AgreementFigure, LeximapResult } from '@leximap/core';
import './compare-panel.css';
import { clear, h, percent } from './dom.ts';

export interface CompareEvents {
  select(index: number, add: boolean): void;
}

const FIGURES: Record<AgreementFigure['id'], { label: string; meaning: string }> = {
  matches: { label: 'matched pairs', meaning: 'code × concept pairs sharing more blocks than chance (BH q ≤ α) beyond the effect size' },
  coverage: { label: 'coverage', meaning: 'share of the (code, block) codings whose block carries a concept matched to that code' },
  kappa: { label: 'κ', meaning: "mean Cohen's κ over matched pairs: 0 = chance, 1 = the same blocks" },
  jaccard: { label: 'Jaccard', meaning: 'mean shared / either blocks over matched pairs' },
  f1: { label: 'best-match F1', meaning: "mean over codes of the best concept's 2·shared / (code + concept blocks)" },
  documentKappa: { label: 'document κ', meaning: 'κ of presence per document over matched pairs' },
};

/** White to deep blue by `value` in 0–1, with text colour that keeps contrast. */
function heat(value: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, value));
  const r = Math.round(255 + (30 - 255) * t);
  const g = Math.round(255 + (64 - 255) * t);
  const b = Math.round(255 + (175 - 255) * t);
  return { background: `rgb(${r}, ${g}, ${b})`, color: t > 0.45 ? '#ffffff' : '#111827' };
}

/** Evidence as a 0–1 strength for colour: −log10 q, saturating at q = 1e-6. */
function strength(cell: { q?: number | undefined }): number {
  const q = cell.q ?? 1;
  return Math.min(1, -Math.log10(Math.max(q, 1e-12)) / 6);
}

const qText = (q: number | undefined): string => (q === undefined ? '—' : q < 0.001 ? q.toExponential(1) : q.toFixed(3));

export function comparePanel(result: LeximapResult, events: CompareEvents): HTMLElement {
  const comparison = result.comparison;
  if (!comparison) return h('p', { class: 'empty' }, 'This result was not compared with manual codes (run leximap compare RESULT --codes FILE).');
  const codePath = (k: number): string => comparison.codes[k]?.path.join(' › ') ?? `#${k}`;
  const label = (i: number): string => result.concepts[i]?.label ?? `#${i}`;
  const conceptButton = (i: number): HTMLElement => {
    const button = h('button', { type: 'button', class: 'concept-link' }, label(i));
    button.addEventListener('click', () => events.select(i, false));
    return button;
  };
  const excerpts = new Map<number, string>();
  for (const e of result.quotes.excerpts) excerpts.set(e.block, e.text);
  for (const e of comparison.excerpts ?? []) excerpts.set(e.block, e.text);
  const byCode = new Map<number, AgreementCell[]>();
  for (const cell of comparison.cells) byCode.set(cell.code, [...(byCode.get(cell.code) ?? []), cell]);
  const order = (a: AgreementCell, b: AgreementCell): number => (a.q ?? 1) - (b.q ?? 1) || b.lift - a.lift || a.concept - b.concept;
  for (const list of byCode.values()) list.sort(order);
  const detail = h('section', { class: 'cmp-detail', id: 'compare-detail', 'aria-live': 'polite' }, h('p', { class: 'empty' }, 'Click a cell of the evidence table or the matrix to see the blocks the code and the concept share, with quotes.'));

  const show = (cell: AgreementCell): void => {
    clear(detail);
    const code = comparison.codes[cell.code];
    const inCode = new Set(code?.blockList ?? []);
    const shared: number[] = [];
    const { conceptStarts, concepts } = result.blocks;
    for (const b of inCode) {
      for (let k = conceptStarts[b]!; k < conceptStarts[b + 1]!; k++) if (concepts[k] === cell.concept) shared.push(b);
    }
    shared.sort((a, b) => a - b);
    const quoted = [...(cell.quotes ?? []), ...shared.filter((b) => !(cell.quotes ?? []).includes(b))];
    detail.append(
      h('h3', {}, `${codePath(cell.code)} × ${label(cell.concept)}`),
      h(
        'p',
        { class: 'cmp-facts' },
        `${cell.both} shared blocks of ${cell.codeBlocks ?? '?'} code blocks and ${cell.conceptBlocks ?? '?'} concept blocks · ${percent(cell.codeShare ?? 0)} of the code in the concept · ${percent(cell.conceptShare ?? 0)} of the concept in the code · lift ${cell.lift.toFixed(1)} · q ${qText(cell.q)}${cell.rotated !== undefined ? ` · against rotated blocks ${qText(cell.rotated)}` : ''} · ${cell.matched ? 'matched' : 'not matched'}${cell.named ? ` · the code's name contains “${cell.named}”` : ''}`,
      ),
      h(
        'ol',
        { class: 'quotes cmp-quotes' },
        ...quoted.map((block) => {
          const doc = result.documents[result.blocks.document[block] ?? -1];
          const text = excerpts.get(block);
          return h(
            'li',
            { class: 'quote', 'data-block': block },
            h('blockquote', {}, text ?? h('em', {}, 'text not kept in the result')),
            h('div', { class: 'quote-meta' }, h('span', { class: 'doc' }, doc?.name ?? ''), h('span', { class: 'position' }, `¶ ${(result.blocks.paragraph[block] ?? 0) + 1} · chars ${result.blocks.start[block]}–${result.blocks.end[block]}`)),
          );
        }),
      ),
    );
    detail.scrollIntoView?.({ block: 'nearest' });
  };
  const cellButton = (cell: AgreementCell, text: string): HTMLElement => {
    const button = h('button', { type: 'button', class: 'cmp-cell', 'data-code': cell.code, 'data-concept': cell.concept, title: `${codePath(cell.code)} × ${label(cell.concept)}: ${cell.both} shared blocks, q ${qText(cell.q)}` }, text);
    button.addEventListener('click', () => show(cell));
    return button;
  };

  // Headline figures with their chance levels.
  const figures = h(
    'table',
    { class: 'cmp-figures' },
    h('caption', {}, `Agreement with ${comparison.source}, beside chance (${comparison.chance ? `concepts' blocks ${comparison.chance.permutation === 'within-documents' ? 'shuffled' : 'rotated'} within documents, mean of ${comparison.chance.rounds} rounds` : 'not computed'})`),
    h('thead', {}, h('tr', {}, h('th', {}, 'figure'), h('th', { class: 'num' }, 'value'), h('th', { class: 'num' }, 'chance'), h('th', { class: 'num' }, 'chance 95%'), h('th', {}, 'meaning'))),
    h(
      'tbody',
      {},
      ...(comparison.figures ?? []).map((f) => {
        const fmt = (x: number): string => (f.id === 'coverage' ? percent(x) : f.id === 'matches' ? (Number.isInteger(x) ? String(x) : x.toFixed(1)) : x.toFixed(2));
        return h('tr', { 'data-figure': f.id }, h('th', { scope: 'row' }, FIGURES[f.id].label), h('td', { class: 'num' }, fmt(f.value)), h('td', { class: 'num' }, fmt(f.chance)), h('td', { class: 'num' }, fmt(f.chanceHigh)), h('td', { class: 'meaning' }, FIGURES[f.id].meaning));
      }),
      h('tr', {}, h('th', { scope: 'row' }, 'segments located'), h('td', { class: 'num' }, percent(comparison.located)), h('td', {}, ''), h('td', {}, ''), h('td', { class: 'meaning' }, 'share of coded segments found in the analysed documents')),
    ),
  );

  // Evidence per code: its matched concepts, or its closest one; codes with the strongest evidence first.
  const rows = comparison.codes
    .map((code, k) => ({ k, code, cells: byCode.get(k) ?? [] }))
    .filter((r) => r.code.segments > 0)
    .map((r) => ({ ...r, shown: r.cells.some((c) => c.matched) ? r.cells.filter((c) => c.matched) : r.cells.slice(0, 1) }))
    .sort((a, b) => (a.shown[0]?.q ?? 2) - (b.shown[0]?.q ?? 2) || a.k - b.k);
  const evidence = h(
    'table',
    { class: 'cmp-evidence', id: 'compare-evidence' },
    h('caption', {}, 'Each code with the concepts that match it (or its closest concept, in grey), strongest association first. Counts are blocks.'),
    h(
      'thead',
      {},
      h('tr', {}, ...['code', 'concept', 'both (blocks)', 'code blocks', 'concept blocks', 'share of code', 'share of concept', 'lift', 'q', 'name'].map((t, i) => h('th', { class: i >= 2 && i <= 8 ? 'num' : '' }, t))),
    ),
    h(
      'tbody',
      {},
      ...rows.flatMap((r) =>
        r.shown.length === 0
          ? [h('tr', { class: 'unmatched' }, h('td', { class: 'code-path' }, codePath(r.k)), h('td', {}, '—'), h('td', { class: 'num' }, '0'), h('td', { class: 'num' }, r.code.blockList?.length ?? r.code.blocks), h('td', {}, ''), h('td', {}, ''), h('td', {}, ''), h('td', {}, ''), h('td', {}, ''), h('td', {}, ''))]
          : r.shown.map((cell, i) =>
              h(
                'tr',
                { class: cell.matched ? 'matched' : 'unmatched' },
                h('td', { class: 'code-path' }, i === 0 ? codePath(r.k) : ''),
                h('td', {}, conceptButton(cell.concept)),
                h('td', { class: 'num' }, cellButton(cell, String(cell.both))),
                h('td', { class: 'num' }, cell.codeBlocks ?? ''),
                h('td', { class: 'num' }, cell.conceptBlocks ?? ''),
                h('td', { class: 'num' }, percent(cell.codeShare ?? 0)),
                h('td', { class: 'num' }, percent(cell.conceptShare ?? 0)),
                h('td', { class: 'num' }, cell.lift.toFixed(1)),
                h('td', { class: 'num' }, qText(cell.q)),
                h('td', {}, cell.named ?? ''),
              ),
            ),
      ),
    ),
  );

  // Matrix: codes (rows, full paths) × concepts that share blocks with some code (columns).
  const columns = [...new Set(comparison.cells.map((c) => c.concept))].sort((a, b) => a - b);
  const cellOf = new Map(comparison.cells.map((c) => [`${c.code}:${c.concept}`, c]));
  const matrix = h(
    'table',
    { class: 'cmp-matrix', id: 'compare-matrix' },
    h('caption', {}, 'Code × concept: each number is the count of blocks both share; colour is the evidence (−log₁₀ q); a framed cell is a match. Click a number for the shared blocks.'),
    h('thead', {}, h('tr', {}, h('th', { class: 'corner' }, 'code \\ concept'), ...columns.map((i) => h('th', { class: 'col-head', scope: 'col' }, h('span', {}, label(i)))))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', class: 'code-path' }, codePath(r.k)),
          ...columns.map((i) => {
            const cell = cellOf.get(`${r.k}:${i}`);
            const td = h('td', { class: `num${cell?.matched ? ' match' : ''}` }, cell ? cellButton(cell, String(cell.both)) : '');
            if (cell) {
              const colours = heat(strength(cell));
              td.style.background = colours.background;
              td.style.color = colours.color;
            }
            return td;
          }),
        ),
      ),
    ),
  );

  // Themes and top-level codes with the same evidence.
  const themes = h(
    'table',
    { class: 'cmp-themes', id: 'compare-themes' },
    h('caption', {}, 'Themes (all their concepts\u2019 blocks) against top-level codes (all blocks of the codes under them). Counts are blocks.'),
    h('thead', {}, h('tr', {}, ...['theme', 'top-level code', 'both (blocks)', 'code blocks', 'theme blocks', 'share of code', 'share of theme', 'lift', 'q', 'matched'].map((t, i) => h('th', { class: i >= 2 && i <= 8 ? 'num' : '' }, t)))),
    h(
      'tbody',
      {},
      ...[...comparison.themeCells]
        .sort((a, b) => a.theme - b.theme || (a.q ?? 1) - (b.q ?? 1))
        .map((c) =>
          h(
            'tr',
            { class: c.matched ? 'matched' : 'unmatched' },
            h('td', {}, result.themes[c.theme]?.name ?? `#${c.theme}`),
            h('td', {}, c.code),
            h('td', { class: 'num' }, c.both),
            h('td', { class: 'num' }, c.codeBlocks ?? ''),
            h('td', { class: 'num' }, c.themeBlocks ?? ''),
            h('td', { class: 'num' }, percent(c.codeShare ?? 0)),
            h('td', { class: 'num' }, percent(c.themeShare ?? 0)),
            h('td', { class: 'num' }, (c.lift ?? 0).toFixed(1)),
            h('td', { class: 'num' }, qText(c.q)),
            h('td', {}, c.matched ? 'yes' : 'no'),
          ),
        ),
    ),
  );

  return h(
    'section',
    { class: 'compare cmp-wide' },
    figures,
    h('h3', {}, 'Evidence per code'),
    h('div', { class: 'cmp-scroll' }, evidence),
    detail,
    h('h3', {}, 'Code × concept matrix'),
    h('div', { class: 'cmp-scroll' }, matrix),
    h('h3', {}, 'Themes and top-level codes'),
    h('div', { class: 'cmp-scroll' }, themes),
    comparison.notes.length > 0 ? h('ul', { class: 'notes' }, ...comparison.notes.map((n) => h('li', {}, n))) : null,
  );
}
