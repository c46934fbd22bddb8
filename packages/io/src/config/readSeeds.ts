/**
 * A `--seeds` file, one edit per line: `label: term, term` adds a concept with those seed terms,
 * `-term` keeps a term from becoming a seed (`-*`: no automatic seeds at all, the file's concepts
 * alone, as the viewer saves its edits), `=label` freezes a concept's thesaurus to its seeds.
 */
import type { SeedEdits } from '@leximap/core';
import { configLines, lineError, readConfigText } from './configLines.ts';

const NAME = /^[^:,=]+$/;
const EXPECTED = '"label: term, term", "-term" or "=label"';

/** Parses the text of a seeds file; `file` names it in errors. */
export function parseSeeds(text: string, file?: string): SeedEdits {
  const add = new Map<string, string[]>();
  const remove = new Set<string>();
  const freeze = new Set<string>();
  for (const line of configLines(text)) {
    const first = line.text[0];
    if (first === '-' || first === '=') {
      const name = line.text.slice(1).trim();
      if (!NAME.test(name)) throw lineError(file, line, EXPECTED);
      (first === '-' ? remove : freeze).add(name);
      continue;
    }
    const colon = line.text.indexOf(':');
    if (colon === -1) throw lineError(file, line, EXPECTED);
    const label = line.text.slice(0, colon).trim();
    const terms = line.text.slice(colon + 1).split(',').map((t) => t.trim());
    if (!NAME.test(label) || terms.some((t) => !NAME.test(t))) throw lineError(file, line, EXPECTED);
    const list = add.get(label) ?? [];
    for (const term of terms) if (!list.includes(term)) list.push(term);
    add.set(label, list);
  }
  return { add: [...add].map(([label, terms]) => ({ label, terms })), remove: [...remove], freeze: [...freeze] };
}

/** Reads and parses a seeds file. */
export async function readSeeds(path: string): Promise<SeedEdits> {
  return parseSeeds(await readConfigText(path), path);
}
