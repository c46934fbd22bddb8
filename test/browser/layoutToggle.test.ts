import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { renderHtml } from '@leximap/render';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, EXAMPLE, prepare } from './prepare.ts';

prepare();
const result = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as LeximapResult;

let browser: Browser;
let w: Watched;

/** The drawn place of every concept dot, by index. */
function places(page: Watched['page']): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll<SVGGElement>('g.concept[data-kind="concept"]')).map((g) => [g.dataset.index!, g.querySelector('path')?.getAttribute('d') ?? ''])));
}

beforeAll(async () => {
  browser = await launch();
  writeFileSync(`${ARTIFACTS}/layout-toggle.html`, renderHtml(result, { name: 'example/result.json' }));
  w = await watchedPage(browser);
  await w.page.goto(`file://${ARTIFACTS}/layout-toggle.html`);
  await w.page.waitForSelector('#status[data-concepts]');
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer layout toggle', () => {
  it('lays the map out again with linear distances, and back, with no console error', async () => {
    expect(await w.page.inputValue('#layout-mode')).toBe(result.layout.mode);
    const before = await places(w.page);
    await w.page.selectOption('#layout-mode', 'linear');
    const linear = await places(w.page);
    expect(Object.keys(linear)).toStrictEqual(Object.keys(before));
    expect(Object.keys(linear).filter((k) => linear[k] !== before[k]).length).toBeGreaterThan(Object.keys(before).length / 2);
    await w.page.selectOption('#layout-mode', 'gaussian');
    expect(await places(w.page)).toStrictEqual(before);
    expect(w.errors).toStrictEqual([]);
  });

  it('shows likelihood and prominence of the related concepts in the concept panel', async () => {
    await w.page.focus('g.concept[data-kind="concept"][data-index="0"]');
    await w.page.keyboard.press('Enter');
    await w.page.waitForSelector('table.related');
    expect(await w.page.locator('table.related thead th').allTextContents()).toStrictEqual(['concept', 'together', 'likelihood', 'prominence']);
    const [label, together, , prominence] = await w.page.locator('table.related tbody tr').first().locator('td').allTextContents();
    const other = result.concepts.findIndex((c) => c.label === label!.replace(/\s*❝$/, '').trim());
    const active = result.blocks.excluded.filter((e) => e === 0).length;
    const expected = (Number(together) * active) / (result.concepts[0]!.count * result.concepts[other]!.count);
    expect(Number(prominence)).toBeCloseTo(expected, 2);
  });
});
