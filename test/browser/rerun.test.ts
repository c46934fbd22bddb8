/**
 * The re-run from the viewer under `leximap serve`: edits in the edit tab, "Re-run with these
 * edits", the new map opened with what changed listed, and the POST refused without the page's
 * token or from another origin.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeximapResult } from '@leximap/core';
import { run } from '../../apps/cli/src/program.ts';
import { startServer } from '../../apps/cli/src/commands/serve.ts';
import type { ServerHandle } from '../../apps/cli/src/commands/serve.ts';
import { launch, watchedPage } from './browser.ts';
import { ARTIFACTS, ROOT, prepare } from './prepare.ts';

prepare();
const dir = mkdtempSync(join(tmpdir(), 'leximap-rerun-'));
let server: ServerHandle;
let browser: Browser;
let before: LeximapResult;

function post(body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/api/rerun', method: 'POST', headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}

beforeAll(async () => {
  await run(['analyze', 'examples/interviews', '--exclude-speaker', 'Interviewer', '--codes', 'examples/coding/coded-segments.csv', '-o', join(dir, 'study'), '--quiet']);
  before = JSON.parse(readFileSync(join(dir, 'study', 'result.json'), 'utf8')) as LeximapResult;
  server = await startServer({ dir, port: 0 });
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('re-run from the viewer', () => {
  it('the result records its inputs relative to its folder', () => {
    const study = join(dir, 'study');
    expect(before.inputs).toEqual({ paths: [relative(study, `${ROOT}examples/interviews`)], options: { codes: relative(study, `${ROOT}examples/coding/coded-segments.csv`), 'exclude-speaker': ['Interviewer'] } });
  });

  it('refuses a POST without the page token, with a wrong one, or from another origin', async () => {
    const body = JSON.stringify({ result: 'study/result.json', seeds: '-*\n' });
    const html = await (await fetch(server.url)).text();
    const token = /name="leximap-token" content="([0-9a-f]+)"/.exec(html)![1]!;
    expect(await post(body, {})).toBe(403);
    expect(await post(body, { 'x-leximap-token': 'f'.repeat(token.length) })).toBe(403);
    expect(await post(body, { 'x-leximap-token': token, origin: 'http://evil.example' })).toBe(403);
    expect(await post(body, { 'x-leximap-token': token, host: 'evil.example' })).toBe(421);
    expect(await post(JSON.stringify({ result: '../outside/result.json', seeds: '' }), { 'x-leximap-token': token })).toBe(404);
    expect(readdirSync(dir)).toEqual(['study']);
  });

  it('renames and merges concepts, re-runs, and opens the new map with the changes listed', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(server.url);
    await w.page.waitForSelector('#status[data-concepts]');
    await w.page.click('#tab-edit');
    const labels = async (): Promise<string[]> => w.page.locator('#edit-table tbody tr').evaluateAll((r) => r.map((e) => (e as HTMLElement).dataset.label!));
    const shown = await labels();
    const [a, b, c] = [shown[2]!, shown[4]!, shown[5]!];
    await w.page.fill('#edit-label-2', `${a} renamed`);
    await w.page.press('#edit-label-2', 'Enter');
    await w.page.selectOption(`#edit-merge-${(await labels()).indexOf(b)}`, { label: c });
    const asked = await labels();
    // Polls held back a moment, so the progress line is seen while the re-run is under way.
    let release = (): void => {};
    const held = new Promise<void>((done) => (release = done));
    await w.page.route('**/api/rerun/*', async (route) => {
      await held;
      await route.continue();
    });
    await w.page.click('#rerun');
    // "starting…" until the server answers the POST, then the job's stage.
    await w.page.waitForFunction(() => /^(running: \w+…|reading the text: \d+ of \d+ files)$/.test(document.querySelector('#rerun-status')?.textContent ?? ''));
    expect(await w.page.locator('#rerun').isDisabled()).toBe(true);
    await w.page.screenshot({ path: `${ARTIFACTS}/rerun-progress.png` });
    release();
    await w.page.waitForSelector('#rerun-changes', { timeout: 60_000 });

    expect(await w.page.textContent('#source')).toContain('study-rerun-1/result.json');
    const changes = await w.page.locator('#rerun-changes li').allTextContents();
    expect(changes).toContain(`renamed ${a} → ${a} renamed`);
    expect(changes).toContain(`merged ${b} into ${c}`);
    expect(changes.filter((x) => x.startsWith('added ') || x.startsWith('removed '))).toEqual([]);
    // The map is the new result's: its concepts are the edited list.
    const after = JSON.parse(readFileSync(join(dir, 'study-rerun-1', 'result.json'), 'utf8')) as LeximapResult;
    const learned = after.concepts.filter((x) => x.kind !== 'tag').map((x) => x.label);
    expect([...learned].sort()).toEqual([...asked].sort());
    expect(await w.page.getAttribute('#status', 'data-concepts')).toBe(String(learned.length));
    expect(await labels()).toEqual(learned);
    // Themes named anew are listed as new, themes no longer there as gone; a theme named after a
    // concept that was renamed or merged is named after what the concept became.
    const was = new Set(before.themes.map((t) => (t.name === a ? `${a} renamed` : t.name === b ? c : t.name)));
    const now = new Set(after.themes.map((t) => t.name));
    expect(changes.filter((x) => x.startsWith('new theme '))).toEqual([...now].filter((n) => !was.has(n)).map((n) => `new theme ${n}`));
    expect(changes.filter((x) => / gone$/.test(x))).toEqual([...was].filter((n) => !now.has(n)).map((n) => `theme ${n} gone`));
    // The same inputs and options, with the seeds file written beside the new folder.
    expect(after.parameters.excludeSpeakers).toEqual(['Interviewer']);
    expect(after.comparison?.codes.length).toBe(before.comparison?.codes.length);
    expect(after.inputs!.options.seeds).toBe('../study-rerun-1.seeds.txt');
    const seeds = readFileSync(join(dir, 'study-rerun-1.seeds.txt'), 'utf8');
    expect(seeds).toContain(`#   renamed ${a} → ${a} renamed\n`);
    expect(seeds).toContain(`\n${a} renamed: `);
    expect(w.page.url()).toContain('result=study-rerun-1%2Fresult.json');
    expect(await w.page.locator('#served li').count()).toBe(2);
    await w.page.screenshot({ path: `${ARTIFACTS}/rerun.png` });
    expect(w.errors).toEqual([]);
    expect(w.outside).toEqual([]);
  }, 120_000);
});
