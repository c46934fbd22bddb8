/**
 * Prints the advance widths of the bundled DejaVu Sans fonts for U+0020–U+00FF, in thousandths of
 * an em, as the table `src/text-width.ts` holds. Reads the TrueType `head`, `hhea`, `hmtx` and
 * `cmap` (format 4) tables (OpenType spec, https://learn.microsoft.com/typography/opentype/spec/).
 * Run again only when the fonts change: `tsx packages/render/scripts/font-widths.ts`.
 */
import { readFileSync } from 'node:fs';

function widths(file: string): number[] {
  const font = readFileSync(new URL(`../fonts/${file}`, import.meta.url));
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(font.toString('latin1', at, at + 4), view.getUint32(at + 8));
  }
  const unitsPerEm = view.getUint16(tables.get('head')! + 18);
  const metrics = view.getUint16(tables.get('hhea')! + 34);
  const hmtx = tables.get('hmtx')!;
  const cmap = tables.get('cmap')!;
  let format4 = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const offset = cmap + view.getUint32(cmap + 8 + i * 8);
    if (platform === 3 && encoding === 1 && view.getUint16(offset) === 4) format4 = offset;
  }
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  const glyph = (code: number): number => {
    for (let s = 0; s < segments; s++) {
      if (view.getUint16(ends + s * 2) < code) continue;
      const start = view.getUint16(starts + s * 2);
      if (start > code) return 0;
      const delta = view.getInt16(deltas + s * 2);
      const range = view.getUint16(ranges + s * 2);
      if (range === 0) return (code + delta) & 0xffff;
      const g = view.getUint16(ranges + s * 2 + range + (code - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (g: number): number => view.getUint16(hmtx + Math.min(g, metrics - 1) * 4);
  const out: number[] = [];
  for (let code = 0x20; code <= 0xff; code++) out.push(Math.round((advance(glyph(code)) / unitsPerEm) * 1000));
  return out;
}

console.log(`const REGULAR = [${widths('DejaVuSans.ttf').join(', ')}];`);
console.log(`const BOLD = [${widths('DejaVuSans-Bold.ttf').join(', ')}];`);
