/**
 * The ParlaMint samples (../shared/data/corpora/parlamint, see its README) as a Corpus: one
 * document per sitting, one paragraph per speech — the text after the speech ID and its tab — with
 * the speaker's name from the sitting's `-meta.tsv` where there is one.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus, Document, Paragraph } from '@leximap/core';

export const PARLAMINT = resolve(import.meta.dirname, '../../../shared/data/corpora/parlamint');

/** Speaker name and party of each speech ID in a sitting's meta table. */
function readMeta(path: string): Map<string, { name: string; party: string }> {
  const speakers = new Map<string, { name: string; party: string }>();
  if (!existsSync(path)) return speakers;
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  const columns = header!.split('\t');
  const id = columns.indexOf('ID');
  const name = columns.indexOf('Speaker_name');
  const party = columns.indexOf('Speaker_party');
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[id]) speakers.set(cells[id]!, { name: cells[name] ?? '', party: cells[party] ?? '' });
  }
  return speakers;
}

/** The sittings of one folder (`DK`, `ES`, `IL`). */
export function readParlamint(folder: string): Corpus {
  const dir = resolve(PARLAMINT, folder);
  const documents: Document[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(resolve(dir, file), 'utf8');
    const meta = readMeta(resolve(dir, file.replace(/\.txt$/, '-meta.tsv')));
    const paragraphs: Paragraph[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab >= 0 && line.length > tab + 1) {
        const speaker = meta.get(line.slice(0, tab))?.name;
        paragraphs.push({ start: at + tab + 1, end: at + line.length, ...(speaker ? { speaker } : {}) });
      }
      at += line.length + 1;
    }
    documents.push({ id: `${folder}/${file}`, name: file.replace(/\.txt$/, ''), tags: [], text, paragraphs });
  }
  return { documents };
}
