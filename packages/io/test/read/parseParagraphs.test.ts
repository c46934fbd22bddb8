import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '@leximap/core';
import { parseParagraphs, scanLines } from '../../src/read/parseParagraphs.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** Paragraphs with their content, to read the expectations at a glance. */
function turns(text: string): { content: string; speaker?: string; time?: string }[] {
  return parseParagraphs(text).map((p: Paragraph) => {
    const turn: { content: string; speaker?: string; time?: string } = { content: text.slice(p.start, p.end) };
    if (p.speaker !== undefined) turn.speaker = p.speaker;
    if (p.time !== undefined) turn.time = p.time;
    return turn;
  });
}

describe('parseParagraphs', () => {
  it('parseParagraphs(…) splits on blank lines and keeps the speaker until the next marker', () => {
    const text = fixture('corpus/organisers/P04-lin.txt');
    expect(parseParagraphs(text)).toStrictEqual([
      { start: 0, end: 29 },
      { start: 44, end: 77, speaker: 'Interviewer' },
      { start: 84, end: 162, speaker: 'Lin' },
      { start: 164, end: 193, speaker: 'Lin' },
    ]);
    expect(turns(text).map((t) => t.content)).toStrictEqual([
      'Interview with Lin, organiser',
      'How did the first edit-a-thon go?',
      'Twelve people came. Most had never edited before.\nWe paired them with mentors.',
      'It went better than I feared.',
    ]);
  });

  it('parseParagraphs(…) gives one paragraph per line when the text has no blank lines', () => {
    expect(turns('Interviewer: Hello.\nDan: Hi there.\nAnd more from Dan.\n')).toStrictEqual([
      { content: 'Hello.', speaker: 'Interviewer' },
      { content: 'Hi there.', speaker: 'Dan' },
      { content: 'And more from Dan.', speaker: 'Dan' },
    ]);
  });

  it('parseParagraphs(…) reads #00:00:05-2# timestamps (f4/f5)', () => {
    const text = fixture('text/f4.txt');
    expect(parseParagraphs(text)).toStrictEqual([
      { start: 26, end: 44, speaker: 'Interviewer', time: '00:00:05-2' },
      { start: 61, end: 82, speaker: 'B', time: '00:00:09-8' },
    ]);
    expect(turns(text).map((t) => t.content)).toStrictEqual(['How did you start?', 'With a photo contest.']);
  });

  it('parseParagraphs(…) reads [00:01:23] timestamps, then a space or a tab', () => {
    expect(turns(fixture('text/brackets.txt'))).toStrictEqual([
      { content: 'We met on Saturdays.', speaker: 'Dan', time: '00:01:23' },
      { content: 'Every week?', speaker: 'Interviewer', time: '00:01:30' },
    ]);
  });

  it('parseParagraphs(…) reads bare 00:01:23.5 timestamps and three-word speakers', () => {
    expect(turns(fixture('text/bare.txt'))).toStrictEqual([
      { content: 'It started in 2019.', speaker: 'Mary Ann Lee', time: '00:01:23.5' },
      { content: 'Same for me.', speaker: 'P1', time: '00:01:40' },
    ]);
  });

  it('parseParagraphs(…) reads (00:01:23) timestamps', () => {
    expect(turns(fixture('text/parens.txt'))).toStrictEqual([
      { content: 'I edit at night.', speaker: 'P1', time: '00:01:23' },
      { content: 'Why at night?', speaker: 'Interviewer', time: '00:02:00' },
    ]);
  });

  it('parseParagraphs(…) keeps CRLF inside a paragraph and offsets into the original text', () => {
    const text = fixture('text/crlf.txt');
    expect(parseParagraphs(text)).toStrictEqual([
      { start: 13, end: 28, speaker: 'Interviewer' },
      { start: 37, end: 62, speaker: 'Dan' },
      { start: 79, end: 86, speaker: 'Interviewer' },
    ]);
    expect(text.slice(37, 62)).toBe('First answer.\r\nStill Dan.');
  });

  it('parseParagraphs(…) counts UTF-16 code units, so an emoji takes two', () => {
    const text = fixture('text/emoji.txt');
    expect(parseParagraphs(text)).toStrictEqual([
      { start: 5, end: 25, speaker: 'Mei' },
      { start: 39, end: 47, speaker: 'Interviewer' },
    ]);
    expect(text.slice(5, 25)).toBe('I love it \u{1F600} really.');
    expect(text.slice(39, 47)).toBe('\u{1F44D} Good.');
  });

  it('parseParagraphs(…) takes no speaker from prose, header labels, four words, lower case or numbers alone', () => {
    const text = [
      'Date: 3 March 2024',
      '',
      'We talked for an hour. Note: the recorder failed.',
      '',
      'The Big Bad Wolf: four words are too many.',
      '',
      'so: lower case is prose.',
      '',
      '1: a numbered point.',
      '',
      'Interviewer and the Participant of the Study: far too long.',
    ].join('\n');
    expect(turns(text)).toStrictEqual([
      { content: 'Date: 3 March 2024' },
      { content: 'We talked for an hour. Note: the recorder failed.' },
      { content: 'The Big Bad Wolf: four words are too many.' },
      { content: 'so: lower case is prose.' },
      { content: '1: a numbered point.' },
      { content: 'Interviewer and the Participant of the Study: far too long.' },
    ]);
  });

  it('parseParagraphs(…) reads Zoom/Teams markers with the timestamp after the name: Maria (00:04:05):', () => {
    const text = 'Maria (00:04:05): We met at the library.\nJohn Smith [00:04:09]: And then?\nMaria (00:04:12): Then we left.';
    expect(turns(text)).toStrictEqual([
      { content: 'We met at the library.', speaker: 'Maria', time: '00:04:05' },
      { content: 'And then?', speaker: 'John Smith', time: '00:04:09' },
      { content: 'Then we left.', speaker: 'Maria', time: '00:04:12' },
    ]);
  });

  it('parseParagraphs(…) reads Otter blocks: Maria Lopez  0:00 alone on a line, the text below', () => {
    const text = 'Maria Lopez  0:00\nWelcome, everyone.\nSecond line of the turn.\n\nSpeaker 2  1:05:12\nThank you.\n';
    expect(turns(text)).toStrictEqual([
      { content: 'Welcome, everyone.\nSecond line of the turn.', speaker: 'Maria Lopez', time: '0:00' },
      { content: 'Thank you.', speaker: 'Speaker 2', time: '1:05:12' },
    ]);
    expect(turns('Maria Lopez  0:00\nWelcome.\nJohn  0:07\nHello.')).toStrictEqual([
      { content: 'Welcome.', speaker: 'Maria Lopez', time: '0:00' },
      { content: 'Hello.', speaker: 'John', time: '0:07' },
    ]);
  });

  it('parseParagraphs(…) reads Markdown bold markers **Name:** and **Name**:', () => {
    expect(turns('**Interviewer:** How did it start?\n\n**Amara**: With a photo.')).toStrictEqual([
      { content: 'How did it start?', speaker: 'Interviewer' },
      { content: 'With a photo.', speaker: 'Amara' },
    ]);
  });

  it('parseParagraphs(…) reads lower-case and hyphenated labels that open two paragraphs or more', () => {
    const text = 'admin-1: How did it start?\nparticipant_2: With a photo.\nadmin-1: And then?\nparticipant_2: A walk.\nso: this one is prose.';
    expect(turns(text)).toStrictEqual([
      { content: 'How did it start?', speaker: 'admin-1' },
      { content: 'With a photo.', speaker: 'participant_2' },
      { content: 'And then?', speaker: 'admin-1' },
      { content: 'A walk.', speaker: 'participant_2' },
      { content: 'so: this one is prose.', speaker: 'participant_2' },
    ]);
    expect(turns('note: one\nnote: two')).toStrictEqual([{ content: 'note: one' }, { content: 'note: two' }]);
  });

  it('parseParagraphs(…) does not take a name and a time inside prose for an Otter marker', () => {
    expect(turns('We met Maria at 10:30 and talked.\nThe Meeting 10:30 is later')).toStrictEqual([
      { content: 'We met Maria at 10:30 and talked.' },
      { content: 'The Meeting 10:30 is later' },
    ]);
  });

  it('parseParagraphs(…) refuses a marker longer than 40 characters', () => {
    const long = 'Abcdefghijklmnopqrstu Abcdefghijklmnopqrst';
    expect(long.length).toBe(42);
    expect(turns(`${long}: hello`)).toStrictEqual([{ content: `${long}: hello` }]);
  });

  it('parseParagraphs(…) splits a paragraph that opened a turn at a later line with a marker', () => {
    const text = 'Interviewer: One?\nDan: Two.\nstill two.\n\nNote: three.\nInterviewer: not a turn, inside a note.';
    expect(turns(text)).toStrictEqual([
      { content: 'One?', speaker: 'Interviewer' },
      { content: 'Two.\nstill two.', speaker: 'Dan' },
      { content: 'Note: three.\nInterviewer: not a turn, inside a note.', speaker: 'Dan' },
    ]);
  });

  it('parseParagraphs(…) drops empty paragraphs, lets a bare marker set the speaker and a bare timestamp the next turn\'s time', () => {
    const text = '\n\nDan:\n\n   \n\nHello from Dan.\n\n[00:03:00]\n\nInterviewer:\tThanks.\n\n';
    expect(parseParagraphs(text)).toStrictEqual([
      { start: 13, end: 28, speaker: 'Dan' },
      { start: 55, end: 62, speaker: 'Interviewer', time: '00:03:00' },
    ]);
  });

  it('parseParagraphs(…) reads a Word table of time, speaker and text columns: each time is its turn\'s', () => {
    const table = '00:01\n\nInterviewer\n\nHow did you start?\n\n00:05\n\nMaria Lopez\n\nAt the clinic.\n\n00:09\n\nInterviewer\n\nAnd then?\n\n00:12\n\nMaria Lopez\n\nI moved.\n';
    expect(turns(table)).toStrictEqual([
      { content: 'How did you start?', speaker: 'Interviewer', time: '00:01' },
      { content: 'At the clinic.', speaker: 'Maria Lopez', time: '00:05' },
      { content: 'And then?', speaker: 'Interviewer', time: '00:09' },
      { content: 'I moved.', speaker: 'Maria Lopez', time: '00:12' },
    ]);
    // A time inside prose is prose.
    expect(turns('We met at 10:30 and talked.\n')).toStrictEqual([{ content: 'We met at 10:30 and talked.' }]);
  });

  it('parseParagraphs(…) strips a timestamp without a speaker, keeping the previous speaker', () => {
    expect(turns('Dan: One.\n[00:00:10] Two.\n')).toStrictEqual([
      { content: 'One.', speaker: 'Dan' },
      { content: 'Two.', speaker: 'Dan', time: '00:00:10' },
    ]);
  });

  it('parseParagraphs(…) reads a marker followed by a line break', () => {
    expect(turns('INTERVIEWER:\nSo, how did it start?\n\nDR. SMITH:\nSlowly.')).toStrictEqual([
      { content: 'So, how did it start?', speaker: 'INTERVIEWER' },
      { content: 'Slowly.', speaker: 'DR. SMITH' },
    ]);
  });

  it('parseParagraphs(…) reads names alone on their line as speakers in a dialogue so laid out (a Word table as text)', () => {
    const dialogue = 'Interviewer\n\nSo how did you start?\n\nMaria Lopez\n\nAt the clinic.\n\nIt was 2015.\n\nInterviewer\n\nAnd then?\n\nMaria Lopez\n\nThen I moved.\n';
    expect(turns(dialogue)).toStrictEqual([
      { content: 'So how did you start?', speaker: 'Interviewer' },
      { content: 'At the clinic.', speaker: 'Maria Lopez' },
      { content: 'It was 2015.', speaker: 'Maria Lopez' },
      { content: 'And then?', speaker: 'Interviewer' },
      { content: 'Then I moved.', speaker: 'Maria Lopez' },
    ]);
    // One line per turn, no blank lines: the same.
    expect(turns(dialogue.replace(/\n\n/g, '\n')).map((t) => t.speaker)).toStrictEqual(['Interviewer', 'Maria Lopez', 'Maria Lopez', 'Interviewer', 'Maria Lopez']);
    // A timestamp after the name, in brackets, is the turn's time.
    expect(turns('Interviewer (00:01)\n\nHow?\n\nSam (00:04)\n\nLike this.\n\nInterviewer (00:09)\n\nAnd?\n\nSam (00:12)\n\nDone.\n')[1]).toStrictEqual({
      content: 'Like this.',
      speaker: 'Sam',
      time: '00:04',
    });
  });

  it('parseParagraphs(…) keeps one-word turns and headings alone on their line as text', () => {
    // "Okay" twice is a word of talk, not a speaker; headings used once each label nothing.
    const talk = 'So how did you start?\nOkay\nAt the clinic, in 2015.\nOkay\nThen I moved.\n';
    expect(turns(talk).map((t) => t.speaker)).toStrictEqual([undefined, undefined, undefined, undefined, undefined]);
    const report = 'Introduction\n\nThis report describes the clinic.\n\nMethods\n\nWe interviewed staff.\n';
    expect(turns(report).map((t) => t.content)).toStrictEqual(['Introduction', 'This report describes the clinic.', 'Methods', 'We interviewed staff.']);
    // One label alone is no dialogue: a repeated title stays text.
    const titled = 'Chapter\n\nIt began in May.\n\nChapter\n\nIt ended in June.\n';
    expect(turns(titled).map((t) => t.speaker)).toStrictEqual([undefined, undefined, undefined, undefined]);
  });

  it('parseParagraphs(…) returns nothing for an empty or blank text', () => {
    expect(parseParagraphs('')).toStrictEqual([]);
    expect(parseParagraphs(' \n\t\r\n')).toStrictEqual([]);
  });

  it('parseParagraphs(…) accepts other labels as speakers when notSpeakers is empty', () => {
    const text = 'Note: the recorder failed.';
    expect(parseParagraphs(text, { notSpeakers: [] })).toStrictEqual([{ start: 6, end: 26, speaker: 'Note' }]);
  });
});

/** Lines as the definition reads: a line ends at LF, CR or CRLF (one break), or at the end of the text. */
function linesOneByOne(text: string): { lineEnd: number[]; first: number[] } {
  const lineEnd: number[] = [];
  const first: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text[i] : 'end';
    if (c === '\n' || c === '\r' || c === 'end') {
      const content = text.slice(start, i);
      const lead = content.length - content.trimStart().length;
      lineEnd.push(i);
      first.push(lead < content.length ? start + lead : -1);
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  return { lineEnd, first };
}

describe('scanLines', () => {
  it('scanLines(text) finds the lines of any mix of LF, CR and CRLF breaks, blank lines and white space', () => {
    const piece = fc.constantFrom('a', 'Dan:', ' ', '\t', '\u00a0', '\n', '\r', '\r\n', '\n\n', 'x y');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(scanLines(text)).toStrictEqual(linesOneByOne(text));
      }),
      { numRuns: 500 },
    );
  });
});
