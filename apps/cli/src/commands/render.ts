/**
 * `leximap render RESULT --format svg|png|html [-o FILE]`: the map of a result.json for a report,
 * written atomically (temp file, then rename).
 */
import { basename, dirname } from 'node:path';
import { LeximapError } from '@leximap/core';
import { serializeResult, writeOutputs } from '@leximap/io';
import { renderHtml, renderPng, renderSvg } from '@leximap/render';
import { flag, text, type Values } from '../commandTable.ts';
import { openResult } from '../openResult.ts';

const FORMATS = ['svg', 'png', 'html'] as const;
type Format = (typeof FORMATS)[number];

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new LeximapError('E_USAGE', `--${name}: got "${value}", expected a whole number`);
  return n;
}

function number(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new LeximapError('E_USAGE', `--${name}: got "${value}", expected a number from ${min} to ${max}`);
  return n;
}

export async function runRender(values: Values, positionals: string[]): Promise<number> {
  const resultPath = positionals[0]!;
  const given = text(values, 'format');
  const fromName = text(values, 'out')?.match(/\.(svg|png|html)$/i)?.[1]?.toLowerCase();
  const format = (given ?? fromName ?? 'svg').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new LeximapError('E_USAGE', `--format: got "${given}", expected svg, png or html`);

  const width = integer('width', text(values, 'width'));
  const height = integer('height', text(values, 'height'));
  const visible = number('visible', text(values, 'visible'), 0, 100);
  const themeSize = number('theme-size', text(values, 'theme-size'), 0, 1);
  const rotation = number('rotation', text(values, 'rotation'), -360, 360);
  const tags = text(values, 'tags');
  const dpi = integer('dpi', text(values, 'dpi'));
  const layoutWidth = integer('layout-width', text(values, 'layout-width'));
  const view = {
    ...(visible === undefined ? {} : { visible: visible / 100 }),
    ...(themeSize === undefined ? {} : { themeSize }),
    ...(rotation === undefined ? {} : { rotation }),
    ...(tags === undefined ? {} : { tagCategories: tags.split(',').map((t) => t.trim()).filter(Boolean) }),
  };
  const title = text(values, 'title');
  const labels = flag(values, 'label-all') ? ('all' as const) : ('fit' as const);

  const { result, out } = await openResult(resultPath, text(values, 'out'), `map.${format}`);
  let content: string | Uint8Array;
  switch (format as Format) {
    case 'svg':
      content = renderSvg(result, { ...(title === undefined ? {} : { title }), view, labels, ...(width === undefined ? {} : { width }), ...(height === undefined ? {} : { height }) });
      break;
    case 'png':
      content = renderPng(result, {
        ...(title === undefined ? {} : { title }),
        view,
        labels,
        ...(width === undefined ? {} : { width }),
        ...(dpi === undefined ? {} : { dpi }),
        ...(layoutWidth === undefined ? {} : { layoutWidth }),
      });
      break;
    case 'html':
      content = renderHtml(result, { ...(title === undefined ? {} : { title: `leximap — ${title}` }), name: basename(resultPath), json: serializeResult(result) });
      break;
  }
  await writeOutputs(dirname(out), { [basename(out)]: content });
  if (!flag(values, 'quiet')) process.stdout.write(`Wrote ${out}\n`);
  return 0;
}
