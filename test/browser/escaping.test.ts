import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '@leximap/render';
import { HOSTILE_LABEL, HOSTILE_TEXT, makeFixtureResult } from '../../packages/render/test/fixtures/make-result.ts';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, prepare } from './prepare.ts';

prepare();
const result = makeFixtureResult({ hostile: true });
let browser: Browser;
let w: Watched;

beforeAll(async () => {
  browser = await launch();
  writeFileSync(`${ARTIFACTS}/hostile.html`, renderHtml(result, { name: '"><img src=x onerror=alert(2)>.json' }));
  w = await watchedPage(browser);
  await w.page.goto(`file://${ARTIFACTS}/hostile.html`);
  await w.page.waitForSelector('#status[data-concepts]');
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer with markup in labels, document names, codes and quotes', () => {
  it('draws a label with markup as text and creates no element from it', async () => {
    const labels = await w.page.locator('svg.map text').allTextContents();
    expect(labels).toContain(HOSTILE_LABEL);
    expect(await w.page.locator('img').count()).toBe(0);
    expect(await w.page.textContent('#source')).toBe('"><img src=x onerror=alert(2)>.json');
  });

  it('shows a quote and a document name with <script> as text', async () => {
    const index = result.concepts.findIndex((c) => c.label === HOSTILE_LABEL);
    const hostileBlock = result.quotes.excerpts.find((e) => e.text === HOSTILE_TEXT)!.block;
    const owner = result.concepts.findIndex((c) => c.kind !== 'tag' && c.quotes.includes(hostileBlock));
    for (const i of [index, owner]) {
      await w.page.focus(`g.concept[data-index="${i}"]`);
      await w.page.keyboard.press('Enter');
      expect(await w.page.textContent('#concept-title')).toBe(result.concepts[i]!.label);
    }
    const quotes = await w.page.locator('#panel blockquote').allTextContents();
    expect(quotes).toContain(HOSTILE_TEXT);
    const docs = await w.page.locator('#panel .doc').allTextContents();
    expect(docs.some((d) => d.startsWith('<script>alert(1)</script>'))).toBe(true);
    expect(await w.page.locator('#panel script, #panel img').count()).toBe(0);
  });

  it('shows a code name with markup as text in the compare table', async () => {
    await w.page.click('#tab-compare');
    const codes = await w.page.locator('#compare-matrix th.code-path').allTextContents();
    expect(codes.some((c) => c.includes('<script>alert("code")</script>'))).toBe(true);
    expect(await w.page.locator('#compare-matrix tbody tr').count()).toBeGreaterThan(0);
    expect(await w.page.textContent('table.cmp-figures caption')).toMatch(/^Agreement with <b>coding<\/b>\.qdpx, beside chance/);
    await w.page.screenshot({ path: `${ARTIFACTS}/viewer-compare.png` });
  });

  it('ran no injected script (no alert) and logged no error', () => {
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  });
});
