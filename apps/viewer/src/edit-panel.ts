/**
 * The concept editor: rename, merge, delete, add from seed words, rename themes; the seeds file
 * the edits make, shown and downloadable, and the command that re-runs the analysis with it.
 */
import type { LeximapResult, ResultTheme } from '@leximap/core';
import type { BlockIndex } from './blocks.ts';
import { startsWord, termPattern } from './concordance.ts';
import { download, h } from './dom.ts';
import { addConcept, deleteConcept, mergeConcepts, renameConcept, renameTheme, rerunCommand, seedsFile, unsaveable } from './edits.ts';
import type { Edits } from './edits.ts';

export const SEEDS_FILE = 'leximap-seeds.txt';

export interface EditEvents {
  changed(): void;
  /** Re-runs the analysis with the seeds file; only under `leximap serve`. */
  rerun?(): void;
}

export interface EditUi {
  /** The last error, shown once. */
  error: string | null;
  /** A warning about the last added concept. */
  note: string | null;
  /** What the add form held when adding failed, so it is not lost when the panel is drawn again. */
  draft?: { label: string; seeds: string };
  /** A re-run under way (its progress) or failed (why). */
  rerun?: { busy: boolean; status: string; error: string | null };
}

/** Whether any kept text holds `term` (only meaningful when the result keeps every block's text). */
function occurs(index: BlockIndex, term: string): boolean {
  const pattern = termPattern([term]);
  if (!pattern) return false;
  const { text } = index.joined();
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) if (startsWord(text, m.index)) return true;
  return false;
}

export function editPanel(result: LeximapResult, index: BlockIndex, edits: Edits, themes: readonly ResultTheme[], ui: EditUi, events: EditEvents, title: string): HTMLElement {
  const attempt = (action: () => void): void => {
    try {
      action();
      ui.error = null;
    } catch (error) {
      ui.error = (error as Error).message;
    }
    events.changed();
  };

  const rows = edits.concepts.map((c, k) => {
    const label = h('input', { type: 'text', value: c.label, id: `edit-label-${k}`, 'aria-label': `Rename ${c.label}`, class: 'edit-label' });
    const commit = (): void => {
      if (label.value !== c.label) attempt(() => renameConcept(edits, k, label.value));
    };
    label.addEventListener('change', commit);
    // Enter commits through the change event that blur fires, so the edit is applied once.
    label.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') label.blur();
    });
    const merge = h('select', { id: `edit-merge-${k}`, 'aria-label': `Merge ${c.label} into`, class: 'edit-merge' }, h('option', { value: '' }, 'merge into…'));
    edits.concepts.forEach((other, j) => {
      if (j !== k) merge.appendChild(h('option', { value: j }, other.label));
    });
    merge.addEventListener('change', () => {
      if (merge.value !== '') attempt(() => mergeConcepts(edits, k, Number(merge.value)));
    });
    const remove = h('button', { type: 'button', class: 'icon-button edit-delete', id: `edit-delete-${k}`, 'aria-label': `Delete ${c.label}`, title: 'delete' }, '×');
    remove.addEventListener('click', () => attempt(() => deleteConcept(edits, k)));
    return h('tr', { 'data-label': c.label }, h('td', {}, label), h('td', { class: 'seeds-cell' }, c.seeds.join(', ')), h('td', {}, merge), h('td', {}, remove));
  });

  const addLabel = h('input', { type: 'text', id: 'add-label', placeholder: 'label', 'aria-label': 'New concept label', value: ui.draft?.label });
  const addSeeds = h('input', { type: 'text', id: 'add-seeds', placeholder: 'seed words, comma-separated', 'aria-label': 'New concept seed words', value: ui.draft?.seeds });
  const addButton = h('button', { type: 'button', id: 'add-concept' }, 'Add concept');
  addButton.addEventListener('click', () =>
    attempt(() => {
      ui.draft = { label: addLabel.value, seeds: addSeeds.value };
      addConcept(edits, addLabel.value, addSeeds.value);
      delete ui.draft;
      const added = edits.concepts[edits.concepts.length - 1]!;
      const missing = index.allText ? added.seeds.filter((s) => !occurs(index, s)) : [];
      ui.note = missing.length === added.seeds.length ? `None of the seeds of ${added.label} occurs in the text: the re-run will refuse it.` : missing.length > 0 ? `Not in the text: ${missing.join(', ')} (the other seeds are).` : null;
    }),
  );

  const themeRows = themes.map((t) => {
    const input = h('input', { type: 'text', value: edits.concepts.find((c) => c.from.includes(t.parent))?.label ?? t.name, id: `theme-name-${t.parent}`, 'aria-label': `Rename theme ${t.name}`, class: 'edit-label' });
    const commit = (): void => attempt(() => renameTheme(edits, t.parent, input.value));
    input.addEventListener('change', commit);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') input.blur();
    });
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = t.colour;
    swatch.style.borderColor = t.colour;
    return h('li', {}, swatch, ' ', input, h('span', { class: 'facts' }, ` ${t.members.length} concept${t.members.length === 1 ? '' : 's'}`));
  });

  const text = seedsFile(edits, title);
  const downloadButton = h('button', { type: 'button', id: 'seeds-download' }, `Download ${SEEDS_FILE}`);
  downloadButton.addEventListener('click', () => download(SEEDS_FILE, new Blob([text], { type: 'text/plain' })));
  const lost = unsaveable(edits);
  const rerun = ui.rerun;
  let rerunRow: HTMLElement;
  if (events.rerun) {
    const button = h('button', { type: 'button', id: 'rerun', disabled: rerun?.busy === true }, 'Re-run with these edits');
    button.addEventListener('click', () => events.rerun!());
    rerunRow = h(
      'div',
      { class: 'row rerun-row' },
      button,
      h('span', { class: 'facts', id: 'rerun-status', role: 'status' }, rerun?.busy ? rerun.status : 'the same files and options, these concepts; the new map opens when it is done'),
      rerun?.error ? h('p', { class: 'error-inline', role: 'alert', id: 'rerun-error' }, rerun.error) : null,
    );
  } else {
    rerunRow = h('p', { class: 'facts', id: 'rerun-static' }, 'Re-running from the viewer needs ', h('code', {}, 'leximap serve FOLDER'), ' (open this result there); here, download the seeds file and run the command below.');
  }

  return h(
    'section',
    { class: 'edit-panel' },
    h('h2', {}, `${edits.concepts.length} concepts after your edits`),
    h('p', { class: 'facts' }, 'Each concept is learned again from its seeds when the analysis runs with the seeds file below. A merge joins the seeds under one label; deleting a concept drops it; a theme takes the name of its parent concept.'),
    ui.error ? h('p', { class: 'error-inline', role: 'alert', id: 'edit-error' }, ui.error) : null,
    ui.note ? h('p', { class: 'warning', id: 'edit-note' }, ui.note) : null,
    edits.log.length > 0 ? h('ol', { class: 'edit-log', id: 'edit-log' }, ...edits.log.map((l) => h('li', {}, l))) : null,
    h('table', { class: 'edit-table', id: 'edit-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', {}, 'seeds'), h('th', {}, ''), h('th', {}, ''))), h('tbody', {}, ...rows)),
    h('h3', {}, 'Add a concept'),
    h('div', { class: 'row add-row' }, addLabel, addSeeds, addButton),
    h('h3', {}, 'Themes'),
    h('ol', { class: 'theme-names' }, ...themeRows),
    h('h3', {}, 'Re-run'),
    rerunRow,
    h('h3', {}, 'Seeds file'),
    lost.length > 0 ? h('p', { class: 'warning' }, `Cannot be written in a seeds file (a comma, colon, = or # in a seed): ${lost.join(', ')}; they are left out.`) : null,
    h('p', { class: 'facts' }, 'Re-run: ', h('code', { id: 'rerun-command' }, rerunCommand(result, SEEDS_FILE)), ' (repeat any --merge, --stopwords or --codes of the first run).', ' ', downloadButton),
    h('pre', { class: 'seeds-file', id: 'seeds-file' }, text),
  );
}
