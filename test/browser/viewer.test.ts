import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@leximap/core';
import type { LeximapResult } from '@leximap/core';
import { renderHtml } from '@leximap/render';
import { makeFixtureResult } from '../../packages/render/test/fixtures/make-result.ts';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, EXAMPLE, prepare } from './prepare.ts';

prepare();
const result = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as LeximapResult;
const learned = result.concepts.filter((c) => c.kind !== 'tag').length;

let browser: Browser;
let w: Watched;

/** The concept whose dot is on top at its centre, most frequent first: a real click lands on it. */
async function clickableConcept(page: Watched['page'], skip: number[] = []): Promise<{ index: number; x: number; y: number }> {
  return page.evaluate((skipped) => {
    const dots = Array.from(document.querySelectorAll<SVGGElement>('g.concept[data-kind="concept"]'));
    const found = dots
      .map((g) => {
        const box = g.getBoundingClientRect();
        return { g, index: Number(g.dataset.index), x: box.x + box.width / 2, y: box.y + box.height / 2, size: box.width };
      })
      .filter((d) => !skipped.includes(d.index) && document.elementFromPoint(d.x, d.y)?.closest('g.concept') === d.g)
      .sort((a, b) => b.size - a.size || a.index - b.index)[0];
    if (!found) throw new Error('no concept dot is clickable');
    return { index: found.index, x: found.x, y: found.y };
  }, skip);
}

beforeAll(async () => {
  browser = await launch();
  const html = renderHtml(result, { name: 'example/result.json' });
  writeFileSync(`${ARTIFACTS}/example.html`, html);
  w = await watchedPage(browser);
  await w.page.goto(`file://${ARTIFACTS}/example.html`);
  await w.page.waitForSelector('#status[data-concepts]');
});

afterAll(async () => {
  await browser?.close();
});

describe('viewer on the example interviews (self-contained HTML from file://)', () => {
  it('keeps the exported page under 2 MB', () => {
    expect(statSync(`${ARTIFACTS}/example.html`).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('draws every learned concept and the result’s themes', async () => {
    expect(await w.page.locator('g.concept[data-kind="concept"]').count()).toBe(learned);
    expect(await w.page.locator('circle.theme').count()).toBe(result.themes.length);
    expect(await w.page.getAttribute('#status', 'data-themes')).toBe(String(result.themes.length));
    const labels = await w.page.locator('text.concept-label').allTextContents();
    expect(labels.length).toBeGreaterThan(learned * 0.7);
  });

  it('recomputes the themes when the theme-size slider moves (by keyboard)', async () => {
    await w.page.focus('#theme-size');
    for (let k = 0; k < 20; k++) await w.page.keyboard.press('ArrowLeft');
    const value = Number(await w.page.inputValue('#theme-size'));
    expect(value).toBeCloseTo(result.parameters.themeSize - 0.2, 5);
    const themes = await w.page.locator('circle.theme').count();
    expect(themes).toBeGreaterThan(result.themes.length);
    expect(await w.page.getAttribute('#status', 'data-themes')).toBe(String(themes));
    for (let k = 0; k < 20; k++) await w.page.keyboard.press('ArrowRight');
    expect(await w.page.locator('circle.theme').count()).toBe(result.themes.length);
  });

  it('hides the less frequent concepts with the visible-concepts slider', async () => {
    await w.page.focus('#visible');
    await w.page.keyboard.press('Home');
    expect(await w.page.locator('g.concept[data-kind="concept"]').count()).toBe(Math.max(1, Math.round(0.05 * learned)));
    await w.page.keyboard.press('End');
    expect(await w.page.locator('g.concept[data-kind="concept"]').count()).toBe(learned);
  });

  it('shows a clicked concept’s thesaurus, related concepts and ranked quotes with document and speaker', async () => {
    const target = await clickableConcept(w.page);
    await w.page.mouse.click(target.x, target.y);
    const concept = result.concepts[target.index]!;
    await w.page.waitForSelector('#concept-title');
    expect(await w.page.textContent('#concept-title')).toBe(concept.label);
    const quotes = w.page.locator('#panel li.quote');
    expect(await quotes.count()).toBe(concept.quotes.length);
    expect(concept.quotes.length).toBeGreaterThan(0);
    const first = concept.quotes[0]!;
    const excerpt = result.quotes.excerpts.find((e) => e.block === first)!;
    expect(await quotes.first().locator('blockquote').textContent()).toBe(excerpt.text);
    const document = result.documents[result.blocks.document[first]!]!;
    expect(await quotes.first().locator('.doc').textContent()).toBe(document.name);
    const speaker = result.blocks.speaker[first]!;
    if (speaker >= 0) expect(await quotes.first().locator('.speaker').textContent()).toBe(result.speakers[speaker]);
    expect(await w.page.locator('table.thesaurus tbody tr').count()).toBe(concept.thesaurus.length);
    expect(await w.page.locator('table.related tbody tr').count()).toBeGreaterThan(0);
    await w.page.screenshot({ path: `${ARTIFACTS}/viewer-example.png` });
  });

  it('shows the quotes of a pair on Shift+click and a pathway between two concepts', async () => {
    const first = await clickableConcept(w.page);
    await w.page.mouse.click(first.x, first.y);
    const second = await clickableConcept(w.page, [first.index]);
    await w.page.keyboard.down('Shift');
    await w.page.mouse.click(second.x, second.y);
    await w.page.keyboard.up('Shift');
    const a = result.concepts[first.index]!.label;
    const b = result.concepts[second.index]!.label;
    expect(await w.page.textContent('#pair-title')).toBe(`${a} + ${b}`);

    await w.page.mouse.click(first.x, first.y);
    const options = await w.page.locator('#pathway-to option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    await w.page.selectOption('#pathway-to', options.at(-1)!);
    const steps = await w.page.locator('ol.path li').count();
    expect(steps === 0 ? await w.page.locator('.pathway-box .empty').count() : steps).toBeGreaterThan(0);
    if (steps > 1) expect(await w.page.locator('.pathway polyline').count()).toBe(1);
  });

  it('shows the quotes of a pair when a link is clicked', async () => {
    await w.page.keyboard.press('Escape');
    const link = await w.page.evaluate(() => {
      for (const line of Array.from(document.querySelectorAll<SVGLineElement>('line.link-hit'))) {
        const box = line.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        if (document.elementFromPoint(x, y) === line) return { x, y };
      }
      return null;
    });
    expect(link).not.toBeNull();
    await w.page.mouse.click(link!.x, link!.y);
    expect(await w.page.textContent('#pair-title')).toMatch(/ \+ /);
  });

  it('exports the current view as SVG', async () => {
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#export-svg')]);
    expect(download.suggestedFilename()).toBe('example-result-map.svg');
    const path = await download.path();
    const svg = readFileSync(path, 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain(`seed ${result.parameters.seed}`);
  });

  it('reaches a concept with Tab and opens it with Enter', async () => {
    await w.page.keyboard.press('Escape');
    await w.page.focus('#rotation');
    let label: string | null = null;
    for (let k = 0; k < 40 && label === null; k++) {
      await w.page.keyboard.press('Tab');
      label = await w.page.evaluate(() => (document.activeElement?.matches('g.concept') ? (document.activeElement as SVGGElement).dataset.label ?? null : null));
    }
    expect(label).not.toBeNull();
    await w.page.keyboard.press('Enter');
    expect(await w.page.textContent('#concept-title')).toBe(label);
  });

  it('says in the concept panel how many blocks a concept codes between two mentions of its seed', async () => {
    const index = result.concepts.findIndex((c) => (c.learning?.chainBlocks ?? 0) > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const concept = result.concepts[index]!;
    await w.page.locator(`g.concept[data-index="${index}"]`).focus();
    await w.page.keyboard.press('Enter');
    expect(await w.page.textContent('#concept-title')).toBe(concept.label);
    expect(await w.page.textContent('#concept-chain')).toContain(`${concept.learning!.chainBlocks} block`);
    expect(await w.page.textContent('#concept-chain')).toContain(`at most ${concept.learning!.chainReach! + 1} blocks apart`);
  });

  it('says how often a concept stays with its theme, and lists each theme’s members that moved, from the stability report', async () => {
    const moving = result.concepts.findIndex((c) => c.themeStability !== undefined && c.themeStability < 0.5);
    expect(moving).toBeGreaterThanOrEqual(0);
    const concept = result.concepts[moving]!;
    await w.page.locator(`g.concept[data-index="${moving}"]`).focus();
    await w.page.keyboard.press('Enter');
    expect(await w.page.textContent('#concept-theme-stability')).toBe(
      `stays with its theme's other members ${(concept.themeStability! * 100).toFixed(0)}% of the time over the resamples (fragile)`,
    );
    await w.page.click('#tab-themes');
    const theme = result.themes[concept.theme]!;
    const border = theme.members.filter((m) => (result.concepts[m]!.themeStability ?? 1) < 0.5).map((m) => result.concepts[m]!.label);
    const item = w.page.locator('.theme-item', { has: w.page.locator('strong', { hasText: new RegExp(`^${theme.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    expect((await item.locator('.theme-border').textContent())!.split(': ')[1]!.split(', ').sort()).toEqual(border.sort());
    expect(await w.page.locator('.theme-border').count()).toBe(result.themes.filter((t) => t.members.some((m) => (result.concepts[m]!.themeStability ?? 1) < 0.5)).length);
    await w.page.click('#tab-concept');
  });

  it('shows the insight quadrant for a tag category', async () => {
    await w.page.click('#tab-insight');
    expect(await w.page.locator('svg.quadrant circle.q-dot').count()).toBeGreaterThan(0);
    await w.page.screenshot({ path: `${ARTIFACTS}/viewer-insight.png` });
  });

  it('moves a dragged concept and its theme circle without opening it', async () => {
    await w.page.keyboard.press('Escape');
    await w.page.click('#tab-themes');
    const target = await clickableConcept(w.page);
    const circles = await w.page.locator('circle.theme').evaluateAll((c) => c.map((e) => e.getAttribute('cx')! + e.getAttribute('r')!));
    await w.page.mouse.move(target.x, target.y);
    await w.page.mouse.down();
    await w.page.mouse.move(target.x + 30, target.y + 20, { steps: 4 });
    await w.page.mouse.move(target.x + 60, target.y + 40, { steps: 4 });
    await w.page.mouse.up();
    await w.page.waitForTimeout(100);
    const box = await w.page.locator(`g.concept[data-index="${target.index}"]`).boundingBox();
    expect(box!.x + box!.width / 2).toBeCloseTo(target.x + 60, -1);
    expect(box!.y + box!.height / 2).toBeCloseTo(target.y + 40, -1);
    // The theme circle is the smallest around its members: it moves when the dot leaves it, and always holds it.
    const theme = result.themes[result.concepts[target.index]!.theme];
    if (theme) {
      const held = await w.page.evaluate(
        ({ index, name }) => {
          const dot = document.querySelector<SVGGElement>(`g.concept[data-index="${index}"]`)!.getBoundingClientRect();
          const circle = Array.from(document.querySelectorAll<SVGCircleElement>('circle.theme')).find((c) => c.dataset.theme === name)!.getBoundingClientRect();
          const r = circle.width / 2;
          return Math.hypot(dot.x + dot.width / 2 - (circle.x + r), dot.y + dot.height / 2 - (circle.y + r)) <= r;
        },
        { index: target.index, name: theme.name },
      );
      expect(held).toBe(true);
    }
    const after = await w.page.locator('circle.theme').evaluateAll((c) => c.map((e) => e.getAttribute('cx')! + e.getAttribute('r')!));
    expect(after).toHaveLength(circles.length);
    expect(await w.page.locator('#concept-title').count()).toBe(0);
    await w.page.click('button[aria-label="Reset zoom and dragged concepts"]');
  });

  it('opens another result from the file picker, and names a file that is not a result', async () => {
    const other = `${ARTIFACTS}/fixture-result.json`;
    writeFileSync(other, JSON.stringify(makeFixtureResult()));
    writeFileSync(`${ARTIFACTS}/not-a-result.json`, '{"schemaVersion": 99}');
    await w.page.setInputFiles('#file-input', `${ARTIFACTS}/not-a-result.json`);
    await w.page.waitForSelector('#error:not([hidden])');
    expect(await w.page.textContent('#error')).toBe(`not-a-result.json: schemaVersion is 99, this viewer reads versions 3 to ${SCHEMA_VERSION}`);
    await w.page.setInputFiles('#file-input', other);
    await w.page.waitForFunction(() => document.getElementById('source')?.textContent === 'fixture-result.json');
    expect(await w.page.getAttribute('#status', 'data-concepts')).toBe('40');
    expect(await w.page.locator('#tab-compare').isVisible()).toBe(true);
    expect(await w.page.isHidden('#error')).toBe(true);
  });

  it('logged no console error and made no request outside file://', () => {
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    expect(w.dialogs).toEqual([]);
  });
});
