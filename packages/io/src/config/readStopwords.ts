/**
 * A `--stopwords` file: one word (or fixed phrase, like `kind of`) per line, `#` comments; a line
 * `-word` takes the word off the stop list instead.
 */
import { configLines, lineError, readConfigText } from './configLines.ts';

/** Words to add to and remove from the stop list. */
export interface StopwordEdits {
  /** Words and phrases added to the stop list (`AnalysisOptions.stopwords`). */
  add: string[];
  /** Words taken off the stop list (`AnalysisOptions.keepwords`). */
  remove: string[];
}

const WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_.\-]*(?: [\p{L}\p{N}][\p{L}\p{M}\p{N}'’_.\-]*)*$/u;
const EXPECTED = 'one word per line, or -word to keep a word';

/** Parses the text of a stop-word file; `file` names it in errors. */
export function parseStopwords(text: string, file?: string): StopwordEdits {
  const add = new Set<string>();
  const remove = new Set<string>();
  for (const line of configLines(text)) {
    const keep = line.text.startsWith('-');
    const word = keep ? line.text.slice(1).trim() : line.text;
    if (!WORD.test(word)) throw lineError(file, line, EXPECTED);
    (keep ? remove : add).add(word);
  }
  return { add: [...add], remove: [...remove] };
}

/** Reads and parses a stop-word file. */
export async function readStopwords(path: string): Promise<StopwordEdits> {
  return parseStopwords(await readConfigText(path), path);
}
