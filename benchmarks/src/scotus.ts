/**
 * Reader of the Oyez Supreme Court transcripts in `../shared/data/corpora/scotus-oyez/`
 * (gzipped JSONL, one transcript per line, see that folder's README): streams them as
 * transcripts with one `Speaker: text` line per turn, never holding more than one transcript.
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The folder of the corpus, relative to the repository root. */
export const SCOTUS_DIR = resolve(import.meta.dirname, '../../../shared/data/corpora/scotus-oyez');

/** The decade files, in the order the cumulative benchmark sizes add them (8.5, 15.8, 22.8, 27.3 M words). */
export const SCOTUS_FILES = [
  'scotus-oyez-1990-1999.jsonl.gz',
  'scotus-oyez-2000-2009.jsonl.gz',
  'scotus-oyez-2010-2019.jsonl.gz',
  'scotus-oyez-2020-2025.jsonl.gz',
] as const;

export function scotusAvailable(): boolean {
  return SCOTUS_FILES.every((f) => existsSync(join(SCOTUS_DIR, f)));
}

interface Turn {
  speaker: string | null;
  text: string;
}

interface Transcript {
  id: string;
  turns: Turn[];
}

/** A transcript as a text file would hold it. */
export interface TranscriptText {
  id: string;
  text: string;
  /** Whitespace-separated words of the turns (without the speaker markers), as the corpus README counts them. */
  words: number;
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv|esq)\.?$/i;

/**
 * A speaker marker the transcript reader accepts (one to three capitalised words): commas,
 * suffixes and middle initials go ("John G. Roberts, Jr." → "John Roberts").
 */
export function speakerLabel(name: string | null): string {
  if (!name) return 'Unknown';
  const words = name
    .replace(/[,:]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !SUFFIX.test(w) && !/^\p{Lu}\.?$/u.test(w))
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((w) => /^[\p{Lu}\p{Nd}]/u.test(w));
  if (words.length === 0) return 'Unknown';
  return words.length <= 3 ? words.join(' ') : `${words[0]} ${words[words.length - 1]}`;
}

/** Streams the transcripts of one gzipped JSONL file. */
export async function* readScotus(file: string): AsyncGenerator<TranscriptText> {
  const lines = createInterface({ input: createReadStream(join(SCOTUS_DIR, file)).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    const t = JSON.parse(line) as Transcript;
    if (t.turns.length === 0) continue;
    let words = 0;
    for (const turn of t.turns) words += countWords(turn.text);
    yield { id: t.id, text: t.turns.map((turn) => `${speakerLabel(turn.speaker)}: ${turn.text}`).join('\n') + '\n', words };
  }
}

/**
 * Writes the transcripts of `file` as `.txt` files into `folder` (outside the repository), so the
 * benchmark runs the real file path end to end. Returns the number of whitespace-separated words.
 */
export async function writeScotus(file: string, folder: string): Promise<{ files: number; words: number }> {
  await mkdir(folder, { recursive: true });
  let files = 0;
  let words = 0;
  for await (const t of readScotus(file)) {
    await writeFile(join(folder, `${t.id.replace(/[^\w.-]/g, '_')}.txt`), t.text);
    files++;
    words += t.words;
  }
  return { files, words };
}

/** Whitespace-separated tokens, the unit the corpus README counts. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const white = c === 32 || c === 10 || c === 9 || c === 13;
    if (!white && !inWord) n++;
    inWord = !white;
  }
  return n;
}
