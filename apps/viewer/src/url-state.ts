/**
 * The view in the page's URL fragment — selected concept or pair, sliders, tag overlays, tab,
 * search, the block read in context — so that a view can be bookmarked and shared. The fragment
 * works on file:// (the self-contained export) and never reaches a server. Values read back are
 * checked and clamped; anything unknown is ignored.
 */

export interface UrlState {
  concept?: number;
  pair?: [number, number];
  /** Visible concepts, 0–1. */
  visible?: number;
  themeSize?: number;
  rotation?: number;
  tags?: string[];
  tab?: string;
  query?: string;
  /** Block shown in context. */
  block?: number;
  /** Group comparison tags A and B. */
  groups?: [number, number];
}

function int(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function num(value: string | null, min: number, max: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.max(min, Math.min(max, n)) : undefined;
}

function intPair(value: string | null, max: number): [number, number] | undefined {
  const parts = value?.split(',') ?? [];
  if (parts.length !== 2) return undefined;
  const a = int(parts[0]!, 0, max);
  const b = int(parts[1]!, 0, max);
  return a === undefined || b === undefined ? undefined : [a, b];
}

/** The state in `hash` (with or without `#`), for a result of `concepts` concepts and `blocks` blocks. */
export function parseUrlState(hash: string, concepts: number, blocks: number): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: UrlState = {};
  const set = <K extends keyof UrlState>(key: K, value: UrlState[K] | undefined): void => {
    if (value !== undefined) state[key] = value;
  };
  set('concept', int(params.get('c'), 0, concepts - 1));
  set('pair', intPair(params.get('pair'), concepts - 1));
  const visible = num(params.get('v'), 0, 100);
  set('visible', visible === undefined ? undefined : visible / 100);
  set('themeSize', num(params.get('theme'), 0, 1));
  set('rotation', num(params.get('rot'), 0, 355));
  const tags = params.get('tags');
  set('tags', tags === null ? undefined : tags.split(',').filter(Boolean));
  set('tab', params.get('tab') ?? undefined);
  set('query', params.get('q') ?? undefined);
  set('block', int(params.get('b'), 0, blocks - 1));
  set('groups', intPair(params.get('groups'), concepts - 1));
  return state;
}

/** `state` as a URL fragment (`#…`), keys in a fixed order. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.tab !== undefined) params.set('tab', state.tab);
  if (state.concept !== undefined) params.set('c', String(state.concept));
  if (state.pair) params.set('pair', state.pair.join(','));
  if (state.visible !== undefined) params.set('v', String(Math.round(state.visible * 100)));
  if (state.themeSize !== undefined) params.set('theme', String(state.themeSize));
  if (state.rotation !== undefined) params.set('rot', String(state.rotation));
  if (state.tags !== undefined) params.set('tags', state.tags.join(','));
  if (state.query !== undefined && state.query !== '') params.set('q', state.query);
  if (state.block !== undefined) params.set('b', String(state.block));
  if (state.groups) params.set('groups', state.groups.join(','));
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}
