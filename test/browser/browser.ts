/**
 * Launches Debian's chromium through playwright-core (no browser download) and watches a page:
 * console errors, page errors, dialogs (an `alert` means escaping failed) and every request
 * that leaves file:// or 127.0.0.1.
 */
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.LEXIMAP_CHROMIUM ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set LEXIMAP_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export interface Watched {
  page: Page;
  errors: string[];
  outside: string[];
  dialogs: string[];
}

export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const outside: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(file:|data:|blob:|http:\/\/127\.0\.0\.1[:/])/.test(url)) outside.push(url);
  });
  return { page, errors, outside, dialogs };
}
