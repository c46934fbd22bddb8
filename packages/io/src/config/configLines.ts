/**
 * The lines of a small configuration file (stop words, merges, seeds): decoded as strict UTF-8,
 * `#` starts a comment, blank lines are skipped, each line keeps its 1-based number for errors.
 */
import { LeximapError } from '@leximap/core';
import { decodeText } from '../read/decodeText.ts';
import { readBytes } from '../read/readBytes.ts';

export interface ConfigLine {
  /** 1-based line number. */
  line: number;
  /** The line without its comment, trimmed, whitespace runs collapsed to one space. */
  text: string;
}

export function configLines(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const content = (hash === -1 ? raw : raw.slice(0, hash)).trim().replace(/\s+/g, ' ');
    if (content !== '') lines.push({ line: i + 1, text: content });
  });
  return lines;
}

/** Reads a configuration file as text; a missing file is `E_NOT_FOUND`. */
export async function readConfigText(path: string): Promise<string> {
  return decodeText(await readBytes(path), path);
}

/** `E_PARSE` naming the file and line, quoting the line, saying what was expected. */
export function lineError(file: string | undefined, line: ConfigLine, expected: string): LeximapError {
  const where = file === undefined ? {} : { file };
  return new LeximapError('E_PARSE', `line ${line.line}: got ${JSON.stringify(line.text)}, expected ${expected}`, where);
}
