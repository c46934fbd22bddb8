import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { analyzeFiles } from '@leximap/parallel';
import { renderHtml } from '@leximap/render';
import { sentimentColour } from '../../apps/viewer/src/sentiment-lens.ts';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, ROOT, prepare } from './prepare.ts';

prepare();
let browser: Browser;
let w: Watched;
let result: LeximapResult;

beforeAll(async () => {
  result = (await analyzeFiles([resolve(ROOT, 'examples/interviews')], { excludeSpeakers: ['Interviewer'], sentiment: true, workers: 1 })).result;
  writeFileSync(`${ARTIFACTS}/sentiment.html`, renderHtml(result, { name: 'sentiment/result.json' }));
  browser = await launch();
  w = await watchedPage(browser);
  await w.page.goto(`file://${ARTIFACTS}/sentiment.html`);
  await w.page.waitForSelector('#status[data-concepts]');
});
afterAll(async () => {
  await browser?.close();
});

describe('the sentiment lens', () => {
  it('colours every concept dot by its mean sentiment, and back', async () => {
    await w.page.click('#tab-sentiment');
    await w.page.check('#sentiment-colour');
    const fills = await w.page.$$eval('g.concept[data-kind="concept"]', (dots) => dots.map((g) => [Number((g as SVGGElement).dataset.index), (g.querySelector('path') as SVGPathElement).style.fill]));
    expect(fills.length).toBeGreaterThan(10);
    for (const [index, fill] of fills) expect(fill).toBe(sentimentColour(result.concepts[index as number]!.sentiment!.mean));
    await w.page.screenshot({ path: `${ARTIFACTS}/sentiment-lens.png` });
    await w.page.uncheck('#sentiment-colour');
    expect(await w.page.$eval('g.concept[data-kind="concept"] path', (p) => (p as SVGPathElement).style.fill)).toBe('');
  });

  it('ranks concepts by mean sentiment and sorts a chosen concept\'s quotes from the most negative', async () => {
    const means = await w.page.$$eval('#sentiment-concepts tbody tr', (rows) => rows.map((r) => Number((r as HTMLElement).dataset.index)));
    const expected = result.concepts.filter((c) => c.kind !== 'tag' && c.sentiment).sort((a, b) => b.sentiment!.mean - a.sentiment!.mean || a.id - b.id).map((c) => c.id);
    expect(means).toEqual(expected);
    await w.page.click(`#sentiment-concepts tbody tr[data-index="${expected[0]}"] button`);
    const scores = await w.page.$$eval('#sentiment-quotes li', (items) => items.map((li) => Number((li as HTMLElement).dataset.sentiment)));
    expect(scores.length).toBeGreaterThan(1);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('compares two document groups (folders) concept by concept, the largest difference first', async () => {
    const groups = result.concepts.filter((c) => c.kind === 'tag' && c.category === 'folder');
    expect(groups.length).toBeGreaterThanOrEqual(2);
    await w.page.selectOption('#sentiment-a', String(groups[0]!.id));
    await w.page.selectOption('#sentiment-b', String(groups[1]!.id));
    const differences = await w.page.$$eval('#sentiment-compare tbody tr td:last-child', (cells) => cells.map((c) => Math.abs(Number(c.textContent!.replace('−', '-')))));
    expect(differences.length).toBeGreaterThan(0);
    expect(differences).toEqual([...differences].sort((a, b) => b - a));
    expect(w.errors).toEqual([]);
  });
});

/** Words of Hebrew, Arabic and Sorani Kurdish, each written right to left. */
const RTL_WORDS = ['הכנסת', 'ממשלה', 'الحكومة', 'السلام', 'كوردستان', 'خەڵک', 'زمانی کوردی', 'ڕۆژهەڵات'];

describe('right-to-left labels and quotes', () => {
  it('shows Hebrew, Arabic and Sorani labels and quotes right to left (screenshot in test/artifacts/rtl.png)', async () => {
    const rtl = structuredClone(result);
    RTL_WORDS.forEach((word, i) => (rtl.concepts[i]!.label = word));
    for (const t of rtl.themes) t.name = rtl.concepts[t.parent]!.label;
    const quoted = rtl.concepts[2]!.quotes[0]!;
    for (const e of rtl.quotes.excerpts) if (e.block === quoted) e.text = 'الحكومة قدمت قانوناً جديداً. ואני חושב שהחוק טוב.';
    writeFileSync(`${ARTIFACTS}/rtl.html`, renderHtml(rtl, { name: 'rtl/result.json' }));
    const page = (await watchedPage(browser)).page;
    await page.goto(`file://${ARTIFACTS}/rtl.html`);
    await page.waitForSelector('#status[data-concepts]');
    const labels = await page.$$eval('text.concept-label, text.theme-label', (texts) => texts.map((t) => t.textContent));
    for (const word of RTL_WORDS.slice(0, 6)) expect(labels).toContain(word);
    // The browser shapes and orders the text: an Arabic word is drawn narrower joined than its letters apart.
    const widths = await page.evaluate((word) => {
      const svg = document.querySelector('svg.map')!;
      const measure = (s: string): number => {
        const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        t.textContent = s;
        svg.appendChild(t);
        const w = t.getComputedTextLength();
        t.remove();
        return w;
      };
      return { joined: measure(word), apart: [...word].reduce((sum, ch) => sum + measure(ch), 0) };
    }, 'الحكومة');
    expect(widths.joined).toBeLessThan(widths.apart);
    await page.click(`g.concept[data-index="2"]`);
    const direction = await page.$eval(`li.quote[data-block="${quoted}"] blockquote`, (q) => getComputedStyle(q).direction);
    expect(direction).toBe('rtl');
    await page.screenshot({ path: `${ARTIFACTS}/rtl.png` });
  });
});
