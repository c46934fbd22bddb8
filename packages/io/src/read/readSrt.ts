/**
 * Reads a SubRip file (`.srt`) with `srt-parser-2` as one transcript document (see
 * `cuesToDocument`). SRT has no voices: a speaker comes from a marker at the start of a cue
 * (`MARIA: …`). Formatting tags (`<i>`, `<font …>`) are dropped from the text.
 */
import type { Document } from '@leximap/core';
import SrtParser from 'srt-parser-2';
import { cuesToDocument } from './cuesToDocument.ts';
import { decodeTextDetailed } from './decodeText.ts';
import type { SourceFile } from './SourceFile.ts';

const TAG = /<\/?[a-z][^>]{0,200}>|\{\\[^}]{0,200}\}/gi;

export async function readSrt(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const { text, encoding } = decodeTextDetailed(bytes, source.path);
  const lines = new SrtParser().fromSrt(text);
  return [cuesToDocument(lines.map((line) => ({ time: line.startTime, text: line.text.replace(TAG, '') })), source, 'SubRip (.srt)', encoding)];
}
