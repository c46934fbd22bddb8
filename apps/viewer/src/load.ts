/**
 * Where a result comes from: embedded in the page (the self-contained HTML export), served by
 * `leximap serve` (a listing at the URL in `<meta name="leximap-source">`), or a file the user
 * opens or drops. Results are checked for the fields the viewer reads before anything is drawn.
 */
import { SCHEMA_VERSION } from '@leximap/core';
import type { LeximapResult } from '@leximap/core';

export interface ServedResult {
  /** Path relative to the served folder. */
  path: string;
  /** URL the result is fetched from, relative to the page. */
  url: string;
  bytes: number;
}

/** The oldest result schema the viewer reads. */
const OLDEST_READ = 3;

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** The parsed result, or an error message naming what is wrong. */
export function checkResult(value: unknown): LeximapResult | string {
  if (typeof value !== 'object' || value === null) return 'the file is not a JSON object';
  const r = value as Partial<LeximapResult>;
  // Schema 4 only added optional fields to 3; older results lack the themes' presence graph.
  if (typeof r.schemaVersion !== 'number' || r.schemaVersion < OLDEST_READ || r.schemaVersion > SCHEMA_VERSION) {
    return `schemaVersion is ${JSON.stringify(r.schemaVersion)}, this viewer reads versions ${OLDEST_READ} to ${SCHEMA_VERSION}`;
  }
  if (!isArray(r.concepts) || r.concepts.length === 0) return 'the result has no concepts';
  if (!isArray(r.themes) || !isArray(r.documents) || !isArray(r.speakers)) return 'themes, documents or speakers are missing';
  if (!r.cooccurrence || !isArray(r.cooccurrence.a) || !isArray(r.cooccurrence.b) || !isArray(r.cooccurrence.count)) return 'co-occurrence is missing';
  if (!r.quotes || !isArray(r.quotes.pairs) || !isArray(r.quotes.excerpts)) return 'quotes are missing';
  if (!r.blocks || !isArray(r.blocks.document) || !isArray(r.blocks.start)) return 'blocks are missing';
  if (!r.parameters || typeof r.parameters.themeSize !== 'number') return 'parameters are missing';
  for (const c of r.concepts) {
    if (typeof c?.label !== 'string' || !Number.isFinite(c.x) || !Number.isFinite(c.y) || !isArray(c.quotes)) return 'a concept lacks its label, position or quotes';
  }
  return r as LeximapResult;
}

export function parseResult(text: string): LeximapResult | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  return checkResult(value);
}

/** The result embedded in the page by `renderHtml`, if any. */
export function embeddedResult(): LeximapResult | string | null {
  const script = document.getElementById('leximap-result');
  if (!script || !script.textContent) return null;
  return parseResult(script.textContent);
}

/** The listing URL `leximap serve` puts in the page, if any. */
export function servedListing(): string | null {
  return document.querySelector<HTMLMetaElement>('meta[name="leximap-source"]')?.content ?? null;
}

export async function fetchListing(url: string): Promise<ServedResult[]> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the server answered ${response.status} for ${url}`);
  return (await response.json()) as ServedResult[];
}

export async function fetchResult(url: string): Promise<LeximapResult | string> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) return `the server answered ${response.status}`;
  return parseResult(await response.text());
}

export async function readResultFile(file: File): Promise<LeximapResult | string> {
  return parseResult(await file.text());
}
