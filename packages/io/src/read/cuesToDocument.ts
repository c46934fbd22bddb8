/**
 * Subtitle cues → one transcript document (WebVTT and SRT share it). What a QDA tool shows of a
 * subtitle file is the text of its cues, not the header, cue numbers or timing lines (MAXQDA and
 * ATLAS.ti import them as transcripts with time marks); so the document text is that transcript,
 * one turn per paragraph, written `Speaker: text` and separated by blank lines, and every offset
 * points into it.
 *
 * A cue's speaker is its WebVTT voice (`<v Maria>`), else a speaker marker at the start of its
 * text (`Maria: …`, as Zoom writes it, in any layout `parseParagraphs` reads). Consecutive cues
 * of the same speaker, and cues without a speaker after them, are one turn: their texts are
 * joined with spaces, so a sentence cut between two cues stays one sentence. A turn's `time` is
 * its first cue's start, as the file writes it.
 */
import { LeximapError, type Document, type Paragraph } from '@leximap/core';
import { parseParagraphs } from './parseParagraphs.ts';
import type { SourceFile } from './SourceFile.ts';

/** One cue: its start as written, its voice when the format has one, its text without tags. */
export interface Cue {
  time: string;
  voice?: string;
  text: string;
}

/** Builds the document of `cues`; `format` names the file type in the error for a file without cues. */
export function cuesToDocument(cues: readonly Cue[], source: SourceFile, format: string, encoding?: string): Document {
  const turns: { speaker?: string; time: string; parts: string[] }[] = [];
  for (const cue of cues) {
    let text = cue.text.replace(/\s+/g, ' ').trim();
    let speaker = cue.voice?.trim() || undefined;
    if (speaker === undefined) {
      const [marker] = parseParagraphs(text);
      if (marker?.speaker !== undefined) {
        speaker = marker.speaker;
        text = text.slice(marker.start);
      }
    }
    if (text === '') continue;
    const last = turns[turns.length - 1];
    if (last !== undefined && (speaker === undefined || speaker === last.speaker)) last.parts.push(text);
    else turns.push(speaker === undefined ? { time: cue.time, parts: [text] } : { speaker, time: cue.time, parts: [text] });
  }
  if (turns.length === 0) {
    throw new LeximapError('E_PARSE', `has no ${format} cues with text; check that it is a ${format} file (cues of a timing line and text)`, { file: source.path });
  }
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const turn of turns) {
    if (text !== '') text += '\n\n';
    if (turn.speaker !== undefined) text += `${turn.speaker}: `;
    const start = text.length;
    text += turn.parts.join(' ');
    const p: Paragraph = { start, end: text.length, time: turn.time };
    if (turn.speaker !== undefined) p.speaker = turn.speaker;
    paragraphs.push(p);
  }
  text += '\n';
  const doc: Document = { id: source.id, name: source.name, path: source.path, tags: [...source.tags], text, paragraphs };
  if (encoding !== undefined && encoding !== 'UTF-8') doc.encoding = encoding;
  return doc;
}
