/**
 * The static map as PNG through resvg, with the bundled DejaVu Sans and no system fonts, so the
 * text renders the same on every machine. The resolution goes into a pHYs chunk (PNG 1.2 §4.2.4.2).
 */
import { COMPILED, type LeximapResult } from '@leximap/core';
import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { mapTitle, resolvePngOptions } from './defaults.ts';
import type { PngOptions } from './defaults.ts';
import { renderSvg } from './svg.ts';

// In the compiled command the fonts are copied beside its code (apps/cli/tsup.config.ts).
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => fileURLToPath(new URL(`${COMPILED ? './' : '../'}fonts/${f}`, import.meta.url)));

/** `png` with a pHYs chunk after IHDR stating `dpi`. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4);
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1;
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const ihdrEnd = 8 + 25;
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}

/** The map of `result` as PNG bytes, `width` pixels wide. */
export function renderPng(result: LeximapResult, options: Partial<PngOptions> = {}): Uint8Array {
  const o = resolvePngOptions({ ...options, title: mapTitle(result, options.title) });
  const svg = renderSvg(result, { width: o.layoutWidth, height: o.layoutHeight, title: o.title, view: o.view, labels: o.labels });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: o.width },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FONTS, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
  });
  return withDpi(resvg.render().asPng(), o.dpi);
}
