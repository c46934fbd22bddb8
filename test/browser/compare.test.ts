import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementCell, ComparedCode, LeximapResult } from '@leximap/core';
import { renderHtml } from '@leximap/render';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, prepare, ROOT } from './prepare.ts';

prepare();
execFileSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'analyze', 'examples/interviews', '--exclude-speaker', 'Interviewer', '--codes', 'examples/coding/coded-segments.csv', '--rounds', '20', '-o', 'test/artifacts/compare-example', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
const result = JSON.parse(readFileSync(`${ARTIFACTS}/compare-example/result.json`, 'utf8')) as LeximapResult;

/** The example comparison with its codes repeated under other top-level names up to 80 codes. */
function widened(source: LeximapResult): LeximapResult {
  const c = source.comparison!;
  const codes: ComparedCode[] = [];
  const cells: AgreementCell[] = [];
  for (let copy = 0; codes.length < 80; copy++) {
    c.codes.forEach((code, k) => {
      if (codes.length >= 80) return;
      const index = codes.length;
      codes.push({ ...code, path: [`Copy ${copy} of a rather long top-level code name`, ...code.path], concept: -1 });
      for (const cell of c.cells) if (cell.code === k) cells.push({ ...cell, code: index });
    });
  }
  return { ...source, comparison: { ...c, codes, cells, unmatchedCodes: [], uncoveredConcepts: [], bestMatch: [], assignment: [] } };
}

let browser: Browser;
let w: Watched;

beforeAll(async () => {
  browser = await launch();
  writeFileSync(`${ARTIFACTS}/compare.html`, renderHtml(result, { name: 'compare-example/result.json' }));
  writeFileSync(`${ARTIFACTS}/compare-80.html`, renderHtml(widened(result), { name: 'compare-80/result.json' }));
  w = await watchedPage(browser);
  await w.page.setViewportSize({ width: 1400, height: 900 });
  await w.page.goto(`file://${ARTIFACTS}/compare.html`);
  await w.page.waitForSelector('#status[data-concepts]');
  await w.page.click('#tab-compare');
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer: the comparison with manual codes (analyze --codes on the example coding)', () => {
  it('opens full width, with every figure beside its chance level', async () => {
    const width = await w.page.evaluate(() => document.querySelector('aside.side')!.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(1300);
    const rows = await w.page.locator('table.cmp-figures tbody tr[data-figure]').count();
    expect(rows).toBe(6);
    for (const row of await w.page.locator('table.cmp-figures tbody tr[data-figure]').all()) {
      const cells = await row.locator('td.num').allTextContents();
      expect(cells.every((t) => /^[\d.%-]+$/.test(t))).toBe(true);
    }
  });

  it('lists every code with segments by its full path, strongest association first, with counts and q', async () => {
    const coded = result.comparison!.codes.filter((c) => c.segments > 0).map((c) => c.path.join(' › '));
    const shown = (await w.page.locator('#compare-evidence td.code-path').allTextContents()).filter((t) => t !== '');
    expect(new Set(shown)).toEqual(new Set(coded));
    const qs = (await w.page.locator('#compare-evidence tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[8]?.textContent ?? ''))).filter((t) => t !== '' && t !== '—').map(Number);
    expect(qs.length).toBeGreaterThan(0);
    const matchedRows = await w.page.locator('#compare-evidence tr.matched').count();
    expect(matchedRows).toBe(result.comparison!.cells.filter((c) => c.matched).length);
  });

  it('shows the blocks a code and a concept share, with quotes, on a click on a matrix cell', async () => {
    const match = result.comparison!.cells.find((c) => c.matched)!;
    await w.page.click(`#compare-matrix button.cmp-cell[data-code="${match.code}"][data-concept="${match.concept}"]`);
    const facts = await w.page.textContent('#compare-detail .cmp-facts');
    expect(facts).toContain(`${match.both} shared blocks of ${match.codeBlocks} code blocks and ${match.conceptBlocks} concept blocks`);
    const quotes = await w.page.locator('#compare-detail blockquote').allTextContents();
    expect(quotes).toHaveLength(match.both);
    expect(quotes.slice(0, match.quotes!.length).every((q) => q.length > 20)).toBe(true);
  });

  it('holds themes against top-level codes with the same evidence', async () => {
    const rows = await w.page.locator('#compare-themes tbody tr').count();
    expect(rows).toBe(result.comparison!.themeCells.length);
    await w.page.screenshot({ path: `${ARTIFACTS}/viewer-compare-full.png`, fullPage: true });
  });

  it('stays readable at 80 codes: every full code path with segments shown uncut in the matrix, every concept header uncut', async () => {
    await w.page.goto(`file://${ARTIFACTS}/compare-80.html`);
    await w.page.waitForSelector('#status[data-concepts]');
    await w.page.click('#tab-compare');
    const heads = w.page.locator('#compare-matrix th.code-path');
    expect(await heads.count()).toBe(widened(result).comparison!.codes.filter((c) => c.segments > 0).length);
    expect(await heads.count()).toBeGreaterThan(55);
    const cut = await heads.evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth + 1 || th.scrollHeight > th.clientHeight + 1).length);
    expect(cut).toBe(0);
    const columns = await w.page.locator('#compare-matrix th.col-head span').evaluateAll((spans) => spans.map((s) => ({ cut: s.parentElement!.scrollHeight > s.parentElement!.clientHeight + 1, text: s.textContent })));
    expect(columns.length).toBeGreaterThan(5);
    expect(columns.filter((c) => c.cut)).toEqual([]);
    await w.page.screenshot({ path: `${ARTIFACTS}/viewer-compare-80.png` });
  });

  it('logged no console error and made no request outside file://', () => {
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  });
});
