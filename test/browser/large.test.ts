import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { renderHtml } from '@leximap/render';
import { makeFixtureResult } from '../../packages/render/test/fixtures/make-result.ts';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, prepare } from './prepare.ts';

prepare();
let browser: Browser;
let w: Watched;

const FILLER = ['we', 'talked', 'about', 'the', 'long', 'weekend', 'and', 'then', 'again', 'with', 'everyone', 'at', 'our', 'meeting', 'later', 'that', 'year'];

/**
 * The 100k-block fixture with the text of every block in `context`, as if `analyze` had kept it
 * all (it keeps all up to 20 000 blocks): the largest a result's text can be for that many blocks.
 */
function largeWithText(): { result: LeximapResult; mentors: number } {
  const result = makeFixtureResult({ blocks: 100_000 });
  const quoted = new Set(result.quotes.excerpts.map((e) => e.block));
  const blocks: number[] = [];
  const text: string[] = [];
  let mentors = 0;
  let state = 11;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
  for (let b = 0; b < result.corpus.blocks; b++) {
    if (quoted.has(b)) {
      mentors += [...result.quotes.excerpts.find((e) => e.block === b)!.text.matchAll(/(?<![\p{L}\p{N}])mentor(?:s|es|ed|ing)?(?![\p{L}\p{N}])/giu)].length;
      continue;
    }
    const words: string[] = [];
    for (let k = 0; k < 30; k++) words.push(FILLER[Math.floor(next() * FILLER.length)]!);
    if (b % 97 === 0) {
      words[5] = 'mentor';
      mentors++;
    }
    blocks.push(b);
    text.push(`${words.join(' ')}.`);
  }
  result.context = { window: -1, blocks, text };
  return { result, mentors };
}

let mentors = 0;

beforeAll(async () => {
  browser = await launch();
  const large = largeWithText();
  mentors = large.mentors;
  writeFileSync(`${ARTIFACTS}/large.html`, renderHtml(large.result, { name: 'large.json' }));
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer on a 100k-block result with the text of every block', () => {
  it('opens a 100k-block result and draws its map (the time is printed, not asserted: see DESIGN targets)', async () => {
    w = await watchedPage(browser);
    // Warm the browser process once so the time measured is the page's, not chromium's start.
    await w.page.goto('about:blank');
    const started = performance.now();
    await w.page.goto(`file://${ARTIFACTS}/large.html`);
    await w.page.waitForSelector('#status[data-concepts]');
    const seconds = (performance.now() - started) / 1000;
    console.log(`100k-block result (every block's text kept) opened in ${seconds.toFixed(2)} s`);
    expect(await w.page.locator('g.concept[data-kind="concept"]').count()).toBe(40);
    expect(w.errors).toEqual([]);
  });

  it('answers a search over 100k blocks of text with every occurrence counted (the time is printed, not asserted)', async () => {
    const times: number[] = [];
    for (const word of ['mento', 'mentor']) {
      const ms = await w.page.evaluate((q) => {
        const box = document.querySelector<HTMLInputElement>('#search')!;
        const started = performance.now();
        box.value = q;
        box.dispatchEvent(new Event('input'));
        document.querySelector('#kwic-summary')!.getBoundingClientRect();
        return performance.now() - started;
      }, word);
      times.push(ms);
    }
    console.log(`search over 100k blocks answered in ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
    expect(await w.page.textContent('#kwic-summary')).toMatch(new RegExp(`^${mentors} occurrences of “mentor”`));
    expect(await w.page.locator('#kwic tbody tr').count()).toBe(300);
    expect(w.errors).toEqual([]);
  });

  it('opens a block of a concept in context and steps to the next one', async () => {
    await w.page.click('#tab-themes');
    await w.page.click('.theme-list .concept-link >> nth=0');
    await w.page.click('#context-all');
    expect(await w.page.textContent('#context-position')).toMatch(/^1 of \d{4,}$/);
    await w.page.click('#context-next');
    expect(await w.page.textContent('#context-position')).toMatch(/^2 of /);
    expect(await w.page.locator('li.turn.focus p').textContent()).not.toBe('text not kept in this result');
    expect(w.errors).toEqual([]);
  });
});
