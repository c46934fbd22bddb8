/**
 * Reads a WebVTT file (`.vtt`: Zoom, Teams, YouTube captions) with W3C's `webvtt-parser`, its
 * full HTML entity table included, as one transcript document (see `cuesToDocument`).
 */
import { createRequire } from 'node:module';
import { LeximapError, type Document } from '@leximap/core';
import webvtt, { type CueNode } from 'webvtt-parser';
import { cuesToDocument, type Cue } from './cuesToDocument.ts';
import { decodeTextDetailed } from './decodeText.ts';
import type { SourceFile } from './SourceFile.ts';

const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;

/** `00:04:05.120` for 245.12 seconds. */
export function formatCueTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** The voice (`<v Name>`) and the plain text of a cue's nodes. */
function flatten(nodes: readonly CueNode[], out: { voice?: string; text: string }): void {
  for (const node of nodes) {
    if (node.type === 'text') out.text += node.value ?? '';
    else if (node.type === 'object') {
      if (node.name === 'v' && out.voice === undefined && node.value) out.voice = node.value;
      flatten(node.children ?? [], out);
    }
  }
}

export async function readVtt(bytes: Uint8Array, source: SourceFile): Promise<Document[]> {
  const { text, encoding } = decodeTextDetailed(bytes, source.path);
  const parsed = new webvtt.WebVTTParser(entities).parse(text, 'metadata');
  const fatal = parsed.errors.find((e) => e.line === 1 && parsed.cues.length === 0);
  if (fatal) throw new LeximapError('E_PARSE', `not a WebVTT file: ${fatal.message.replace(/\.$/, '')}`, { file: source.path });
  const cues: Cue[] = parsed.cues.map((cue) => {
    const out: { voice?: string; text: string } = { text: '' };
    flatten(cue.tree.children, out);
    return out.voice === undefined ? { time: formatCueTime(cue.startTime), text: out.text } : { time: formatCueTime(cue.startTime), voice: out.voice, text: out.text };
  });
  return [cuesToDocument(cues, source, 'WebVTT', encoding)];
}
