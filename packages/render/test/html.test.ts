import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../src/html.ts';
import { renderMapFiles } from '../src/map-files.ts';
import { HOSTILE_TEXT, makeFixtureResult } from './fixtures/make-result.ts';

describe('renderHtml', () => {
  it('inlines the viewer and the result in one page with no external reference', () => {
    const html = renderHtml(makeFixtureResult(), { name: 'fixture.json' });
    expect(html).toContain('<script type="application/json" id="leximap-result">');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!www\.w3\.org)/);
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
  });

  it('allows only the inlined viewer script by its hash and no connections', () => {
    const html = renderHtml(makeFixtureResult());
    const script = html.slice(html.indexOf('<script type="module">') + '<script type="module">'.length, html.lastIndexOf('</script>'));
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("connect-src 'none'");
  });

  it('keeps markup in the data from ending the data element, and the data parses back', () => {
    const result = makeFixtureResult({ hostile: true });
    const html = renderHtml(result, { name: '"><img onerror=alert(1)>.json' });
    const start = html.indexOf('id="leximap-result">') + 'id="leximap-result">'.length;
    const data = html.slice(start, html.indexOf('</script>', start));
    expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(result)));
    expect(data).not.toContain('<');
    expect(html).toContain('content="&quot;&gt;&lt;img onerror=alert(1)&gt;.json"');
    expect(html.split('<script').length - 1).toBe(2);
    expect(HOSTILE_TEXT).toContain('<script>');
  });
});

describe('renderMapFiles', () => {
  it('returns map.svg and map.html for analyze to write', () => {
    const files = renderMapFiles(makeFixtureResult(), { title: 'Example' });
    expect(Object.keys(files)).toEqual(['map.svg', 'map.html']);
    expect(files['map.svg']).toMatch(/^<svg /);
    expect(files['map.html']).toMatch(/^<!doctype html>/);
  });
});
