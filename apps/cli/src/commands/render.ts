/**
 * `leximap render RESULT --format svg|png|html [-o FILE]`: the map of a result.json for a report,
 * written atomically (temp file, then rename).
 */
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { LeximapError } from '@leximap/core';
import { readResult, writeOutputs } from '@leximap/io';
import { renderHtml, renderPng, renderSvg } from '@leximap/render';

export const RENDER_HELP = `Usage: leximap render RESULT --format svg|png|html [-o FILE] [options]

Draws the concept map of RESULT (a result.json): a static SVG or PNG for a report, or one
self-contained HTML file with the interactive viewer that opens offline.

Options:
  -f, --format svg|png|html  output format (default: from the -o extension, else svg)
  -o, --out FILE             output file (default: map.FORMAT beside RESULT)
  --title TEXT               title drawn above the map (default: the result's corpus name, else "Concept map")
  --label-all                name every concept, even where labels overlap (default: only those that fit)
  --width N                  SVG: width in pixels (default 1200); PNG: width in pixels (default 2400)
  --height N                 SVG height (default 0.7 × width)
  --dpi N                    PNG resolution written into the file (default 192)
  --layout-width N           PNG: width the map is drawn at before scaling; smaller = larger text (default 1200)
  --visible P                share of concepts drawn, 0–100 (default 100)
  --theme-size X             theme size σ, 0–1 (default: the result's)
  --rotation DEG             rotate the map (default 0)
  --tags LIST                tag categories drawn, comma-separated (speaker,file,folder,code)
  --quiet                    print nothing
`;

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

export async function runRender(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      title: { type: 'string' },
      'label-all': { type: 'boolean' },
      width: { type: 'string' },
      height: { type: 'string' },
      'layout-width': { type: 'string' },
      dpi: { type: 'string' },
      visible: { type: 'string' },
      'theme-size': { type: 'string' },
      rotation: { type: 'string' },
      tags: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new LeximapError('E_USAGE', `render takes one result.json, got ${positionals.length}; see leximap render --help`);
  const resultPath = positionals[0]!;
  const fromName = values.out?.match(/\.(svg|png|html)$/i)?.[1]?.toLowerCase();
  const format = (values.format ?? fromName ?? 'svg').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) throw new LeximapError('E_USAGE', `--format: got "${values.format}", expected svg, png or html`);
  const out = values.out ?? join(dirname(resultPath), `map.${format}`);

  const width = integer('width', values.width);
  const height = integer('height', values.height);
  const visible = number('visible', values.visible, 0, 100);
  const themeSize = number('theme-size', values['theme-size'], 0, 1);
  const rotation = number('rotation', values.rotation, -360, 360);
  const view = {
    ...(visible === undefined ? {} : { visible: visible / 100 }),
    ...(themeSize === undefined ? {} : { themeSize }),
    ...(rotation === undefined ? {} : { rotation }),
    ...(values.tags === undefined ? {} : { tagCategories: values.tags.split(',').map((t) => t.trim()).filter(Boolean) }),
  };
  const title = values.title;
  const labels = values['label-all'] ? ('all' as const) : ('fit' as const);

  const result = await readResult(resultPath);
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
        ...(values.dpi === undefined ? {} : { dpi: integer('dpi', values.dpi)! }),
        ...(values['layout-width'] === undefined ? {} : { layoutWidth: integer('layout-width', values['layout-width'])! }),
      });
      break;
    case 'html':
      content = renderHtml(result, { ...(title === undefined ? {} : { title: `leximap — ${title}` }), name: basename(resultPath) });
      break;
  }
  await writeOutputs(dirname(out), { [basename(out)]: content });
  if (!values.quiet) process.stdout.write(`Wrote ${out}\n`);
  return 0;
}
