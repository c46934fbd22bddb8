import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../src/svg.ts';
import { HOSTILE_LABEL, makeFixtureResult } from './fixtures/make-result.ts';

const GOLDEN = new URL('./output/fixture-map.svg', import.meta.url);
const UPDATE = process.env.LEXIMAP_UPDATE_GOLDEN === '1';

describe('renderSvg', () => {
  it('draws the fixture map exactly as the golden file (LEXIMAP_UPDATE_GOLDEN=1 rewrites it)', () => {
    const svg = renderSvg(makeFixtureResult(), { title: 'Wikipedia volunteers' });
    if (UPDATE) writeFileSync(GOLDEN, svg);
    expect(existsSync(GOLDEN), 'golden file missing: run with LEXIMAP_UPDATE_GOLDEN=1').toBe(true);
    expect(svg).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('gives the same bytes on every call and rounds coordinates to 0.1 px', () => {
    const a = renderSvg(makeFixtureResult());
    expect(renderSvg(makeFixtureResult())).toBe(a);
    const numbers = [...a.matchAll(/ (?:x|y|cx|cy|r|x1|y1|x2|y2)="(-?[\d.]+)"/g)].map((m) => m[1]!);
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.every((n) => !/\.\d\d/.test(n))).toBe(true);
  });

  it('draws one circle per theme, one dot per concept, and the theme names in the legend', () => {
    const result = makeFixtureResult();
    const svg = renderSvg(result);
    const themes = svg.slice(svg.indexOf('<g class="themes">'), svg.indexOf('</g>', svg.indexOf('<g class="themes">')));
    expect(themes.match(/<circle/g)).toHaveLength(result.themes.length);
    const dots = svg.slice(svg.indexOf('<g class="concepts">'), svg.indexOf('</g>', svg.indexOf('<g class="concepts">')));
    expect(dots.match(/<circle/g)).toHaveLength(result.concepts.filter((c) => c.kind !== 'tag').length);
    for (const t of result.themes) expect(svg).toContain(`>${t.name}</text>`);
  });

  it('states the parameters and the seed in the method line', () => {
    const result = makeFixtureResult();
    result.parameters.seed = 4242;
    const svg = renderSvg(result, { width: 1400 });
    expect(svg).toMatch(/Method: leximap 0\.1\.0 · 8 documents, 600 blocks of 2 sentences · 40 concepts \(auto\) · learning threshold 1\.5 · coding threshold 4 · theme size 0\.33 · gaussian layout, stress 0\.143 · seed 4242/);
  });

  it('with a stability report: a "holds" column in the legend, fragile themes and concepts dashed, the runs in the method line', () => {
    const result = makeFixtureResult();
    result.stability = { runs: 10, leaveOut: 1, themeAri: { mean: 0.734, min: 0.5, max: 0.9 }, conceptJaccard: { mean: 0.861, min: 0.8, max: 0.9 } };
    result.themes.forEach((t, k) => (t.stability = k === 0 ? 0.3 : 0.9));
    const learned = result.concepts.findIndex((c) => c.kind !== 'tag');
    result.concepts.forEach((c, i) => c.kind !== 'tag' && (c.stability = i === learned ? 0.2 : 1));
    const svg = renderSvg(result, { width: 1400 });
    const themes = svg.slice(svg.indexOf('<g class="themes">'), svg.indexOf('</g>', svg.indexOf('<g class="themes">')));
    expect(themes.match(/stroke-dasharray="6 5"/g)).toHaveLength(1);
    const dots = svg.slice(svg.indexOf('<g class="concepts">'), svg.indexOf('</g>', svg.indexOf('<g class="concepts">')));
    expect(dots.match(/stroke-dasharray="2 2"/g)).toHaveLength(1);
    expect(svg).toContain('>holds</text>');
    expect(svg).toContain('fill="#b45309" text-anchor="end">30%</text>');
    expect(svg).toContain('dashed: fragile, holds under 50 %');
    expect(svg).toContain('stability over 10 resamples: theme ARI 0.73, concept Jaccard 0.86');
    // Without the report, none of it.
    const plain = renderSvg(makeFixtureResult(), { width: 1400 });
    for (const text of ['holds</text>', 'stroke-dasharray', 'stability over']) expect(plain).not.toContain(text);
  });

  it('escapes markup in concept labels and the title', () => {
    const svg = renderSvg(makeFixtureResult({ hostile: true }), { title: '<script>alert(1)</script>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain(`&quot;&gt;&lt;img onerror=alert(1)&gt;`);
    expect(HOSTILE_LABEL).toContain('<img');
  });

  it('names the option and the bad value when the width is out of range', () => {
    expect(() => renderSvg(makeFixtureResult(), { width: 10 })).toThrow('option width: got 10, expected an integer from 320 to 20000');
  });
});
