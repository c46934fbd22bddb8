/**
 * The same transcript written in the layouts researchers receive: WebVTT with voices, SubRip with
 * `NAME: ` in the cues, Windows-1252, `Name (00:00:00):` lines, and RTF as a word processor writes it. Each turn of a `.txt`
 * (as `parseParagraphs` reads it) is written in turn, its text cut into cues of a few words, as
 * captioning tools do; times advance by one second per cue.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import iconv from 'iconv-lite';
import { analyze, type LeximapResult } from '@leximap/core';
import { parseParagraphs, readCorpus } from '@leximap/io';

export interface Turn {
  speaker?: string;
  text: string;
}

export const FORMATS = ['vtt', 'srt', 'cp1252', 'timestamped', 'rtf'] as const;
export type Format = (typeof FORMATS)[number];

const WORDS_PER_CUE = 12;

export function turnsOf(text: string): Turn[] {
  return parseParagraphs(text).map((p) => ({ ...(p.speaker === undefined ? {} : { speaker: p.speaker }), text: text.slice(p.start, p.end).replace(/\s+/g, ' ') }));
}

function clock(seconds: number, separator: '.' | ','): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${separator}000`;
}

function cues(turns: readonly Turn[]): { speaker?: string; text: string; start: number }[] {
  const out: { speaker?: string; text: string; start: number }[] = [];
  for (const turn of turns) {
    const words = turn.text.split(' ');
    for (let i = 0; i < words.length; i += WORDS_PER_CUE) {
      const text = words.slice(i, i + WORDS_PER_CUE).join(' ');
      out.push({ ...(turn.speaker === undefined ? {} : { speaker: turn.speaker }), text, start: out.length });
    }
  }
  return out;
}

const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function toVtt(turns: readonly Turn[]): string {
  const body = cues(turns).map((c) => `${clock(c.start, '.')} --> ${clock(c.start + 1, '.')}\n${c.speaker === undefined ? '' : `<v ${c.speaker}>`}${escapeVtt(c.text)}`);
  return `WEBVTT\n\n${body.join('\n\n')}\n`;
}

/** SubRip: the speaker written before the first cue of each turn only, as subtitlers do. */
export function toSrt(turns: readonly Turn[]): string {
  let previous: string | undefined;
  const body = cues(turns).map((c, i) => {
    const marker = c.speaker !== undefined && c.speaker !== previous ? `${c.speaker}: ` : '';
    previous = c.speaker;
    return `${i + 1}\r\n${clock(c.start, ',')} --> ${clock(c.start + 1, ',')}\r\n${marker}${c.text}`;
  });
  return body.join('\r\n\r\n') + '\r\n';
}

export function toTimestamped(turns: readonly Turn[]): string {
  return turns.map((t, i) => (t.speaker === undefined ? t.text : `${t.speaker} (${clock(i * 7, '.').slice(0, 8)}): ${t.text}`)).join('\n\n') + '\n';
}

/** One UTF-16 unit of RTF text: ASCII as is, Windows-1252 as `\uN\'hh` (Unicode with its fallback byte), the rest as `\uN?`. */
function rtfChar(c: string): string {
  if (c === '\\' || c === '{' || c === '}') return `\\${c}`;
  const code = c.charCodeAt(0);
  if (code < 0x80) return c;
  const signed = code > 0x7fff ? code - 0x10000 : code;
  const fallback = iconv.encode(c, 'windows-1252');
  return fallback.length === 1 && fallback[0] !== 0x3f ? `\\u${signed}\\'${fallback[0]!.toString(16).padStart(2, '0')}` : `\\u${signed}?`;
}

/**
 * RTF as Word writes it: font, colour and style tables, document info, a running header, the
 * speaker in bold, a paragraph per turn, lines of the file broken before a space (RTF ignores
 * line breaks in the file).
 */
export function toRtf(turns: readonly Turn[]): string {
  // UTF-16 unit by unit: a character beyond U+FFFF is its two surrogates, as RTF writes it.
  const escape = (text: string): string => text.split('').map(rtfChar).join('').replace(/(.{60,}?) /g, '$1\r\n ');
  const head = [
    '{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1',
    '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0 Arial;}}',
    '{\\colortbl;\\red0\\green0\\blue0;\\red31\\green73\\blue125;}',
    '{\\stylesheet{\\s0\\f0\\fs24 Normal;}{\\s1\\f1\\fs28\\b Heading 1;}}',
    '{\\info{\\title Interview transcript}{\\author Transcription service}}{\\*\\generator Microsoft Word 16;}',
    '{\\header\\pard\\qr\\f1\\fs18 Confidential interview transcript\\par}',
  ];
  const body = turns.map((t) => `\\pard\\plain\\s0\\f0\\fs24 ${t.speaker === undefined ? '' : `{\\b ${escape(t.speaker)}:} `}${escape(t.text)}\\par`);
  return `${head.join('\r\n')}\r\n${body.join('\r\n')}\r\n}\r\n`;
}

/** Writes every `.txt` under `from` in `format` under `to`, keeping the folders. */
export async function writeAs(from: string, to: string, format: Format): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      await writeAs(join(from, entry.name), join(to, entry.name), format);
      continue;
    }
    if (extname(entry.name) !== '.txt') continue;
    const text = await readFile(join(from, entry.name), 'utf8');
    const name = entry.name.slice(0, -4);
    const turns = turnsOf(text);
    if (format === 'vtt') await writeFile(join(to, `${name}.vtt`), toVtt(turns));
    else if (format === 'srt') await writeFile(join(to, `${name}.srt`), toSrt(turns));
    else if (format === 'timestamped') await writeFile(join(to, `${name}.txt`), toTimestamped(turns));
    else if (format === 'rtf') await writeFile(join(to, `${name}.rtf`), toRtf(turns));
    else await writeFile(join(to, `${name}.txt`), iconv.encode(text, 'windows-1252'));
  }
}

/** The learned concept labels and the speakers of a folder's analysis. */
export async function conceptsAndSpeakers(folder: string): Promise<{ result: LeximapResult; concepts: Set<string>; speakers: string[] }> {
  const result = await analyze(await readCorpus([folder]));
  return { result, concepts: new Set(result.concepts.filter((c) => c.kind !== 'tag').map((c) => c.label)), speakers: [...result.speakers].sort() };
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}
