/**
 * The map as a static SVG string, without a DOM: theme circles in heat colours with their names,
 * concept dots sized by count, co-occurrence links, labels that never overlap, a legend of the
 * themes, a title and a method line stating the parameters and the seed. With a stability report,
 * the legend says how often each theme's members stayed together, fragile themes and concepts
 * (`isFragile`) are dashed and faded as in the viewer, and the method line gives the runs' theme
 * ARI and concept Jaccard. Coordinates are rounded to 0.1 px, so the same result gives the same bytes.
 */
import { isFragile, stabilityLine, type LeximapResult } from '@leximap/core';
import { mapTitle, resolveSvgOptions } from './defaults.ts';
import type { SvgOptions } from './defaults.ts';
import { escapeXml } from './escape.ts';
import { buildMapModel, defaultView, placeMapLabels } from './map-model.ts';
import type { MapModel } from './map-model.ts';
import { FONT_FAMILY, textWidth } from './text-width.ts';

const LEGEND_WIDTH = 240;

function n(value: number): string {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** `text` cut with an ellipsis to fit `width` pixels. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize, bold) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** The parameters and the seed a map was made with, in one line a method section can quote. */
export function methodLine(result: LeximapResult): string {
  const p = result.parameters;
  const requested = p.conceptsRequested === 'auto' ? ' (auto)' : '';
  return [
    `leximap ${result.generator.version}`,
    `${result.corpus.documents} documents, ${result.corpus.blocks} blocks of ${p.blockSentences} sentences`,
    `${p.concepts} concepts${requested}`,
    `learning threshold ${p.learningThreshold}`,
    `coding threshold ${p.codingThreshold}`,
    `theme size ${p.themeSize}`,
    `${result.layout.mode} layout, stress ${result.layout.stress.toFixed(3)}`,
    `seed ${p.seed}`,
    result.stability ? stabilityLine(result.stability) : '',
  ].filter(Boolean).join(' · ');
}

/** Splits `text` at ` · ` into lines no wider than `width`. */
function wrap(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(' · ')) {
    const next = line ? `${line} · ${part}` : part;
    if (line && textWidth(next, fontSize) > width) {
      lines.push(line);
      line = part;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function drawMap(model: MapModel, all: boolean): string[] {
  const out: string[] = [];
  const { area } = model;
  out.push(`<clipPath id="map-area"><rect x="${n(area.x0)}" y="${n(area.y0)}" width="${n(area.x1 - area.x0)}" height="${n(area.y1 - area.y0)}" rx="8"/></clipPath>`);
  out.push(`<rect x="${n(area.x0)}" y="${n(area.y0)}" width="${n(area.x1 - area.x0)}" height="${n(area.y1 - area.y0)}" rx="8" fill="#fbfbfd" stroke="#e5e7eb"/>`);
  out.push('<g clip-path="url(#map-area)">');
  out.push('<g class="themes">');
  for (const t of model.themes) {
    const fragile = isFragile(t.stability) ? ' stroke-dasharray="6 5"' : '';
    out.push(`<circle cx="${n(t.x)}" cy="${n(t.y)}" r="${n(t.r)}" fill="${t.colour}" fill-opacity="${fragile ? '0.05' : '0.13'}" stroke="${t.colour}" stroke-width="2"${fragile}/>`);
  }
  out.push('</g><g class="links" stroke="#64748b" stroke-linecap="round">');
  for (const link of model.links) {
    const a = model.concepts[link.a]!;
    const b = model.concepts[link.b]!;
    out.push(`<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke-width="${n(0.6 + 2.4 * link.strength)}" stroke-opacity="${(0.18 + 0.42 * link.strength).toFixed(2)}"/>`);
  }
  out.push('</g><g class="concepts">');
  for (const c of model.concepts) {
    if (c.kind === 'tag') {
      const s = c.r;
      out.push(`<path d="M${n(c.x)} ${n(c.y - s)}L${n(c.x + s)} ${n(c.y)}L${n(c.x)} ${n(c.y + s)}L${n(c.x - s)} ${n(c.y)}Z" fill="#ffffff" stroke="#475569" stroke-width="1.5"/>`);
    } else {
      const fragile = isFragile(c.stability) ? ' fill-opacity="0.55" stroke-dasharray="2 2"' : '';
      out.push(`<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${n(c.r)}" fill="${c.colour}" stroke="#1f2937" stroke-opacity="0.55" stroke-width="0.8"${fragile}/>`);
    }
  }
  out.push('</g>');
  out.push(`<g class="labels" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`);
  for (const label of placeMapLabels(model, {}, model.area, all)) {
    const fill = label.of === 'theme' ? model.themes[label.index]!.ink : model.concepts[label.index]!.kind === 'tag' ? '#475569' : '#111827';
    const weight = label.bold ? ' font-weight="bold"' : '';
    out.push(`<text x="${n(label.box.x0)}" y="${n(label.baseline)}" font-size="${label.fontSize}"${weight} fill="${fill}">${escapeXml(label.text)}</text>`);
  }
  out.push('</g></g>');
  return out;
}

function drawLegend(model: MapModel, x: number, y: number, bottom: number): string[] {
  const out: string[] = [`<g class="legend">`, `<text x="${x}" y="${y}" font-size="13" font-weight="bold" fill="#111827">Themes</text>`];
  // With a stability report, a column of how often each theme's members stayed together.
  const holds = model.themes.some((t) => t.stability !== undefined);
  const connectivityX = x + LEGEND_WIDTH - (holds ? 76 : 32);
  out.push(`<text x="${connectivityX}" y="${y}" font-size="11" fill="#6b7280" text-anchor="end">connectivity</text>`);
  if (holds) out.push(`<text x="${x + LEGEND_WIDTH - 32}" y="${y}" font-size="11" fill="#6b7280" text-anchor="end">holds</text>`);
  let row = y + 24;
  const rows = Math.max(1, Math.floor((bottom - 96 - (holds ? 20 : 0) - row) / 22));
  const shown = model.themes.slice(0, rows);
  for (const t of shown) {
    const fragile = isFragile(t.stability) ? ' stroke-dasharray="3 2"' : '';
    out.push(`<circle cx="${x + 7}" cy="${row - 4}" r="7" fill="${t.colour}" fill-opacity="0.35" stroke="${t.colour}" stroke-width="2"${fragile}/>`);
    out.push(`<text x="${x + 22}" y="${row}" font-size="12" fill="#1f2937">${escapeXml(fitText(t.name, LEGEND_WIDTH - 96 - (holds ? 44 : 0), 12))}</text>`);
    out.push(`<text x="${connectivityX}" y="${row}" font-size="12" fill="#4b5563" text-anchor="end">${percent(t.relevance)}</text>`);
    if (t.stability !== undefined) out.push(`<text x="${x + LEGEND_WIDTH - 32}" y="${row}" font-size="12" fill="${isFragile(t.stability) ? '#b45309' : '#4b5563'}" text-anchor="end">${percent(t.stability)}</text>`);
    row += 22;
  }
  if (model.themes.length > shown.length) {
    out.push(`<text x="${x + 22}" y="${row}" font-size="11" fill="#6b7280">and ${model.themes.length - shown.length} more</text>`);
    row += 22;
  }
  row += 12;
  out.push(`<circle cx="${x + 7}" cy="${row - 4}" r="3" fill="#9ca3af"/><circle cx="${x + 22}" cy="${row - 4}" r="7" fill="#9ca3af"/>`);
  out.push(`<text x="${x + 36}" y="${row}" font-size="11" fill="#4b5563">dot size: blocks coded</text>`);
  row += 20;
  out.push(`<line x1="${x}" y1="${row - 4}" x2="${x + 28}" y2="${row - 4}" stroke="#64748b" stroke-width="2" stroke-opacity="0.5"/>`);
  out.push(`<text x="${x + 36}" y="${row}" font-size="11" fill="#4b5563">co-occurrence</text>`);
  if (holds) {
    row += 20;
    out.push(`<circle cx="${x + 14}" cy="${row - 4}" r="7" fill="none" stroke="#6b7280" stroke-width="1.5" stroke-dasharray="3 2"/>`);
    out.push(`<text x="${x + 36}" y="${row}" font-size="11" fill="#4b5563">dashed: fragile, holds under 50 %</text>`);
  }
  if (model.concepts.some((c) => c.kind === 'tag')) {
    row += 20;
    out.push(`<path d="M${x + 14} ${row - 9}L${x + 19} ${row - 4}L${x + 14} ${row + 1}L${x + 9} ${row - 4}Z" fill="#ffffff" stroke="#475569" stroke-width="1.5"/>`);
    out.push(`<text x="${x + 36}" y="${row}" font-size="11" fill="#4b5563">tag</text>`);
  }
  out.push('</g>');
  return out;
}

/** The map of `result` as a standalone SVG document. */
export function renderSvg(result: LeximapResult, options: Partial<SvgOptions> = {}): string {
  const o = resolveSvgOptions({ ...options, title: mapTitle(result, options.title) });
  const view = { ...defaultView(result), ...o.view };
  const method = wrap(`Method: ${methodLine(result)}`, o.width - 48, 11);
  const footer = 20 + method.length * 15;
  const area = { x0: 24, y0: 84, x1: o.width - LEGEND_WIDTH - 16, y1: o.height - footer - 8 };
  const model = buildMapModel(result, view, area);
  const learnedShown = model.concepts.filter((c) => c.kind !== 'tag').length;
  const subtitle = [
    `${learnedShown} concepts`,
    `${model.themes.length} themes`,
    `${result.corpus.documents} documents`,
    `${result.corpus.blocks} blocks`,
    view.visible < 1 ? `${percent(view.visible)} of concepts shown` : '',
    view.themeSize !== result.parameters.themeSize ? `theme size ${view.themeSize}` : '',
  ].filter(Boolean);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-labelledby="map-title">`,
    `<title id="map-title">${escapeXml(o.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="24" y="42" font-size="24" font-weight="bold" fill="#111827">${escapeXml(fitText(o.title, o.width - 48, 24, true))}</text>`,
    `<text x="24" y="66" font-size="13" fill="#4b5563">${escapeXml(subtitle.join(' · '))}</text>`,
    ...drawMap(model, o.labels === 'all'),
    ...drawLegend(model, o.width - LEGEND_WIDTH, area.y0 + 14, area.y1),
    ...method.map((line, k) => `<text x="24" y="${o.height - footer + 18 + k * 15}" font-size="11" fill="#6b7280">${escapeXml(line)}</text>`),
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}
