/**
 * The leximap viewer: opens a result (embedded, served by `leximap serve`, picked or dropped),
 * draws its map, and explores it: concepts, pairs, pathways, quotes in their context, search and
 * concordance, tags, the insight quadrant, two groups compared, the concept editor and the
 * comparison with manual codes. The view lives in the URL fragment. Plain TypeScript and d3
 * modules; no network beyond the server that served the page.
 */
import { isFragile, type LeximapResult } from '@leximap/core';
import './style.css';
import { renderSvg } from '../../../packages/render/src/svg.ts';
import { mapTitle } from '../../../packages/render/src/defaults.ts';
import { defaultView, viewThemes, visibleConcepts } from '../../../packages/render/src/map-model.ts';
import type { MapView } from '../../../packages/render/src/map-model.ts';
import { blockIndex } from './blocks.ts';
import type { BlockIndex } from './blocks.ts';
import { comparePanel } from './compare-panel.ts';
import { conceptPanel, conceptPathway, conceptTerms, pairPanel } from './concept-panel.ts';
import { contextView } from './context-view.ts';
import type { ContextState } from './context-view.ts';
import { editPanel } from './edit-panel.ts';
import type { EditUi } from './edit-panel.ts';
import { seedsFile, startEdits } from './edits.ts';
import { changes, changesView, rerun, rerunToken } from './rerun.ts';
import type { Changes, RerunJob } from './rerun.ts';
import type { Edits } from './edits.ts';
import { groupsPanel } from './groups-panel.ts';
import type { GroupState } from './groups-panel.ts';
import { searchPanel } from './search-panel.ts';
import type { SearchState } from './search-panel.ts';
import { conceptThemeStability, stabilitySummary, stabilityText, themeStability } from './stability.ts';
import { formatUrlState, parseUrlState } from './url-state.ts';
import { derive } from './derived.ts';
import type { Derived } from './derived.ts';
import { clear, download, h, percent } from './dom.ts';
import { insightPanel } from './insight.ts';
import { layoutToggle } from './layout-toggle.ts';
import { embeddedResult, fetchListing, fetchResult, readResultFile, servedListing } from './load.ts';
import type { ServedResult } from './load.ts';
import { MapPanel } from './map-view.ts';
import { colourBySentiment, sentimentPanel, type SentimentLens } from './sentiment-lens.ts';

type Tab = 'concept' | 'themes' | 'insight' | 'groups' | 'search' | 'edit' | 'compare' | 'sentiment';
const TABS: readonly Tab[] = ['concept', 'themes', 'insight', 'groups', 'search', 'edit', 'compare', 'sentiment'];

interface State {
  result: LeximapResult;
  derived: Derived;
  index: BlockIndex;
  name: string;
  /** The corpus name: the title of exports. */
  title: string;
  view: MapView;
  selected: number | null;
  pair: [number, number] | null;
  path: number[];
  tab: Tab;
  insight: { category: string; tag: number | null };
  /** A quote read in its context (in the concept tab), or null. */
  context: ContextState | null;
  search: SearchState;
  groups: GroupState;
  /** Made on the first visit of the edit tab. */
  edits: Edits | null;
  editUi: EditUi;
  /** The result was listed by `leximap serve` (its `name` is its path there), so it can be re-run. */
  served: boolean;
  /** What the re-run that made this result changed. */
  changes: Changes | null;
  /** Every concept labelled in exports, overlapping if need be. */
  labelAll: boolean;
  sentiment: SentimentLens;
}

const app = document.getElementById('app')!;
let state: State | null = null;

// ---- layout -------------------------------------------------------------------------------

const fileInput = h('input', { type: 'file', accept: '.json,application/json', id: 'file-input', class: 'visually-hidden' });
const openButton = h('button', { type: 'button', id: 'open' }, 'Open result…');
const exportSvgButton = h('button', { type: 'button', id: 'export-svg', disabled: true }, 'Export SVG');
const exportPngButton = h('button', { type: 'button', id: 'export-png', disabled: true }, 'Export PNG');
const sourceName = h('span', { id: 'source', class: 'source' });
const searchBox = h('input', { type: 'search', id: 'search', placeholder: 'Search concepts, terms, text', 'aria-label': 'Search concepts, terms and text', disabled: true, autocomplete: 'off' });
const labelAllBox = h('input', { type: 'checkbox', id: 'label-all', disabled: true });

const slider = (id: string, label: string, min: number, max: number, step: number): { wrap: HTMLElement; input: HTMLInputElement; output: HTMLOutputElement } => {
  const input = h('input', { type: 'range', id, min, max, step, disabled: true });
  const output = h('output', { for: id, id: `${id}-value` });
  return { wrap: h('div', { class: 'slider' }, h('label', { for: id }, label), input, output), input, output };
};
const visibleSlider = slider('visible', 'Visible concepts', 5, 100, 1);
const themeSlider = slider('theme-size', 'Theme size', 0, 1, 0.01);
const rotationSlider = slider('rotation', 'Rotation', 0, 355, 5);
const layoutMode = layoutToggle((result) => {
  if (!state) return;
  state = { ...state, result, derived: derive(result) };
  map.show(result, state.view);
  refresh();
});
const tagBox = h('fieldset', { class: 'tags', id: 'tag-filter' }, h('legend', {}, 'Tags'));
const zoomIn = h('button', { type: 'button', class: 'icon', 'aria-label': 'Zoom in', title: 'Zoom in' }, '+');
const zoomOut = h('button', { type: 'button', class: 'icon', 'aria-label': 'Zoom out', title: 'Zoom out' }, '−');
const zoomReset = h('button', { type: 'button', class: 'icon wide', 'aria-label': 'Reset zoom and dragged concepts', title: 'Reset view' }, 'Reset');
const status = h('p', { id: 'status', class: 'status', 'aria-live': 'polite' });
const mapHolder = h('div', { id: 'map', class: 'map-holder' });

const tabs: Record<Tab, HTMLButtonElement> = {
  concept: h('button', { type: 'button', role: 'tab', id: 'tab-concept' }, 'Concept'),
  themes: h('button', { type: 'button', role: 'tab', id: 'tab-themes' }, 'Themes'),
  insight: h('button', { type: 'button', role: 'tab', id: 'tab-insight' }, 'Tags & insight'),
  groups: h('button', { type: 'button', role: 'tab', id: 'tab-groups' }, 'Groups'),
  search: h('button', { type: 'button', role: 'tab', id: 'tab-search' }, 'Search'),
  edit: h('button', { type: 'button', role: 'tab', id: 'tab-edit' }, 'Edit'),
  compare: h('button', { type: 'button', role: 'tab', id: 'tab-compare' }, 'Compare'),
  sentiment: h('button', { type: 'button', role: 'tab', id: 'tab-sentiment' }, 'Sentiment'),
};
const panel = h('div', { id: 'panel', class: 'panel', role: 'tabpanel', tabindex: 0 });
const errorBox = h('p', { id: 'error', class: 'error', role: 'alert', hidden: true });
const servedList = h('ul', { id: 'served', class: 'served' });
const openScreen = h(
  'section',
  { id: 'open-screen', class: 'open-screen' },
  h('h2', {}, 'Open a leximap result'),
  h('p', {}, 'Choose a result.json written by ', h('code', {}, 'leximap analyze'), ', or drop it anywhere on this page.'),
  servedList,
);

app.append(
  h(
    'header',
    { class: 'top' },
    h('h1', {}, 'leximap'),
    sourceName,
    searchBox,
    h('div', { class: 'actions' }, fileInput, openButton, exportSvgButton, exportPngButton, h('label', { for: 'label-all', class: 'check light', title: 'name every concept in SVG/PNG exports, even where labels overlap' }, labelAllBox, ' label all')),
  ),
  h(
    'main',
    { class: 'body' },
    h(
      'section',
      { class: 'map-pane', 'aria-label': 'Map' },
      h('div', { class: 'controls' }, visibleSlider.wrap, themeSlider.wrap, rotationSlider.wrap, layoutMode.element),
      tagBox,
      h('div', { class: 'map-frame' }, mapHolder, h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' }, zoomIn, zoomOut, zoomReset)),
      status,
      errorBox,
      openScreen,
    ),
    h('aside', { class: 'side', 'aria-label': 'Details' }, h('div', { class: 'tabs', role: 'tablist' }, ...Object.values(tabs)), panel),
  ),
);

const map = new MapPanel(mapHolder, {
  select: (index, add) => select(index, add),
  pair: (a, b) => {
    if (!state) return;
    state.selected = a;
    state.pair = [a, b];
    state.path = [];
    state.context = null;
    state.tab = 'concept';
    refresh();
  },
});

// ---- state changes ------------------------------------------------------------------------

function showError(message: string): void {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

function load(result: LeximapResult, name: string, served = false): void {
  const derived = derive(result);
  const view = defaultView(result);
  const tagCategories: string[] = [];
  for (const [category, tags] of derived.tagsByCategory) if ((category === 'speaker' || category === 'code') && tags.length <= 20) tagCategories.push(category);
  view.tagCategories = tagCategories;
  const title = mapTitle(result, result.title === undefined ? name.replace(/(^|\/)result\.json$/i, '').replace(/\.json$/i, '') || undefined : undefined);
  state = {
    result,
    derived,
    index: blockIndex(result),
    name,
    title,
    view,
    selected: null,
    pair: null,
    path: [],
    tab: 'themes',
    insight: { category: 'speaker', tag: null },
    context: null,
    search: { query: '', concept: null, sort: 'position' },
    groups: { a: null, b: null, category: 'folder' },
    edits: null,
    editUi: { error: null, note: null },
    served,
    changes: null,
    labelAll: false,
    sentiment: { colour: false, a: null, b: null },
  };
  errorBox.hidden = true;
  openScreen.hidden = true;
  sourceName.textContent = result.title ? `${result.title} — ${name}` : name;
  document.title = `leximap — ${title}`;
  for (const control of [visibleSlider, themeSlider, rotationSlider]) control.input.disabled = false;
  exportSvgButton.disabled = false;
  exportPngButton.disabled = false;
  searchBox.disabled = false;
  labelAllBox.disabled = false;
  labelAllBox.checked = false;
  tabs.compare.hidden = !result.comparison;
  tabs.sentiment.hidden = result.parameters.sentiment !== true;
  restoreFromUrl(state);
  visibleSlider.input.value = String(Math.round(state.view.visible * 100));
  themeSlider.input.value = String(state.view.themeSize);
  rotationSlider.input.value = String(state.view.rotation);
  searchBox.value = state.search.query;
  buildTagFilter();
  layoutMode.reset(result);
  map.show(result, state.view);
  refresh();
  // The search text, joined once the map is drawn, so the first search does not wait for it.
  const index = state.index;
  setTimeout(() => index.joined(), 50);
}

/** Applies the view in the URL fragment, if any, to a freshly loaded state. */
function restoreFromUrl(s: State): void {
  const u = parseUrlState(location.hash, s.result.concepts.length, s.result.blocks.document.length);
  if (u.visible !== undefined) s.view.visible = u.visible;
  if (u.themeSize !== undefined) s.view.themeSize = u.themeSize;
  if (u.rotation !== undefined) s.view.rotation = Math.round(u.rotation / 5) * 5;
  if (u.tags !== undefined) s.view.tagCategories = [...s.derived.tagsByCategory.keys()].filter((c) => u.tags!.includes(c));
  if (u.concept !== undefined) s.selected = u.concept;
  if (u.pair) {
    s.pair = u.pair;
    s.selected = u.pair[0];
  }
  if (u.tab !== undefined && (TABS as readonly string[]).includes(u.tab) && !(u.tab === 'compare' && !s.result.comparison)) s.tab = u.tab as Tab;
  if (u.query !== undefined) s.search.query = u.query;
  if (u.groups) [s.groups.a, s.groups.b] = u.groups;
  if (u.block !== undefined) {
    const owner = s.pair ?? (s.selected !== null ? [s.selected] : null);
    const title = s.pair ? `${s.result.concepts[s.pair[0]]!.label} + ${s.result.concepts[s.pair[1]]!.label}` : s.selected !== null ? s.result.concepts[s.selected]!.label : 'Block';
    let blocks: ArrayLike<number> = [u.block];
    if (owner) {
      const lists = owner.map((i) => Array.from(s.index.of(i)));
      const both = lists.reduce((x, y) => x.filter((b) => y.includes(b)));
      if (both.includes(u.block)) blocks = both;
    }
    const terms = owner ? owner.flatMap((i) => (s.result.concepts[i]!.kind === 'tag' ? [] : conceptTerms(s.result, i))) : [];
    s.context = { title, terms, blocks, at: Array.prototype.indexOf.call(blocks, u.block) as number };
    s.tab = 'concept';
  }
}

/** The view as a URL fragment, replaced (not pushed) so the history is not flooded. */
function saveToUrl(s: State): void {
  const defaults = defaultView(s.result);
  const hash = formatUrlState({
    tab: s.tab,
    ...(s.pair ? { pair: s.pair } : s.selected !== null ? { concept: s.selected } : {}),
    ...(s.view.visible !== defaults.visible ? { visible: s.view.visible } : {}),
    ...(s.view.themeSize !== defaults.themeSize ? { themeSize: s.view.themeSize } : {}),
    ...(s.view.rotation !== 0 ? { rotation: s.view.rotation } : {}),
    tags: [...s.view.tagCategories],
    ...(s.search.query ? { query: s.search.query } : {}),
    ...(s.context && s.tab === 'concept' ? { block: s.context.blocks[s.context.at]! } : {}),
    ...(s.tab === 'groups' && s.groups.a !== null && s.groups.b !== null ? { groups: [s.groups.a, s.groups.b] as [number, number] } : {}),
  });
  if (hash !== location.hash) history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
}

function buildTagFilter(): void {
  clear(tagBox);
  tagBox.appendChild(h('legend', {}, 'Tags on the map'));
  if (!state) return;
  const s = state;
  if (s.derived.tagsByCategory.size === 0) tagBox.appendChild(h('span', { class: 'empty' }, 'none in this result'));
  for (const [category, tags] of s.derived.tagsByCategory) {
    const id = `tag-${category.replace(/[^a-z0-9-]/gi, '_')}`;
    const box = h('input', { type: 'checkbox', id, checked: s.view.tagCategories.includes(category), 'data-category': category });
    box.addEventListener('change', () => {
      const set = new Set(s.view.tagCategories);
      if (box.checked) set.add(category);
      else set.delete(category);
      s.view = { ...s.view, tagCategories: [...s.derived.tagsByCategory.keys()].filter((c) => set.has(c)) };
      map.show(s.result, s.view);
      refresh();
    });
    tagBox.appendChild(h('label', { for: id, class: 'check' }, box, ` ${category} (${tags.length})`));
  }
}

function select(index: number, add: boolean): void {
  if (!state) return;
  if (add && state.selected !== null && state.selected !== index) {
    state.pair = [state.selected, index];
  } else {
    state.selected = index;
    state.pair = null;
    state.path = [];
  }
  state.context = null;
  state.tab = 'concept';
  refresh();
}

function related(s: State): { concept: number; strength: number }[] {
  if (s.selected === null) return [];
  const own = Math.max(1, s.result.concepts[s.selected]!.count);
  return s.derived
    .neighbours(s.selected)
    .filter((n) => s.result.concepts[n.concept]?.kind !== 'tag')
    .map((n) => ({ concept: n.concept, strength: Math.min(1, n.count / Math.sqrt(own * Math.max(1, s.result.concepts[n.concept]!.count))) }))
    .filter((n) => n.strength >= 0.05);
}

function refresh(): void {
  if (!state) return;
  const s = state;
  visibleSlider.output.value = `${Math.round(s.view.visible * 100)}%`;
  themeSlider.output.value = s.view.themeSize.toFixed(2);
  rotationSlider.output.value = `${s.view.rotation}°`;
  map.setHighlight({ selected: s.selected, pair: s.pair, path: s.path, related: related(s) });
  colourBySentiment(mapHolder, s.result, s.sentiment.colour);
  const concepts = map.conceptCount;
  const themes = map.themeCount;
  status.textContent = `${concepts} concepts · ${themes} themes · ${s.result.corpus.documents} documents · ${s.result.corpus.blocks} blocks`;
  status.dataset.concepts = String(concepts);
  status.dataset.themes = String(themes);
  for (const [name, tab] of Object.entries(tabs) as [Tab, HTMLButtonElement][]) {
    tab.setAttribute('aria-selected', String(name === s.tab));
    tab.tabIndex = name === s.tab ? 0 : -1;
  }
  const wide = s.tab === 'search' || s.tab === 'groups' || s.tab === 'edit';
  if (document.body.classList.contains('wide-panel') !== wide) {
    document.body.classList.toggle('wide-panel', wide);
    map.resize();
  }
  // The comparison is a full-width view over the map (compare-panel.css).
  document.querySelector('main.body')?.classList.toggle('comparing', s.tab === 'compare');
  clear(panel);
  panel.setAttribute('aria-labelledby', `tab-${s.tab}`);
  panel.appendChild(panelContent(s));
  saveToUrl(s);
}

function panelContent(s: State): HTMLElement {
  const events = {
    select,
    pathway: (from: number, to: number | null) => {
      s.path = to === null ? [] : conceptPathway(s.result, from, to);
      if (to !== null && s.path.length === 0) s.path = [from];
      refresh();
    },
    context: (title: string, terms: string[], blocks: ArrayLike<number>, at: number) => {
      s.context = { title, terms, blocks, at };
      s.tab = 'concept';
      refresh();
      panel.querySelector<HTMLElement>('#context-next:not([disabled]), #context-back')?.focus();
    },
    concordance: (concept: number) => {
      s.search = { query: s.result.concepts[concept]!.label, concept, sort: s.search.sort };
      searchBox.value = s.search.query;
      s.tab = 'search';
      refresh();
    },
  };
  const visible = visibleConcepts(s.result, s.view.visible);
  switch (s.tab) {
    case 'concept':
      if (s.context) {
        return contextView(s.result, s.index, s.context, {
          step: (to) => {
            s.context!.at = to;
            refresh();
            panel.querySelector<HTMLElement>(to > 0 ? '#context-next:not([disabled]), #context-prev' : '#context-next')?.focus();
          },
          back: () => {
            s.context = null;
            refresh();
          },
          select: (i) => select(i, false),
        });
      }
      if (s.pair) return pairPanel(s.result, s.derived, s.index, s.pair[0], s.pair[1], events);
      if (s.selected !== null) return conceptPanel(s.result, s.derived, s.index, s.selected, s.path, events);
      return h('p', { class: 'empty' }, 'Click a concept on the map (or Tab to it and press Enter) to see its thesaurus, related concepts and quotes. Shift-click a second concept, or click a link, for the quotes where both occur.');
    case 'themes':
      return themeList(s);
    case 'insight':
      return insightPanel(s.result, s.derived, new Set(visible), s.insight, refresh, { select });
    case 'groups':
      return groupsPanel(s.result, s.derived, s.index, visible, s.groups, { select: (i) => select(i, false), changed: refresh }, fileStem());
    case 'search':
      return searchPanel(s.result, s.index, s.search, { select: (i) => select(i, false), open: events.context, changed: refresh }, fileStem());
    case 'edit': {
      s.edits ??= startEdits(s.result);
      const edit = editPanel(s.result, s.index, s.edits, s.result.themes, s.editUi, { changed: refresh, ...(s.served && rerunToken() ? { rerun: () => void rerunEdits(s) } : {}) }, s.title);
      if (s.changes) edit.prepend(changesView(s.changes));
      return edit;
    }
    case 'compare':
      return comparePanel(s.result, { select });
    case 'sentiment':
      return sentimentPanel(s.result, s.derived, s.selected, s.sentiment, { select: (i) => ((s.selected = i), (s.pair = null), refresh()), change: refresh });
  }
}

function themeList(s: State): HTMLElement {
  const shown = visibleConcepts(s.result, s.view.visible);
  const themes = viewThemes(s.result, s.view, shown);
  return h(
    'section',
    { class: 'theme-list' },
    h('h2', {}, `${themes.length} themes`),
    h('p', { class: 'facts' }, `theme size ${s.view.themeSize.toFixed(2)} · connectivity relative to the top theme`),
    stabilitySummary(s.result) ? h('p', { class: 'facts', id: 'stability-summary' }, stabilitySummary(s.result)) : null,
    h(
      'ol',
      {},
      ...themes.map((t) => {
        const members = [...t.members].sort((a, b) => s.result.concepts[b]!.count - s.result.concepts[a]!.count);
        // Set through the CSSOM, which the export's content security policy allows.
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = t.colour;
        swatch.style.borderColor = t.colour;
        // The result's own theme (the same members): how often it held, and its members that moved.
        const held = themeStability(s.result, t.parent, t.members);
        const border = held === undefined ? [] : members.filter((m) => isFragile(conceptThemeStability(s.result, m))).map((m) => s.result.concepts[m]!.label);
        return h(
          'li',
          { class: 'theme-item' },
          swatch,
          h('strong', {}, t.name),
          h('span', { class: 'pct' }, percent(t.relevance)),
          held !== undefined ? h('span', { class: 'members facts theme-stability' }, stabilityText(held, 'theme')) : null,
          border.length > 0 ? h('span', { class: 'members facts theme-border' }, `with under half of the theme in the resamples: ${border.join(', ')}`) : null,
          h(
            'div',
            { class: 'members' },
            ...members.map((m) => {
              const button = h('button', { type: 'button', class: 'concept-link' }, s.result.concepts[m]!.label);
              button.addEventListener('click', () => select(m, false));
              return button;
            }),
          ),
        );
      }),
    ),
  );
}

// ---- controls -----------------------------------------------------------------------------

function onView(change: Partial<MapView>): void {
  if (!state) return;
  state.view = { ...state.view, ...change };
  map.show(state.result, state.view);
  refresh();
}

visibleSlider.input.addEventListener('input', () => onView({ visible: Number(visibleSlider.input.value) / 100 }));
themeSlider.input.addEventListener('input', () => onView({ themeSize: Number(themeSlider.input.value) }));
rotationSlider.input.addEventListener('input', () => onView({ rotation: Number(rotationSlider.input.value) }));
zoomIn.addEventListener('click', () => map.zoomBy(1.4));
zoomOut.addEventListener('click', () => map.zoomBy(1 / 1.4));
zoomReset.addEventListener('click', () => map.resetZoom());
for (const [name, tab] of Object.entries(tabs) as [Tab, HTMLButtonElement][]) {
  tab.addEventListener('click', () => {
    if (!state) return;
    state.tab = name;
    refresh();
  });
  tab.addEventListener('keydown', (event) => {
    if (!state || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    const order = (Object.keys(tabs) as Tab[]).filter((t) => !tabs[t].hidden);
    const next = order[(order.indexOf(name) + (event.key === 'ArrowRight' ? 1 : order.length - 1)) % order.length]!;
    state.tab = next;
    refresh();
    tabs[next].focus();
  });
}
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !state) return;
  if (state.context) {
    state.context = null;
    refresh();
  } else if (state.selected !== null || state.pair) {
    state.selected = null;
    state.pair = null;
    state.path = [];
    refresh();
  }
});
// A URL with another view pasted into this tab changes only the fragment: open that view.
window.addEventListener('hashchange', () => {
  if (state) load(state.result, state.name);
});
searchBox.addEventListener('input', () => {
  if (!state) return;
  state.search.query = searchBox.value;
  state.search.concept = null;
  state.tab = 'search';
  refresh();
});
labelAllBox.addEventListener('change', () => {
  if (state) state.labelAll = labelAllBox.checked;
});

openButton.addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
  fileInput.value = '';
});
async function openFile(file: File): Promise<void> {
  const result = await readResultFile(file);
  if (typeof result === 'string') showError(`${file.name}: ${result}`);
  else load(result, file.name);
}
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});

/** The result's name made safe for a file name, the stem of every download. */
function fileStem(): string {
  return (state?.name ?? 'map').replace(/\.json$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
}
function exportName(extension: string): string {
  return `${fileStem()}-map.${extension}`;
}
function currentSvg(): string | null {
  if (!state) return null;
  return renderSvg(state.result, { title: state.title, view: state.view, labels: state.labelAll ? 'all' : 'fit' });
}
exportSvgButton.addEventListener('click', () => {
  const svg = currentSvg();
  if (svg) download(exportName('svg'), new Blob([svg], { type: 'image/svg+xml' }));
});
exportPngButton.addEventListener('click', () => {
  const svg = currentSvg();
  if (!svg) return;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => {
      if (blob) download(exportName('png'), blob);
    }, 'image/png');
  };
  image.src = url;
});

// ---- re-run under leximap serve -----------------------------------------------------------

function jobText(job: RerunJob): string {
  return job.stage === 'text' && job.total > 0 ? `reading the text: ${job.done} of ${job.total} files` : `running: ${job.stage}…`;
}

async function rerunEdits(s: State): Promise<void> {
  const token = rerunToken();
  if (!token || !s.edits) return;
  const status = (text: string): void => {
    s.editUi.rerun = { busy: true, status: text, error: null };
    const line = state === s ? panel.querySelector('#rerun-status') : null;
    if (line) line.textContent = text;
  };
  status('starting…');
  refresh();
  try {
    const job = await rerun(s.name, seedsFile(s.edits, s.title), token, (j) => status(jobText(j)));
    if (job.state === 'failed' || !job.result) throw new Error(job.message ?? 'the re-run wrote no result');
    const result = await fetchResult(job.result.url);
    if (typeof result === 'string') throw new Error(`${job.result.path}: ${result}`);
    const diff = changes(s.result, result, s.edits, { from: s.name, to: job.result.path, seconds: job.seconds ?? 0 });
    history.replaceState(null, '', `${location.pathname}?result=${encodeURIComponent(job.result.path)}`);
    load(result, job.result.path, true);
    state!.changes = diff;
    state!.tab = 'edit';
    refresh();
    panel.scrollTop = 0;
    const listing = servedListing();
    if (listing) showListing(await fetchListing(listing));
  } catch (error) {
    s.editUi.rerun = { busy: false, status: '', error: `The re-run failed: ${(error as Error).message}` };
    if (state === s) refresh();
  }
}

// ---- start --------------------------------------------------------------------------------

async function start(): Promise<void> {
  const embedded = embeddedResult();
  if (embedded !== null) {
    if (typeof embedded === 'string') showError(`The embedded result cannot be read: ${embedded}`);
    else load(embedded, document.querySelector<HTMLMetaElement>('meta[name="leximap-name"]')?.content ?? 'result.json');
    return;
  }
  const listing = servedListing();
  if (!listing) return;
  let results: ServedResult[];
  try {
    results = await fetchListing(listing);
  } catch (error) {
    showError(`Could not list the served results: ${(error as Error).message}`);
    return;
  }
  showListing(results);
  const wanted = new URLSearchParams(location.search).get('result');
  const first = results.find((r) => r.path === wanted) ?? (results.length === 1 ? results[0] : undefined);
  if (first) await openServed(first);
}

async function openServed(item: ServedResult): Promise<void> {
  const result = await fetchResult(item.url);
  if (typeof result === 'string') showError(`${item.path}: ${result}`);
  else load(result, item.path, true);
}

function showListing(results: ServedResult[]): void {
  clear(servedList);
  if (results.length === 0) servedList.appendChild(h('li', {}, 'No result.json in the served folder.'));
  for (const item of results) {
    const button = h('button', { type: 'button', class: 'concept-link' }, item.path);
    button.addEventListener('click', () => void openServed(item));
    servedList.appendChild(h('li', {}, button, ` ${(item.bytes / 1024).toFixed(0)} kB`));
  }
}

void start();
