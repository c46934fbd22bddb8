import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '@leximap/render';
import { makeFixtureResult } from '../../packages/render/test/fixtures/make-result.ts';
import { launch, watchedPage } from './browser.ts';
import { ARTIFACTS, prepare } from './prepare.ts';

prepare();
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  writeFileSync(`${ARTIFACTS}/large.html`, renderHtml(makeFixtureResult({ blocks: 100_000 }), { name: 'large.json' }));
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer on a 100k-block result', () => {
  it('opens a 100k-block result and draws its map (the time is printed, not asserted: see DESIGN targets)', async () => {
    const w = await watchedPage(browser);
    // Warm the browser process once so the time measured is the page's, not chromium's start.
    await w.page.goto('about:blank');
    const started = performance.now();
    await w.page.goto(`file://${ARTIFACTS}/large.html`);
    await w.page.waitForSelector('#status[data-concepts]');
    const seconds = (performance.now() - started) / 1000;
    console.log(`100k-block result opened in ${seconds.toFixed(2)} s`);
    expect(await w.page.locator('g.concept[data-kind="concept"]').count()).toBe(40);
    expect(w.errors).toEqual([]);
  });
});
