import { describe, expect, it } from 'vitest';
import { renderPng, withDpi } from '../src/png.ts';
import { makeFixtureResult } from './fixtures/make-result.ts';

function chunks(png: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found = new Map<string, Uint8Array>();
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    found.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}

describe('renderPng', () => {
  it('renders a PNG of the asked width with the bundled font, the same bytes twice', () => {
    const result = makeFixtureResult();
    const png = renderPng(result, { width: 900, dpi: 150 });
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const ihdr = chunks(png).get('IHDR')!;
    const view = new DataView(ihdr.buffer, ihdr.byteOffset);
    expect(view.getUint32(0)).toBe(900);
    expect(view.getUint32(4)).toBe(630);
    expect(renderPng(result, { width: 900, dpi: 150 })).toEqual(png);
  });

  it('writes the resolution into a pHYs chunk', () => {
    const png = renderPng(makeFixtureResult(), { width: 400, dpi: 300 });
    const phys = chunks(png).get('pHYs')!;
    const view = new DataView(phys.buffer, phys.byteOffset);
    expect(view.getUint32(0)).toBe(11811);
    expect(phys[8]).toBe(1);
  });

  it('draws text: a map with labels has more dark pixels than one whose labels are cut', () => {
    const result = makeFixtureResult();
    const withText = renderPng(result, { width: 600 });
    const blank = makeFixtureResult();
    for (const c of blank.concepts) c.label = '';
    for (const t of blank.themes) t.name = '';
    expect(withText.length).toBeGreaterThan(renderPng(blank, { width: 600, title: ' ' }).length * 1.1);
  });

  it('draws at the layout width and scales to the asked width, and rejects a dpi that is not a whole number', () => {
    const png = renderPng(makeFixtureResult(), { width: 500, layoutWidth: 1000, layoutHeight: 500 });
    const ihdr = chunks(png).get('IHDR')!;
    expect(new DataView(ihdr.buffer, ihdr.byteOffset).getUint32(4)).toBe(250);
    expect(() => renderPng(makeFixtureResult(), { dpi: 0.5 })).toThrow('option dpi: got 0.5');
    expect(withDpi).toBeTypeOf('function');
  });
});
