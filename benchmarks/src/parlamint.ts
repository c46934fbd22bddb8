/**
 * The ParlaMint samples in `../shared/data/corpora/parlamint/` (Danish, Spanish, Hebrew; see its
 * README) as a benchmark corpus of a language other than English: the speeches of one folder, IDs
 * dropped, one per paragraph, its sittings written again and again (`-copy-N`) until the corpus
 * has about the words asked for. The speeches repeat, so the vocabulary stays that of the sample;
 * the text stage, which the benchmark compares with English, reads every word anew.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const PARLAMINT_DIR = resolve(import.meta.dirname, '../../../shared/data/corpora/parlamint');

export function parlamintAvailable(): boolean {
  return existsSync(PARLAMINT_DIR);
}

/** Writes folder `XX` (DK, ES, IL) as about `words` words of .txt files into `out`. */
export async function writeParlamint(folder: string, out: string, words: number): Promise<{ files: number; words: number }> {
  const dir = join(PARLAMINT_DIR, folder);
  const sittings = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const speeches = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .map((line) => line.slice(line.indexOf('\t') + 1).trim())
        .filter((text) => text.length > 0);
      return { name: f.replace(/\.txt$/, ''), text: speeches.join('\n\n'), words: speeches.join(' ').match(/\p{L}+/gu)?.length ?? 0 };
    });
  await mkdir(out, { recursive: true });
  let written = 0;
  let files = 0;
  for (let copy = 0; written < words; copy++) {
    for (const s of sittings) {
      await writeFile(join(out, `${s.name}-copy-${copy}.txt`), s.text);
      written += s.words;
      files++;
    }
  }
  return { files, words: written };
}
