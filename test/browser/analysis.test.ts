/**
 * The analysis loop in the viewer, on the example interviews analysed with their manual codes:
 * quotes in context, search and concordance, editing (with the round trip through
 * `leximap analyze --seeds`), group comparison, the map for reports, and the view in the URL.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { renderHtml } from '@leximap/render';
import { launch, watchedPage } from './browser.ts';
import type { Watched } from './browser.ts';
import { ARTIFACTS, ROOT, prepare } from './prepare.ts';

prepare();
const CODED = `${ARTIFACTS}/example-codes/result.json`;
const ANALYZE = ['--import', 'tsx', 'apps/cli/src/main.ts', 'analyze', 'examples/interviews', '--exclude-speaker', 'Interviewer', '--quiet'];
if (!existsSync(CODED)) {
  execFileSync(process.execPath, [...ANALYZE, '--codes', 'examples/coding/coded-segments.csv', '-o', 'test/artifacts/example-codes'], { cwd: ROOT, stdio: 'inherit' });
}
const result = JSON.parse(readFileSync(CODED, 'utf8')) as LeximapResult;
const PAGE = `${ARTIFACTS}/analysis.html`;
const learned = result.concepts.map((c, i) => ({ c, i })).filter((x) => x.c.kind !== 'tag');

/** Blocks of learned concept `i`, ascending, from the result's coding. */
function blocksOf(i: number): number[] {
  const out: number[] = [];
  const { conceptStarts, concepts } = result.blocks;
  for (let b = 0; b + 1 < conceptStarts.length; b++) for (let p = conceptStarts[b]!; p < conceptStarts[b + 1]!; p++) if (concepts[p] === i) out.push(b);
  return out;
}

function textOf(block: number): string | undefined {
  const e = result.quotes.excerpts.find((x) => x.block === block);
  if (e) return e.text;
  const k = result.context!.blocks.indexOf(block);
  return k >= 0 ? result.context!.text[k] : undefined;
}

let browser: Browser;
let w: Watched;

async function open(page: Page, hash = ''): Promise<void> {
  // Through about:blank: a goto that changes only the fragment would not load the page again.
  await page.goto('about:blank');
  await page.goto(`file://${PAGE}${hash}`);
  await page.waitForSelector('#status[data-concepts]');
}

/** Opens concept `i` through its button in the themes list. */
async function selectConcept(page: Page, i: number): Promise<void> {
  await page.click('#tab-themes');
  await page.click(`.theme-list .concept-link >> text="${result.concepts[i]!.label}"`);
  await page.waitForSelector('#concept-title');
}

beforeAll(async () => {
  writeFileSync(PAGE, renderHtml(result, { name: 'example-codes/result.json' }));
  browser = await launch();
  w = await watchedPage(browser, { width: 1400, height: 900 });
  await open(w.page);
});

afterAll(async () => {
  await browser?.close();
});

describe('the result behind the viewer', () => {
  it('keeps the text of every block of the small example, the corpus name as title, and the code tags’ blocks', () => {
    expect(result.context!.window).toBe(-1);
    expect(result.context!.blocks.length + result.quotes.excerpts.length).toBe(result.corpus.blocks);
    expect(result.title).toBe('interviews');
    const codes = result.concepts.filter((c) => c.kind === 'tag' && c.category === 'code');
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c.blocks!.length).toBeGreaterThan(0);
  });
});

describe('1. quotes in context', () => {
  const top = learned[0]!;
  it('opens a clicked quote among the turns around it, its terms marked, and steps through every block of the concept', async () => {
    await selectConcept(w.page, top.i);
    const first = top.c.quotes[0]!;
    await w.page.click(`#panel li.quote[data-block="${first}"] .open-context`);
    expect(await w.page.textContent('#context-title')).toBe(top.c.label);
    const all = blocksOf(top.i);
    expect(all.length).toBe(top.c.count);
    const at = all.indexOf(first);
    expect(await w.page.textContent('#context-position')).toBe(`${at + 1} of ${all.length}`);
    const focus = w.page.locator('li.turn.focus');
    expect(await focus.getAttribute('data-block')).toBe(String(first));
    expect(await focus.locator('p').textContent()).toBe(textOf(first));
    expect(await focus.locator('mark').count()).toBeGreaterThan(0);
    const turns = await w.page.locator('li.turn').evaluateAll((l) => l.map((e) => Number((e as HTMLElement).dataset.block)));
    const doc = result.documents[result.blocks.document[first]!]!;
    expect(turns).toEqual(Array.from({ length: Math.min(doc.blockEnd - 1, first + 3) - Math.max(doc.blockStart, first - 3) + 1 }, (_, k) => Math.max(doc.blockStart, first - 3) + k));
    const speakers = await w.page.locator('li.turn .speaker').allTextContents();
    expect(speakers.some((s) => result.speakers.includes(s))).toBe(true);
    await w.page.screenshot({ path: `${ARTIFACTS}/analysis-context.png` });

    await w.page.click('#context-next');
    const next = all[Math.min(at + 1, all.length - 1)]!;
    expect(await w.page.locator('li.turn.focus').getAttribute('data-block')).toBe(String(next));
    await w.page.click('#context-back');
    expect(await w.page.textContent('#concept-title')).toBe(top.c.label);
    await w.page.click('#context-all');
    expect(await w.page.textContent('#context-position')).toBe(`1 of ${all.length}`);
    expect(await w.page.locator('li.turn.focus').getAttribute('data-block')).toBe(String(all[0]));
  });

  it('says how many of a concept\'s blocks its thesaurus coded without the seed, and how many of them next to a block that names it', async () => {
    const withContext = learned.find((x) => (x.c.learning?.contextBlocks ?? 0) > 1)!;
    await open(w.page, `#tab=concept&c=${withContext.i}`);
    const { evidenceBlocks, contextBlocks } = withContext.c.learning!;
    expect(await w.page.textContent('#concept-evidence')).toBe(`${evidenceBlocks} blocks coded by its thesaurus without its seed · ${contextBlocks} of these next to a block that names it, on less evidence`);
    const seedOnly = learned.find((x) => x.c.learning?.evidenceBlocks === 0)!;
    await open(w.page, `#tab=concept&c=${seedOnly.i}`);
    expect(await w.page.locator('#concept-evidence').count()).toBe(0);
  });

  it('counts a concept\'s iterations and thesaurus terms in the singular when there is one', async () => {
    const once = learned.find((x) => x.c.learning?.iterations === 1)!;
    await open(w.page, `#tab=concept&c=${once.i}`);
    expect(await w.page.locator('.concept-panel p.facts').first().textContent()).toContain('· learned in 1 iteration');
    expect(await w.page.locator('.concept-panel p.facts').first().textContent()).not.toContain('1 iterations');
    const terms = once.c.thesaurus.length;
    expect(await w.page.locator('.concept-panel details summary').first().textContent()).toBe(`Thesaurus (${terms} ${terms === 1 ? 'term' : 'terms'})`);
  });

  it('shows the manual codes on the turns that carry them', async () => {
    const code = result.concepts.findIndex((c) => c.kind === 'tag' && c.category === 'code');
    const block = result.concepts[code]!.blocks![0]!;
    await open(w.page, `#tab=concept&c=${code}&b=${block}`);
    const chips = await w.page.locator(`li.turn[data-block="${block}"] .code-chip`).allTextContents();
    expect(chips).toContain(result.concepts[code]!.label);
    const codedElsewhere = result.concepts.filter((c) => c.category === 'code' && c.blocks!.includes(block)).map((c) => c.label);
    expect(chips.sort()).toEqual(codedElsewhere.sort());
  });

  it('gives a tag (a speaker) quotes of its own, each a block of that speaker', async () => {
    const tag = result.concepts.findIndex((c) => c.kind === 'tag' && c.category === 'speaker');
    await open(w.page, `#tab=concept&c=${tag}`);
    const speaker = result.speakers.indexOf(result.concepts[tag]!.label);
    const quotes = await w.page.locator('#panel li.quote').evaluateAll((l) => l.map((e) => Number((e as HTMLElement).dataset.block)));
    expect(quotes.length).toBe(10);
    for (const b of quotes) expect(result.blocks.speaker[b]).toBe(speaker);
    expect(await w.page.locator('#panel li.quote blockquote em').count()).toBe(0);
  });
});

describe('2. search and concordance', () => {
  it('finds concepts by a thesaurus term and lists every occurrence of a word in context, sortable, as CSV', async () => {
    await open(w.page);
    const word = 'mentor';
    await w.page.fill('#search', word);
    expect(await w.page.getAttribute('#tab-search', 'aria-selected')).toBe('true');
    const hits = await w.page.locator('#concept-hits .concept-link').allTextContents();
    const expected = result.concepts.filter((c) => c.label.toLowerCase().includes(word) || c.thesaurus.some((t) => t.term.toLowerCase().includes(word))).map((c) => c.label);
    expect(hits).toEqual(expected);
    const pattern = /(?<![\p{L}\p{N}])mentor(?:s|es|ed|ing)?(?![\p{L}\p{N}])/giu;
    let total = 0;
    for (let b = 0; b < result.corpus.blocks; b++) total += [...(textOf(b) ?? '').matchAll(pattern)].length;
    expect(total).toBeGreaterThan(3);
    expect(await w.page.textContent('#kwic-summary')).toMatch(new RegExp(`^${total} occurrences of “mentor”`));
    expect(await w.page.locator('#kwic tbody tr').count()).toBe(total);
    const keys = await w.page.locator('#kwic .kwic-key').allTextContents();
    for (const k of keys) expect(k.toLowerCase()).toMatch(/^mentor/);

    await w.page.click('button.sort[data-sort="right"]');
    const rights = await w.page.locator('#kwic td.kwic-right').allTextContents();
    const words = rights.map((r) => r.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' '));
    expect(words).toEqual([...words].sort(new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare));
    await w.page.click('button.sort[data-sort="document"]');
    const docs = await w.page.locator('#kwic td.kwic-doc').allTextContents();
    expect(docs).toEqual([...docs].sort(new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare));
    await w.page.screenshot({ path: `${ARTIFACTS}/analysis-concordance.png` });

    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#kwic-csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFdocument,speaker,block,left,keyword,right\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(total + 1);

    await w.page.click('#kwic tbody tr >> nth=0');
    expect(await w.page.textContent('#context-title')).toBe('“mentor” in context');
    expect((await w.page.locator('li.turn.focus mark').first().textContent())!.toLowerCase()).toMatch(/^mentor/);
  });

  it('lists a concept’s concordance over all its terms', async () => {
    const top = learned[0]!;
    await selectConcept(w.page, top.i);
    await w.page.click('#concordance');
    expect(await w.page.textContent('#kwic-summary')).toContain(`the ${top.c.thesaurus.length + 1} terms of ${top.c.label}`);
    expect(await w.page.locator('#kwic tbody tr').count()).toBeGreaterThan(top.c.count * 0.5);
  });
});

describe('3. editing', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'leximap-edit-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renames, merges, deletes and adds concepts and renames a theme; the seeds file it saves gives those concepts when analyze runs with it', async () => {
    await open(w.page, '#tab=edit');
    const labels = async (): Promise<string[]> => w.page.locator('#edit-table tbody tr').evaluateAll((r) => r.map((e) => (e as HTMLElement).dataset.label!));
    const before = await labels();
    expect(before).toEqual(learned.map((x) => x.c.label));
    const [a, b, c, d] = [before[3]!, before[5]!, before[6]!, before[before.length - 1]!];
    // rename
    await w.page.fill('#edit-label-3', `${a} (renamed)`);
    await w.page.press('#edit-label-3', 'Enter');
    // merge b into c
    const bi = (await labels()).indexOf(b);
    await w.page.selectOption(`#edit-merge-${bi}`, { label: c });
    // delete d
    await w.page.click(`#edit-delete-${(await labels()).indexOf(d)}`);
    // add a concept from seed words
    const taken = learned.flatMap((x) => x.c.seeds)[0]!;
    await w.page.fill('#add-label', 'funding');
    await w.page.fill('#add-seeds', `money, ${taken}`);
    await w.page.click('#add-concept');
    expect(await w.page.textContent('#edit-error')).toContain(`“${taken}” is already a seed of`);
    await w.page.fill('#add-seeds', 'money, salary');
    await w.page.click('#add-concept');
    // rename the top theme whose concept was not edited above
    const theme = result.themes.find((t) => ![a, b, c, d].includes(t.name))!;
    await w.page.fill(`#theme-name-${theme.parent}`, 'the people');
    await w.page.press(`#theme-name-${theme.parent}`, 'Enter');
    // a bad label is refused with a reason
    await w.page.fill('#add-label', 'a: b');
    await w.page.fill('#add-seeds', 'x');
    await w.page.click('#add-concept');
    expect(await w.page.textContent('#edit-error')).toContain('holds one of : , = #');

    const shown = await labels();
    expect(shown).toContain(`${a} (renamed)`);
    expect(shown).not.toContain(a);
    expect(shown).not.toContain(b);
    expect(shown).not.toContain(d);
    expect(shown).toContain('the people');
    expect(shown.at(-1)).toBe('funding');
    expect(shown).toHaveLength(before.length - 2 + 1);
    expect(await w.page.locator('#edit-log li').allTextContents()).toEqual([`renamed ${a} → ${a} (renamed)`, `merged ${b} into ${c}`, `deleted ${d}`, 'added funding (money, salary)', `renamed theme ${theme.name} → the people`]);
    await w.page.screenshot({ path: `${ARTIFACTS}/analysis-edit.png` });

    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#seeds-download')]);
    expect(download.suggestedFilename()).toBe('leximap-seeds.txt');
    const file = join(dir, 'leximap-seeds.txt');
    writeFileSync(file, readFileSync((await download.path())!, 'utf8'));
    expect(readFileSync(file, 'utf8')).toBe(await w.page.textContent('#seeds-file'));
    // A page opened from a file cannot re-run: it says where to, and keeps the download.
    expect(await w.page.locator('#rerun').count()).toBe(0);
    expect(await w.page.textContent('#rerun-static')).toContain('needs leximap serve FOLDER');
    expect(await w.page.textContent('#rerun-command')).toBe('leximap analyze PATH... --seeds leximap-seeds.txt --exclude-speaker Interviewer');

    execFileSync(process.execPath, [...ANALYZE, '--seeds', file, '-o', join(dir, 'out')], { cwd: ROOT, stdio: 'inherit' });
    const rerun = JSON.parse(readFileSync(join(dir, 'out', 'result.json'), 'utf8')) as LeximapResult;
    const rerunLabels = rerun.concepts.filter((x) => x.kind !== 'tag').map((x) => x.label);
    expect([...rerunLabels].sort()).toEqual([...shown].sort());
    // An untouched concept is learned again from the same seed into the same blocks (its presence:
    // which of the blocks it codes on evidence alone it keeps depends on the other concepts).
    const kept = learned.find((x) => x.c.label === before[1])!;
    const again = rerun.concepts.findIndex((x) => x.label === kept.c.label);
    expect(rerun.themeGraph!.presence[again]).toBe(result.themeGraph!.presence[kept.i]);
    // The renamed theme's parent keeps its new name as a theme.
    expect(rerun.themes.map((t) => t.name)).toContain('the people');
  }, 120_000);
});

describe('4. group comparison', () => {
  it('compares the two folders concept by concept and draws the concepts × folders matrix, both as CSV', async () => {
    await open(w.page, '#tab=groups');
    const folders = result.concepts.map((c, i) => ({ c, i })).filter((x) => x.c.category === 'folder');
    expect(folders.length).toBeGreaterThanOrEqual(2);
    expect(Number(await w.page.inputValue('#group-a'))).toBe(folders[0]!.i);
    expect(Number(await w.page.inputValue('#group-b'))).toBe(folders[1]!.i);
    const rows = w.page.locator('#groups-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    const firstConcept = Number(await rows.first().getAttribute('data-concept'));
    const together = (c: number, t: number): number => {
      const { a, b, count } = result.cooccurrence;
      for (let k = 0; k < a.length; k++) if ((a[k] === c && b[k] === t) || (a[k] === t && b[k] === c)) return count[k]!;
      return 0;
    };
    const nA = result.concepts[folders[0]!.i]!.count;
    const cell = await rows.first().locator('td').nth(1).textContent();
    expect(cell).toBe(`${together(firstConcept, folders[0]!.i)} · ${Math.round((100 * together(firstConcept, folders[0]!.i)) / nA)}%`);
    const over = await w.page.locator('#groups-table tbody tr[data-over="A"], #groups-table tbody tr[data-over="B"]').count();
    expect(over).toBeGreaterThan(0);
    await w.page.screenshot({ path: `${ARTIFACTS}/analysis-groups.png` });

    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#groups-csv')]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toContain('difference,low 95%,high 95%,z,p,q (BH)');
    expect(csv).toHaveLength((await rows.count()) + 1);

    expect(await w.page.inputValue('#matrix-category')).toBe('folder');
    expect(await w.page.locator('#matrix thead th.code-head').count()).toBe(folders.length);
    expect(await w.page.locator('#matrix tbody tr').count()).toBe(learned.length);
    await w.page.selectOption('#matrix-category', 'speaker');
    const speakers = result.concepts.filter((c) => c.category === 'speaker').length;
    expect(await w.page.locator('#matrix thead th.code-head').count()).toBe(speakers);
    const [matrix] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#matrix-csv')]);
    const lines = readFileSync((await matrix.path())!, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(learned.length + 2);
    expect(lines[1]!.split(',').slice(1).map(Number)).toEqual(result.concepts.filter((c) => c.category === 'speaker').map((c) => c.count));
  });
});

describe('5. a map for reports', () => {
  it('exports the map under the corpus name, and names every concept with “label all”', async () => {
    await open(w.page);
    expect(await w.page.title()).toBe('leximap — interviews');
    const svgOf = async (): Promise<string> => {
      const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#export-svg')]);
      return readFileSync((await download.path())!, 'utf8');
    };
    await w.page.click('#tab-edit');
    const fit = await svgOf();
    expect(fit).toContain('<title id="map-title">interviews</title>');
    const named = (svg: string): Set<string> => new Set([...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!));
    const missing = learned.filter((x) => !named(fit).has(x.c.label.replace(/&/g, '&amp;')));
    await w.page.check('#label-all');
    const all = await svgOf();
    for (const x of learned) expect(named(all).has(x.c.label.replace(/&/g, '&amp;'))).toBe(true);
    expect(missing.length === 0 || named(all).size > named(fit).size).toBe(true);
    await w.page.uncheck('#label-all');
  });

  it('draws each theme’s name beside its parent concept’s dot', async () => {
    await w.page.click('#tab-themes');
    const far = await w.page.evaluate(() => {
      const out: number[] = [];
      for (const label of Array.from(document.querySelectorAll<SVGTextElement>('text.theme-label'))) {
        const box = label.getBoundingClientRect();
        const dot = document.querySelector<SVGGElement>(`g.concept[data-label="${CSS.escape(label.textContent!)}"]`);
        if (!dot) continue;
        const d = dot.getBoundingClientRect();
        const cx = d.x + d.width / 2;
        const cy = d.y + d.height / 2;
        out.push(Math.max(box.x - cx, cx - (box.x + box.width), box.y - cy, cy - (box.y + box.height), 0));
      }
      return out;
    });
    expect(far.length).toBe(result.themes.length);
    for (const gap of far) expect(gap).toBeLessThan(40);
    await w.page.screenshot({ path: `${ARTIFACTS}/analysis-map.png` });
  });
});

describe('6. state in the URL', () => {
  it('writes the concept, sliders, overlays and tab to the URL, and a fresh page opened at that URL shows the same view', async () => {
    await open(w.page);
    const top = learned[0]!;
    await selectConcept(w.page, top.i);
    await w.page.focus('#visible');
    for (let k = 0; k < 10; k++) await w.page.keyboard.press('ArrowLeft');
    await w.page.focus('#rotation');
    for (let k = 0; k < 3; k++) await w.page.keyboard.press('ArrowRight');
    await w.page.check('#tag-folder');
    const url = w.page.url();
    const hash = new URL(url).hash;
    expect(hash).toContain(`c=${top.i}`);
    expect(hash).toContain('v=90');
    expect(hash).toContain('rot=15');
    const shownAtFirst = ['speaker', 'code'].filter((k) => { const n = result.concepts.filter((c) => c.category === k).length; return n > 0 && n <= 20; });
    expect(hash).toContain(`tags=${encodeURIComponent([...shownAtFirst, 'folder'].join(','))}`);
    expect(hash).toContain('tab=concept');
    const concepts = await w.page.getAttribute('#status', 'data-concepts');

    const fresh = await watchedPage(browser, { width: 1400, height: 900 });
    await fresh.page.goto(url);
    await fresh.page.waitForSelector('#concept-title');
    expect(await fresh.page.textContent('#concept-title')).toBe(top.c.label);
    expect(await fresh.page.inputValue('#visible')).toBe('90');
    expect(await fresh.page.inputValue('#rotation')).toBe('15');
    expect(await fresh.page.isChecked('#tag-folder')).toBe(true);
    expect(await fresh.page.getAttribute('#status', 'data-concepts')).toBe(concepts);
    expect(await fresh.page.locator('g.concept.selected').getAttribute('data-index')).toBe(String(top.i));
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
  });

  it('restores a search and the group tab from the URL', async () => {
    await open(w.page, '#tab=search&q=mentor');
    expect(await w.page.inputValue('#search')).toBe('mentor');
    expect(await w.page.locator('#kwic tbody tr').count()).toBeGreaterThan(0);
    await open(w.page, '#tab=nonsense&c=99999&v=abc');
    expect(await w.page.getAttribute('#tab-themes', 'aria-selected')).toBe('true');
  });

  it('logged no console error and made no request outside file://', () => {
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
    expect(w.dialogs).toEqual([]);
  });
});
