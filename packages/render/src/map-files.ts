/**
 * What `leximap analyze` writes beside result.json: map.svg and map.html, as strings (the caller
 * writes them, temp file then rename).
 */
import type { LeximapResult } from '@leximap/core';
import { renderHtml } from './html.ts';
import { renderSvg } from './svg.ts';
import { mapTitle } from './defaults.ts';

export interface MapFiles {
  'map.svg': string;
  'map.html': string;
}

/**
 * The static map and the self-contained viewer page of `result`; `title` (default: the result's)
 * heads both; `json`, the result as result.json holds it, is what the page embeds (`renderHtml`).
 */
export function renderMapFiles(result: LeximapResult, options: { title?: string; name?: string; json?: string } = {}): MapFiles {
  const title = mapTitle(result, options.title);
  return {
    'map.svg': renderSvg(result, { title }),
    'map.html': renderHtml(result, { title: `leximap — ${title}`, name: options.name ?? 'result.json', ...(options.json === undefined ? {} : { json: options.json }) }),
  };
}
