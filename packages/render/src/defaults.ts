/**
 * Options of the static renders, their defaults, and their validation (once, at the entry; the
 * error names the option, the bad value and what was expected).
 */
import { LeximapError } from '@leximap/core';
import type { MapView } from './map-model.ts';

export interface SvgOptions {
  /** Width of the picture in pixels. @default 1200 */
  width: number;
  /** Height in pixels. @default round(width × 0.7) */
  height: number;
  /** Title at the top. @default the result's `title` (the corpus name), else 'Concept map' */
  title: string;
  /** The part of the map drawn (visible share, theme size, rotation, tags). @default the result's full view */
  view: Partial<MapView>;
  /** `fit`: only the labels that fit without overlapping; `all`: every concept named, overlapping if need be. @default 'fit' */
  labels: 'fit' | 'all';
}

export interface PngOptions {
  /** Width of the PNG in pixels; the map is drawn at `layoutWidth` and scaled to it. @default 2400 */
  width: number;
  /** Resolution written into the PNG (pHYs), so a report sizes the picture as width / dpi inches. @default 192 */
  dpi: number;
  /** Width of the drawing the PNG is scaled from: smaller makes text larger. @default 1200 */
  layoutWidth: number;
  /** Height of the drawing. @default round(layoutWidth × 0.7) */
  layoutHeight: number;
  /** @default the result's `title`, else 'Concept map' */
  title: string;
  view: Partial<MapView>;
  /** @default 'fit' */
  labels: 'fit' | 'all';
}

export interface HtmlOptions {
  /** Title of the page. @default 'leximap — ' and the result's `title`, else the file name */
  title: string;
}

export const SVG_DEFAULTS: Readonly<Omit<SvgOptions, 'height'>> = Object.freeze({ width: 1200, title: 'Concept map', view: {}, labels: 'fit' as const });
export const PNG_DEFAULTS = Object.freeze({ width: 2400, dpi: 192 });

function check(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || !Number.isInteger(value)) {
    throw new LeximapError('E_OPTION', `option ${name}: got ${JSON.stringify(value)}, expected an integer from ${min} to ${max}`);
  }
}

export function resolveSvgOptions(options: Partial<SvgOptions> = {}): SvgOptions {
  const width = options.width ?? SVG_DEFAULTS.width;
  check('width', width, 320, 20_000);
  const height = options.height ?? Math.round(width * 0.7);
  check('height', height, 240, 20_000);
  const view = options.view ?? {};
  if (view.visible !== undefined && !(view.visible >= 0 && view.visible <= 1)) {
    throw new LeximapError('E_OPTION', `option view.visible: got ${JSON.stringify(view.visible)}, expected a share from 0 to 1`);
  }
  if (view.themeSize !== undefined && !(view.themeSize >= 0 && view.themeSize <= 1)) {
    throw new LeximapError('E_OPTION', `option view.themeSize: got ${JSON.stringify(view.themeSize)}, expected a number from 0 to 1`);
  }
  const labels = options.labels ?? SVG_DEFAULTS.labels;
  if (labels !== 'fit' && labels !== 'all') throw new LeximapError('E_OPTION', `option labels: got ${JSON.stringify(labels)}, expected "fit" or "all"`);
  return { width, height, title: options.title ?? SVG_DEFAULTS.title, view, labels };
}

export function resolvePngOptions(options: Partial<PngOptions> = {}): PngOptions {
  const svg = resolveSvgOptions({
    ...(options.layoutWidth === undefined ? {} : { width: options.layoutWidth }),
    ...(options.layoutHeight === undefined ? {} : { height: options.layoutHeight }),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.view === undefined ? {} : { view: options.view }),
    ...(options.labels === undefined ? {} : { labels: options.labels }),
  });
  const width = options.width ?? PNG_DEFAULTS.width;
  check('width', width, 16, 20_000);
  const dpi = options.dpi ?? PNG_DEFAULTS.dpi;
  check('dpi', dpi, 10, 2400);
  return { width, dpi, layoutWidth: svg.width, layoutHeight: svg.height, title: svg.title, view: svg.view, labels: svg.labels };
}

/** The title of a result's maps: the one asked for, else the corpus name the result carries, else 'Concept map'. */
export function mapTitle(result: { title?: string }, title?: string): string {
  return title ?? result.title ?? SVG_DEFAULTS.title;
}
