/** The short text summary `analyze` prints on stdout: corpus, themes and top concepts; and the notes and warnings it prints on stderr. */
import { isFragile, STOP_LIST_REASON, type LeximapResult } from '@leximap/core';
import { distance } from 'fastest-levenshtein';

/** A speaker label with few turns whose name is close to a more frequent speaker's: usually a typo of it (`Particpant`). */
export interface RareSpeaker {
  name: string;
  turns: number;
  /** Names of the documents with those turns. */
  documents: string[];
  /** The more frequent speaker it is probably a typo of. */
  like: string;
}

/** Turns that make a speaker likely a typo: at most this many. */
export const RARE_SPEAKER_TURNS = 2;
const LISTED = 30;

/** A speaker name as names are compared for typos: lower case, without a title (Mr. Dabor and Dauber). */
function comparable(name: string): string {
  return name.toLowerCase().replace(/\b(mr|mrs|ms|mx|dr|prof)\b\.?\s*/g, '').trim();
}

/**
 * The edits that make a rare speaker's name `other`'s, when it is likely a typo of it: names alike
 * but for case or a title (0), or at most one edit (Levenshtein distance) per three letters of the
 * longer name between names of four letters or more, so "Intervewer" for Interviewer and
 * "Mr. Dabor" for Mr. Dauber, but not Tim for Tom. Numbered labels of a diarisation ("Speaker 1",
 * "Speaker 11") are different speakers.
 * Before, every speaker with one or two turns was listed: QualCoder's demo project, a board
 * meeting with numbered speakers, listed 32 of its 44 and buried its one typo (Mr. Dabor).
 */
function typoOf(rare: string, other: string): number | undefined {
  const a = comparable(rare);
  const b = comparable(other);
  if (a === '' || b === '' || (a !== b && a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#'))) return undefined;
  const edits = distance(a, b);
  return edits === 0 || (edits * 3 <= Math.max(a.length, b.length) && Math.min(a.length, b.length) >= 4) ? edits : undefined;
}

/**
 * Speakers with at most `RARE_SPEAKER_TURNS` turns (runs of blocks of one speaker in a document)
 * whose name is a typo of a speaker with more turns (the closest, then the one with most turns),
 * in the order of `result.speakers`.
 */
export function rareSpeakers(result: LeximapResult): RareSpeaker[] {
  const turns = new Array<number>(result.speakers.length).fill(0);
  const documents = result.speakers.map(() => new Set<string>());
  const { document, speaker } = result.blocks;
  for (let b = 0; b < speaker.length; b++) {
    const s = speaker[b]!;
    if (s < 0 || (b > 0 && document[b - 1] === document[b] && speaker[b - 1] === s)) continue;
    turns[s]!++;
    documents[s]!.add(result.documents[document[b]!]!.name);
  }
  return result.speakers.flatMap((name, s) => {
    if (turns[s]! === 0 || turns[s]! > RARE_SPEAKER_TURNS) return [];
    let like: number | undefined;
    let closest = Infinity;
    result.speakers.forEach((other, o) => {
      const edits = turns[o]! > turns[s]! ? typoOf(name, other) : undefined;
      if (edits !== undefined && (edits < closest || (edits === closest && turns[o]! > turns[like!]!))) [like, closest] = [o, edits];
    });
    return like === undefined ? [] : [{ name, turns: turns[s]!, documents: [...documents[s]!], like: result.speakers[like]! }];
  });
}

function list(names: readonly string[]): string {
  return names.length > LISTED ? `${names.slice(0, LISTED).join(', ')}, … (${names.length} in all)` : names.join(', ');
}

/** One warning per `--exclude-speaker` name that matches no speaker, listing the speakers found. */
export function speakerWarnings(result: LeximapResult, excluded: readonly string[]): string[] {
  const found = new Set(result.speakers);
  const speakers = result.speakers.length === 0 ? 'none (no speaker markers in the text)' : list(result.speakers);
  return excluded.filter((name) => !found.has(name)).map((name) => `warning: --exclude-speaker "${name}" names no speaker, so nobody was excluded; the speakers found are: ${speakers}`);
}

/** A note per encoding other than UTF-8 that files were read in, naming the files. */
export function encodingNotes(result: LeximapResult): string[] {
  const byEncoding = new Map<string, string[]>();
  for (const d of result.documents) if (d.encoding !== undefined) byEncoding.set(d.encoding, [...(byEncoding.get(d.encoding) ?? []), d.path ?? d.id]);
  return [...byEncoding].map(([encoding, files]) => `note: read ${files.length === 1 ? '1 file' : `${files.length} files`} as ${encoding}, not UTF-8: ${list(files)}`);
}

export function summarize(result: LeximapResult, outDir: string, files: readonly string[]): string {
  const c = result.corpus;
  const learned = result.concepts.filter((x) => x.kind !== 'tag');
  const lines = [
    `leximap: ${c.documents} documents, ${c.tokens.toLocaleString('en')} words, ${c.blocks.toLocaleString('en')} blocks → ${learned.length} concepts in ${result.themes.length} themes (seed ${result.parameters.seed}, stress ${result.layout.stress.toFixed(3)})`,
    '',
    'Themes (by connectivity):',
    ...result.themes.slice(0, 12).map((t) => {
      const members = t.members.filter((m) => m !== t.parent).map((m) => result.concepts[m]!.label);
      return `  ${String(t.rank + 1).padStart(2)}. ${t.name.padEnd(18)} ${String(Math.round(t.relevance * 100)).padStart(3)}%  ${members.slice(0, 8).join(', ')}${members.length > 8 ? ', …' : ''}`;
    }),
    ...stabilityLines(result),
    ...leftOutLines(result),
    '',
    'Top concepts (blocks, relevance):',
    '  ' + learned.slice(0, 20).map((x) => `${x.label} (${x.count}, ${Math.round(x.relevance * 100)}%)`).join(', '),
    '',
    `Wrote ${files.join(', ')} to ${outDir}`,
  ];
  const rare = rareSpeakers(result);
  if (rare.length > 0) {
    const listed = rare.slice(0, LISTED).map((r) => `${r.name} (${r.turns} turn${r.turns === 1 ? '' : 's'}, ${list(r.documents)}) for ${r.like}?`);
    if (rare.length > LISTED) listed.push(`… (${rare.length} in all)`);
    lines.splice(lines.length - 1, 0, 'Speakers with one or two turns named like another speaker (likely typos; check the transcripts):', '  ' + listed.join(', '), '');
  }
  return lines.join('\n');
}

/** The most frequent terms that name no concept and why, then the nouns the stop list kept out, on one line. */
function leftOutLines(result: LeximapResult): string[] {
  const all = result.leftOut ?? [];
  if (all.length === 0) return [];
  const terms = all.filter((l) => !l.reason.startsWith(STOP_LIST_REASON));
  const stopped = all.filter((l) => l.reason.startsWith(STOP_LIST_REASON));
  const lines = [''];
  if (terms.length > 0) lines.push('Frequent terms that name no concept (keep one with --seeds, a line "label: term"):', ...terms.slice(0, 5).map((l) => `  ${l.term} (${l.blocks} blocks): ${l.reason}`));
  if (stopped.length > 0) lines.push(`On the stop list (keep one with a line "-word" in a --stopwords file): ${stopped.map((l) => `${l.term} (${l.blocks} blocks)`).join(', ')}`);
  return lines;
}

/** At most 12 labels, then an ellipsis. */
function labelList(labels: readonly string[]): string {
  return `${labels.slice(0, 12).join(', ')}${labels.length > 12 ? ', …' : ''}`;
}

/** One line on how the reading held over the stability resamples, the fragile concepts and those that move between themes. */
export function stabilityLines(result: LeximapResult): string[] {
  const s = result.stability;
  if (!s) return [];
  const learned = result.concepts.filter((c) => c.kind !== 'tag');
  const fragile = learned.filter((c) => isFragile(c.stability)).map((c) => c.label);
  const moving = learned.filter((c) => !isFragile(c.stability) && isFragile(c.themeStability)).map((c) => c.label);
  return [
    '',
    `Stability over ${s.runs} resamples leaving out ${s.leaveOut} document(s) each: themes ARI ${s.themeAri.mean.toFixed(2)} (${s.themeAri.min.toFixed(2)}–${s.themeAri.max.toFixed(2)}), concepts Jaccard ${s.conceptJaccard.mean.toFixed(2)} (${s.conceptJaccard.min.toFixed(2)}–${s.conceptJaccard.max.toFixed(2)})`,
    ...(fragile.length > 0 ? [`  found again in fewer than half of them: ${labelList(fragile)}`] : []),
    ...(moving.length > 0 ? [`  with under half of their theme's other members in them: ${labelList(moving)}`] : []),
  ];
}
