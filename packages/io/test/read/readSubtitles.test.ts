import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Document } from '@leximap/core';
import { readSrt } from '../../src/read/readSrt.ts';
import { formatCueTime, readVtt } from '../../src/read/readVtt.ts';
import { sourceFor, utf8 } from '../fixtures/source.ts';

/** Turns with their content, speaker and time. */
function turns(doc: Document): { content: string; speaker?: string; time?: string }[] {
  return doc.paragraphs.map((p) => ({ content: doc.text.slice(p.start, p.end), ...(p.speaker === undefined ? {} : { speaker: p.speaker }), ...(p.time === undefined ? {} : { time: p.time }) }));
}

const VTT = `WEBVTT - Teams export

NOTE a comment the researcher never sees

1
00:00:01.000 --> 00:00:04.500
<v Maria Lopez>We met at the <i>library</i>, and</v>

2
00:00:04.500 --> 00:00:06.000
<v Maria Lopez>then we walked home &amp; talked.</v>

00:00:07.250 --> 00:00:09.000 align:start
<v.loud John>Why the library?</v>

00:01:02.000 --> 00:01:05.000
John: Zoom writes the speaker in the text.
`;

describe('readVtt', () => {
  it('readVtt(…) gives one turn per run of a voice, cues joined, the first cue time kept', async () => {
    const [doc] = await readVtt(utf8(VTT), sourceFor('meeting.vtt'));
    expect(turns(doc!)).toStrictEqual([
      { content: 'We met at the library, and then we walked home & talked.', speaker: 'Maria Lopez', time: '00:00:01.000' },
      { content: 'Why the library? Zoom writes the speaker in the text.', speaker: 'John', time: '00:00:07.250' },
    ]);
    expect(doc!.text).toBe('Maria Lopez: We met at the library, and then we walked home & talked.\n\nJohn: Why the library? Zoom writes the speaker in the text.\n');
    expect(doc!.encoding).toBeUndefined();
  });

  it('readVtt(…) reads Zoom cues whose text starts with the speaker, and cues without one continue the turn', async () => {
    const vtt = 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nAmara Obi: Hello there.\n\n2\n00:00:02.000 --> 00:00:03.000\nStill me.\n\n3\n00:00:03.000 --> 00:00:04.000\nInterviewer: And then?\n';
    const [doc] = await readVtt(utf8(vtt), sourceFor('zoom.vtt'));
    expect(turns(doc!)).toStrictEqual([
      { content: 'Hello there. Still me.', speaker: 'Amara Obi', time: '00:00:00.000' },
      { content: 'And then?', speaker: 'Interviewer', time: '00:00:03.000' },
    ]);
  });

  it('readVtt(…) rejects a file that is not WebVTT, and one without cues, with one line', async () => {
    await expect(readVtt(utf8('1\n00:00:01,000 --> 00:00:02,000\nhello\n'), sourceFor('x.vtt'))).rejects.toMatchObject({
      code: 'E_PARSE',
      message: 'x.vtt: not a WebVTT file: No valid signature. (File needs to start with "WEBVTT".)',
    });
    await expect(readVtt(utf8('WEBVTT\n\nNOTE only a note\n'), sourceFor('empty.vtt'))).rejects.toThrow('empty.vtt: has no WebVTT cues with text');
    await expect(readVtt(Uint8Array.of(0x57, 0, 0, 1, 2, 3, 0, 0, 9, 0), sourceFor('bin.vtt'))).rejects.toMatchObject({ code: 'E_BINARY' });
  });

  it('formatCueTime(…) writes hours, minutes, seconds and milliseconds', () => {
    expect(formatCueTime(245.12)).toBe('00:04:05.120');
    expect(formatCueTime(3 * 3600 + 0.0004)).toBe('03:00:00.000');
  });
});

describe('readSrt', () => {
  const SRT = '1\r\n00:00:01,000 --> 00:00:04,000\r\nMARIA: We met at the <i>library</i>,\r\nand then\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nwe walked home.\r\n\r\n3\r\n00:00:07,250 --> 00:00:09,000\r\n{\\an8}JOHN: Why?\r\n';

  it('readSrt(…) takes speakers from markers in the cue text, joins their cues and keeps the times as written', async () => {
    const [doc] = await readSrt(utf8(SRT), sourceFor('film.srt'));
    expect(turns(doc!)).toStrictEqual([
      { content: 'We met at the library, and then we walked home.', speaker: 'MARIA', time: '00:00:01,000' },
      { content: 'Why?', speaker: 'JOHN', time: '00:00:07,250' },
    ]);
  });

  it('readSrt(…) decodes a Windows-1252 file and records the encoding', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nRenée: Qu’est-ce que vous pensez de la façade du café? C’était très “joli”.\n';
    const [doc] = await readSrt(iconv.encode(srt, 'windows-1252'), sourceFor('old.srt'));
    expect(turns(doc!)).toStrictEqual([{ content: 'Qu’est-ce que vous pensez de la façade du café? C’était très “joli”.', speaker: 'Renée', time: '00:00:01,000' }]);
    expect(doc!.encoding).toBe('windows-1252');
  });

  it('readSrt(…) rejects a file without cues with one line', async () => {
    await expect(readSrt(utf8('%PDF-1.4\nnot subtitles at all\n'), sourceFor('x.srt'))).rejects.toMatchObject({
      code: 'E_PARSE',
      message: 'x.srt: has no SubRip (.srt) cues with text; check that it is a SubRip (.srt) file (cues of a timing line and text)',
    });
  });
});
